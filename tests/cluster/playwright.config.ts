import { defineConfig, devices } from '@playwright/test'

// The cluster smoke (`npm run test:cluster`, scripts/test-cluster.sh): the browser talks to nginx
// over TLS (a throw-away self-signed certificate), nginx to two `next start` instances. The script
// starts everything and passes the addresses in; there is no webServer here.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}

export default defineConfig({
  testDir: '.',
  testMatch: 'cluster.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 240_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: process.env.CLUSTER_BASE_URL ?? 'https://localhost:8431',
    ignoreHTTPSErrors: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
})
