import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_BASE_URL = `http://localhost:${PORT}`

// Debian's Chromium (installed by scripts/test.sh), never a downloaded browser. The flags keep
// it from reaching for Google's services on a closed network (../shared/notes/toolchain.md).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

/** Specs that move the app's clock for the whole e2e database (see the projects below). */
const TIME_TRAVELLING = /mail-chain\.spec\.ts$/

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // Headroom for a loaded 2-core machine: one test may run axe on several pages (each has taken
  // over 60 s there); a real hang still fails, just later.
  timeout: 180_000,
  // A web-first assertion waits this long: a sign-up or a scored post-test has taken more than the
  // default 5 s at a load average above 10 (several builds and test runs at once).
  expect: { timeout: 20_000 },
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'chromium', testIgnore: TIME_TRAVELLING, use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    // Specs that run the scheduler at a future instant against the shared e2e database: its tick
    // also runs the retention job (other specs' sessions "expire" and are deleted) and queues and
    // delivers everyone's due mail. They run alone, after every other spec has finished (a CI run
    // failed two specs that overlapped with mail-chain.spec.ts).
    { name: 'alone', testMatch: TIME_TRAVELLING, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
  ],
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${E2E_BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ...(process.env as Record<string, string>), E2E_PORT: String(PORT) },
  },
})
