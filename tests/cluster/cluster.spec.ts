import fs from 'node:fs'
import { request as playwrightRequest, type Browser, type Page } from '@playwright/test'
import {
  answerAllRight,
  answerKnowledgeCheckWithKeyboard,
  completeAllLessons,
  creditReadingTime,
  DEMO_LOGINS,
  e2eDb,
  expect,
  freshNip,
  lessonSlugs,
  signInWithForm,
  test,
} from '../../e2e/fixtures'

// The smoke of the production topology (docs/deploy.md), run by scripts/test-cluster.sh: every
// page through nginx (TLS, round robin over two `next start` instances on one PostgreSQL). What
// would break with state kept per instance: sessions, certificate numbers, rate limits, sign-out.
const instances = (process.env.CLUSTER_INSTANCES ?? 'http://localhost:3232,http://localhost:3233').split(',')
const accessLog = process.env.CLUSTER_ACCESS_LOG
const PASSWORD = 'Sandi-klaster-2026'

/** nginx's access log as `method uri status upstream request_id` lines (the script's log_format). */
function upstreamsOf(matches: (method: string, uri: string) => boolean): string[] {
  if (!accessLog) return []
  return fs
    .readFileSync(accessLog, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([method, uri]) => method && uri && matches(method, uri))
    .map((parts) => parts[3] ?? '-')
}

/**
 * Makes nginx send this client's next request to the instance that did not serve `previous`:
 * round robin hands out instances in turn, so probe /api/health until `previous` served the last
 * probe. Needs the access log; without it, does nothing.
 */
async function steerAwayFrom(page: Page, previous: string | undefined) {
  if (!accessLog || !previous) return
  for (let i = 0; i < instances.length + 1; i++) {
    expect((await page.request.get('/api/health')).status()).toBe(200)
    if (upstreamsOf((method, uri) => method === 'GET' && uri === '/api/health').at(-1) === previous) return
  }
}

/** The post-test in the pages (as passPostTest), its submission sent to the other instance than `previous`. */
async function passPostTestOn(page: Page, previous: string | undefined): Promise<{ attemptId: string; servedBy: string | undefined }> {
  await page.goto('/uji/akhir')
  await page.getByRole('button', { name: 'Mulai uji akhir' }).click()
  await expect(page).toHaveURL(/\/uji\/percobaan\//, { timeout: 60_000 })
  const attemptId = page.url().split('/').pop() as string
  await answerAllRight(page, attemptId)
  await steerAwayFrom(page, previous)
  await page.getByRole('button', { name: 'Kirim jawaban' }).click()
  await expect(page).toHaveURL(new RegExp(`/uji/hasil/${attemptId}`), { timeout: 60_000 })
  return { attemptId, servedBy: upstreamsOf((method, uri) => method === 'POST' && uri.includes(attemptId)).at(0) }
}

async function register(browser: Browser, label: string): Promise<{ page: Page; nip: string; id: string }> {
  const page = await (await browser.newContext()).newPage()
  const nip = freshNip()
  await page.goto('/daftar')
  await page.getByLabel('Nama lengkap dengan gelar').fill(`Peserta Klaster ${label}`)
  await page.getByLabel('PNS', { exact: true }).check()
  await page.getByLabel('NIP', { exact: true }).fill(nip)
  await page.getByLabel('Instansi').selectOption({ label: 'Pemerintah Kota Demo Raya' })
  await page.getByLabel('Unit kerja').selectOption({ label: 'Dinas Pendidikan' })
  await page.getByLabel('Email').fill(`klaster-${label}-${nip}@contoh.go.id`)
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Ulangi kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Buat akun' }).click()
  await expect(page).toHaveURL(/\/dasbor/, { timeout: 60_000 })
  const user = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { nip } }))
  return { page, nip, id: user.id }
}

test('the instances behind nginx both answer, and both say they are ready', async ({ request }) => {
  for (const instance of instances) {
    const ready = await request.get(`${instance}/api/ready`)
    expect(ready.status(), instance).toBe(200)
    expect(await ready.json()).toMatchObject({ ready: true, ahead: 0 })
  }
  expect((await request.get('/api/ready')).status()).toBe(200)
})

test("nginx's request id reaches the instance and comes back; metrics are per instance, not through nginx", async ({ request }) => {
  const response = await request.get('/api/health')
  const id = response.headers()['x-request-id']
  expect(id).toMatch(/^[0-9a-f]{32}$/)
  if (accessLog) {
    // nginx's $request_id is the id the app logged and answered with.
    await expect.poll(() => fs.readFileSync(accessLog, 'utf8').split('\n').some((line) => line.startsWith('GET /api/health 200 ') && line.endsWith(` ${id}`))).toBe(true)
  }
  expect((await request.get('/api/metrics', { headers: { Authorization: `Bearer ${process.env.METRICS_TOKEN}` } })).status()).toBe(404)
  for (const instance of instances) {
    const scraped = await request.get(`${instance}/api/metrics`, { headers: { Authorization: `Bearer ${process.env.METRICS_TOKEN}` } })
    expect(scraped.status(), instance).toBe(200)
    expect(await scraped.text()).toMatch(/^bbs_http_requests_total\{method="GET",route="\/api\/ready",status="200"\} [1-9]/m)
  }
})

test('two learners register, read a lesson, pass the post-test and get certificate numbers without gaps', async ({ browser }) => {
  const first = lessonSlugs()[0]!
  const numbers: string[] = []
  const issuedBy: Array<string | undefined> = []
  const holders: { id: string; email: string; number: string }[] = []
  for (const label of ['a', 'b']) {
    const learner = await register(browser, label)
    // One lesson through the pages (its reading time credited: the minimum is tested elsewhere) …
    await creditReadingTime(learner.id, [first])
    await learner.page.goto(`/belajar/${first}`)
    await answerKnowledgeCheckWithKeyboard(learner.page)
    await expect(learner.page.getByRole('heading', { name: 'Pelajaran selesai' })).toBeVisible()
    // … the others marked done in the database, then the post-test in the pages.
    await completeAllLessons(learner.id)
    const { servedBy } = await passPostTestOn(learner.page, issuedBy.at(-1))
    issuedBy.push(servedBy)
    await learner.page.getByRole('link', { name: 'Unduh sertifikat' }).click()
    await expect(learner.page).toHaveURL(/\/sertifikat$/)
    const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))
    await expect(learner.page.getByRole('heading', { name: certificate.number })).toBeVisible()
    numbers.push(certificate.number)
    holders.push({ id: learner.id, email: `klaster-${label}-${learner.nip}@contoh.go.id`.toLowerCase(), number: certificate.number })
    console.log(`learner ${label}: certificate ${certificate.number}; post-test submitted to ${servedBy ?? '(no access log)'}`)
    await learner.page.context().close()
  }
  // Every certificate of the database: one sequence, no gap, no duplicate, whichever instance issued it.
  const all = await e2eDb((db) => db.certificate.findMany({ select: { number: true } }))
  const sequence = all.map(({ number }) => Number(/\/(\d{6})$/.exec(number)?.[1])).sort((a, b) => a - b)
  expect(new Set(sequence).size).toBe(sequence.length)
  expect(sequence.at(-1)! - sequence[0]! + 1).toBe(sequence.length)
  for (const number of numbers) expect(all.map((c) => c.number)).toContain(number)

  // The certificate email, queued by whichever instance issued it, delivered exactly once by the
  // one mail worker (`npm run worker`; MAIL_WORKER=off on both instances).
  const receivedFile = process.env.CLUSTER_MAIL_RECEIVED
  if (receivedFile) {
    const delivered = (holder: { email: string; number: string }) =>
      fs
        .readFileSync(receivedFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { to: string[]; subject: string })
        .filter((mail) => mail.to.map((to) => to.toLowerCase()).includes(holder.email) && mail.subject.includes(holder.number)).length
    for (const holder of holders) {
      await expect.poll(() => e2eDb((db) => db.outboxMessage.findFirst({ where: { userId: holder.id, kind: 'certificate-issued' }, select: { status: true } })), { timeout: 120_000 }).toMatchObject({ status: 'sent' })
      await expect.poll(() => delivered(holder), { timeout: 30_000 }).toBeGreaterThan(0)
      const outbox = await e2eDb((db) => db.outboxMessage.findMany({ where: { userId: holder.id, kind: 'certificate-issued' }, select: { status: true, attempts: true } }))
      expect(outbox, holder.number).toEqual([{ status: 'sent', attempts: 1 }])
      expect(delivered(holder), `emails for ${holder.number}`).toBe(1)
    }
  }
  if (accessLog) expect(new Set(issuedBy).size, `certificates issued by ${JSON.stringify(issuedBy)}`).toBe(2)
})

test('HR downloads the completion report through nginx', async ({ page }) => {
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/, { timeout: 60_000 })
  await page.goto('/hr/laporan')
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Laporan penyelesaian (CSV untuk Excel/LibreOffice)', exact: true }).click(),
  ])
  const csv = fs.readFileSync(await file.path(), 'utf8')
  expect(csv.split('\n')[0]).toContain('Nomor Sertifikat')
  // Every certificate issued so far (by either instance) is on its row.
  const certificates = await e2eDb((db) => db.certificate.findMany({ select: { number: true } }))
  expect(certificates.length).toBeGreaterThan(0)
  for (const { number } of certificates) expect(csv).toContain(`;${number};`)
})

test('failed sign-ins are counted across the instances: the sixth is refused', async ({ page }) => {
  const identifier = `klaster-palsu-${Date.now()}@contoh.go.id`
  const before = upstreamsOf((method, uri) => method === 'POST' && uri.startsWith('/masuk')).length
  await page.goto('/masuk')
  const password = page.getByLabel('Kata sandi')
  const alert = page.getByRole('main').getByRole('alert')
  for (let i = 0; i < 6; i++) {
    await page.getByLabel('Email atau NIP').fill(identifier)
    await password.fill(`salah-${i}-sandi`)
    await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), page.getByRole('button', { name: 'Masuk' }).click()])
    await expect(password).toHaveValue('')
    await expect(alert).toBeVisible()
    // Five free failures per account (lib/rate-limit/policies.ts), wherever they were counted.
    if (i < 5) await expect(alert).toHaveText('Email/NIP atau kata sandi salah.')
  }
  await expect(alert).toContainText('Terlalu banyak percobaan masuk yang gagal untuk akun ini')
  const counter = await e2eDb((db) => db.rateLimitCounter.findUniqueOrThrow({ where: { key: `signin:unknown:${identifier}` } }))
  // Five counted failures block the account (the refused sixth changes nothing): per instance
  // there would be about three each, and no block.
  expect(counter.count).toBe(5)
  expect(Number(counter.blockedUntil)).toBeGreaterThan(Date.now())
  if (accessLog) {
    const served = upstreamsOf((method, uri) => method === 'POST' && uri.startsWith('/masuk')).slice(before)
    console.log(`sign-in POSTs by instance: ${JSON.stringify(served)}`)
    expect(new Set(served).size, 'both instances counted attempts').toBe(2)
  }
})

test('signing out through nginx ends the session on both instances', async ({ browser }) => {
  const learner = await register(browser, 'keluar')
  const cookieHeader = (await learner.page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const dashboard = async (instance: string) => {
    const context = await playwrightRequest.newContext({ extraHTTPHeaders: { cookie: cookieHeader } })
    try {
      const response = await context.get(`${instance}/dasbor`, { maxRedirects: 0 })
      return { status: response.status(), location: response.headers()['location'] ?? null }
    } finally {
      await context.dispose()
    }
  }
  for (const instance of instances) expect(await dashboard(instance), `signed in on ${instance}`).toEqual({ status: 200, location: null })
  await learner.page.getByRole('button', { name: 'Keluar' }).click()
  await expect(learner.page).toHaveURL(/\/$/)
  for (const instance of instances) {
    const after = await dashboard(instance)
    expect(after.status, `signed out on ${instance}`).toBeGreaterThanOrEqual(300)
    expect(after.status).toBeLessThan(400)
    expect(after.location).toMatch(/\/masuk\?kembali=%2Fdasbor/)
  }
})
