import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

// Logs and metrics on the real server (decision 041): the request id from nginx's header or a
// new one, on the response and in the page; one JSON line per request in the server's log
// (scripts/e2e-server.sh copies it to a file) with the route pattern and none of what the request
// carried; the request counted in /api/metrics behind its token.
const LOG_FILE = path.resolve(import.meta.dirname, `../tests/.data/e2e-${process.env.E2E_PORT ?? 3100}.log`)
const METRICS_TOKEN = process.env.METRICS_TOKEN ?? 'e2e-metrics-token-0123456789'

type Line = { msg?: string; requestId?: string; method?: string; route?: string; status?: number; durationMs?: number; action?: boolean; level?: string }

function logLines(): Line[] {
  return fs
    .readFileSync(LOG_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line)
}

const hex32 = () => Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')

test.describe('request ids, the request log and metrics', () => {
  test("keeps nginx's request id, makes one otherwise, and shows the document's on the page", async ({ request, page }) => {
    const fromNginx = hex32()
    const kept = await request.get('/api/health', { headers: { 'X-Request-Id': fromNginx } })
    expect(kept.headers()['x-request-id']).toBe(fromNginx)
    const made = await request.get('/api/health')
    expect(made.headers()['x-request-id']).toMatch(/^[0-9a-f]{32}$/)
    const replaced = await request.get('/api/health', { headers: { 'X-Request-Id': 'bad id "}{' } })
    expect(replaced.headers()['x-request-id']).toMatch(/^[0-9a-f]{32}$/)

    const response = await page.goto('/masuk')
    const id = response!.headers()['x-request-id']
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    await expect(page.locator('meta[name="request-id"]')).toHaveAttribute('content', id!)
  })

  test('logs one line per request with the route pattern, and nothing of the password, NIP, codes or token it carried', async ({ request, page }) => {
    const nip = '199001012015031002'
    const password = 'Salah-Sandi-Rahasia-77'
    const certificateCode = '7k3m9qxdh2c4a8ty5nw0b6rz'
    const token = 'tok9f8e7d6c5b4a39281706f5e4d3c2b1a0'
    const id = hex32()
    const verify = await request.get(`/verify/${certificateCode}?token=${token}&kode=K7M2P-9QX4D`, { headers: { 'X-Request-Id': id, Cookie: `better-auth.session_token=${token}` } })

    // A sign-in with a NIP and a wrong password: a server action carrying both.
    await page.goto('/masuk')
    await page.getByLabel('Email atau NIP').fill(nip)
    await page.getByLabel('Kata sandi').fill(password)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await expect(page.getByRole('alert').first()).toBeVisible()

    await expect.poll(() => logLines().some((line) => line.requestId === id), { timeout: 30_000 }).toBe(true)
    const line = logLines().find((l) => l.requestId === id)!
    expect(line).toMatchObject({ msg: 'request', level: 'info', method: 'GET', route: '/verify/[code]', status: verify.status() })
    expect(line.durationMs).toBeGreaterThan(0)
    await expect.poll(() => logLines().some((l) => l.route === '/masuk' && l.method === 'POST' && l.action === true), { timeout: 30_000 }).toBe(true)

    const log = fs.readFileSync(LOG_FILE, 'utf8')
    for (const secret of [nip, password, certificateCode, token, 'K7M2P-9QX4D']) expect(log).not.toContain(secret)
  })

  test('counts requests per route pattern in /api/metrics, for the token only', async ({ request }) => {
    await request.get('/verify/7k3m9qxdh2c4a8ty5nw0b6rz')
    expect((await request.get('/api/metrics')).status()).toBe(401)
    expect((await request.get('/api/metrics', { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status()).toBe(401)
    const scraped = await request.get('/api/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(scraped.status()).toBe(200)
    const text = await scraped.text()
    expect(text).toMatch(/^bbs_http_requests_total\{method="GET",route="\/verify\/\[code\]",status="\d{3}"\} [1-9]\d*$/m)
    expect(text).toMatch(/^bbs_http_request_duration_seconds_count\{method="GET",route="\/verify\/\[code\]"\} [1-9]\d*$/m)
    expect(text).toMatch(/^bbs_outbox_messages\{status="pending"\} \d+$/m)
    expect(text).not.toContain('7k3m9qxdh2c4a8ty5nw0b6rz')
  })
})
