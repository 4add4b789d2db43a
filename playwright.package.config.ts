import { defineConfig, devices } from '@playwright/test'

// The exported LMS packages' browser test (e2e/scorm-package.spec.ts, decision 051) without the
// app server: the spec serves the package and an LMS page of its own. The main config runs the
// same spec too (it simply ignores the app server there).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: /scorm-package\.spec\.ts$/,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 300_000,
  expect: { timeout: 20_000 },
  use: { locale: 'id-ID', timezoneId: 'Asia/Jakarta', trace: 'retain-on-failure', launchOptions: chromium },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
})
