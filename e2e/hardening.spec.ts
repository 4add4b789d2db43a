import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { completeAllLessons, DEMO_LOGINS, DEMO_PASSWORD, e2eDb, expect, signInNewLearner, signInWithForm, test } from './fixtures'

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`

// ---------------------------------------------------------------------------------------------
// Open redirect: `kembali` never leads off-site (lib/safe-return-path.ts).

/** Raw query values as an attacker would put them in a link (some already percent-encoded). */
const EVIL_RETURN_PATHS = [
  '/%09/evil.example',
  '/%0A/evil.example',
  '/%0D%0A/evil.example',
  '/%5C/evil.example',
  '/%5Cevil.example',
  '%2F%2Fevil.example',
  '//evil.example',
  '/\\evil.example',
  '/.//evil.example',
  '/%2E//evil.example',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(document.domain)',
  '%09//evil.example',
]

async function expectOnSite(page: Page, why: string) {
  const url = new URL(page.url())
  expect(url.origin, why).toBe(ORIGIN)
}

test('signing in with an off-site `kembali` stays on the site, through the form and when already signed in', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const offSite: string[] = []
  await page.context().route((url) => url.hostname.endsWith('evil.example'), (route) => {
    offSite.push(route.request().url())
    return route.fulfill({ status: 200, body: 'evil' })
  })

  // Through the sign-in form (JavaScript on): the first variant the issue names. The query
  // decodes to "/<tab>/evil.example", which Chrome would follow as //evil.example: refused, so
  // the form carries no `kembali` and sign-in lands on the learner's home page.
  await page.goto('/masuk?kembali=/%09/evil.example')
  await expect(page.locator('input[name="kembali"]')).toHaveCount(0)
  await signInNewLearnerFromHere(page)
  await expect(page).toHaveURL(`${ORIGIN}/dasbor`)

  // A safe `kembali` is still followed.
  await page.goto('/masuk?kembali=%2Fsertifikat')
  await expect(page).toHaveURL(`${ORIGIN}/sertifikat`)

  // Already signed in: /masuk redirects at once to `kembali` or the home page.
  for (const value of EVIL_RETURN_PATHS) {
    await page.goto(`/masuk?kembali=${value}`)
    await expectOnSite(page, value)
  }

  // A forged hidden field (the page itself never renders an unsafe one): the action refuses it.
  const fresh = await (await browser.newContext()).newPage()
  await fresh.context().route((url) => url.hostname.endsWith('evil.example'), (route) => {
    offSite.push(route.request().url())
    return route.fulfill({ status: 200, body: 'evil' })
  })
  await fresh.goto('/masuk')
  await fresh.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'hidden'
    input.name = 'kembali'
    input.value = '/\t/evil.example'
    document.querySelector('form')!.append(input)
  })
  await fresh.getByLabel('Email atau NIP').fill(DEMO_LOGINS.learner.email)
  await fresh.getByLabel('Kata sandi').fill(DEMO_PASSWORD)
  await fresh.getByRole('button', { name: 'Masuk' }).click()
  await expect(fresh).toHaveURL(`${ORIGIN}/dasbor`)
  expect(offSite).toEqual([])
})

/** Signs in a fresh learner on the sign-in page that is open (keeping its `kembali`). */
async function signInNewLearnerFromHere(page: Page) {
  const { seedUser } = await import('../prisma/seed/seeders')
  const nip = `1990${String(Date.now()).slice(-4)}2021031${String(Math.floor(Math.random() * 900) + 100)}`
  await e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } })
    await seedUser(db, { name: 'Peserta Kembali', email: `kembali-${nip}@contoh.go.id`, password: DEMO_PASSWORD, nip, employmentType: 'PNS', agencyId: agency.id })
  })
  await page.getByLabel('Email atau NIP').fill(nip)
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'))
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy: no violation on the main pages, and an injected script is blocked.

/** Records CSP violations (event and console) from before the page's own scripts run. */
async function watchCsp(page: Page) {
  const console: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  return {
    async violations() {
      const events = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
      return [...events, ...console]
    },
  }
}

async function expectCleanPage(page: Page, watch: { violations(): Promise<string[]> }, path: string) {
  const response = await page.goto(path)
  expect(response?.status(), path).toBeLessThan(400)
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy, path).toContain("frame-ancestors 'none'")
  expect(policy, path).toContain("object-src 'none'")
  expect(policy, path).toContain("base-uri 'self'")
  expect(/script-src[^;]*'unsafe-inline'/.test(policy), path).toBe(false)
  // The page's scripts ran (hydrated): Next sets window.next.
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), { message: path }).toBe('object')
  expect(await watch.violations(), path).toEqual([])
  return policy
}

test('no page logs a CSP violation: public pages, a lesson, the quiz, the certificate page, HR reports', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const visitor = await watchCsp(page)
  for (const path of ['/', '/masuk', '/daftar', '/aktivasi', '/belajar/mengapa-penting']) await expectCleanPage(page, visitor, path)
  const lessonPolicy = (await page.goto('/belajar/mengapa-penting'))!.headers()['content-security-policy']!
  expect(lessonPolicy).not.toContain('nonce-')
  expect(lessonPolicy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)

  const learnerPage = await (await browser.newContext()).newPage()
  const learnerWatch = await watchCsp(learnerPage)
  const learner = await signInNewLearner(learnerPage, `csp-${randomUUID().slice(0, 6)}`)
  for (const path of ['/dasbor', '/belajar/aspek-etika', '/uji/awal', '/sertifikat']) await expectCleanPage(learnerPage, learnerWatch, path)
  // The quiz itself (an attempt page) and its client-side answer store.
  await learnerPage.goto('/uji/awal')
  await learnerPage.getByRole('button', { name: /Mulai uji awal/ }).click()
  await expect(learnerPage).toHaveURL(/\/uji\/percobaan\//)
  expect(await learnerWatch.violations()).toEqual([])
  await completeAllLessons(learner.id)

  const hrPage = await (await browser.newContext()).newPage()
  const hrWatch = await watchCsp(hrPage)
  await signInWithForm(hrPage, DEMO_LOGINS.hr.email)
  await expect(hrPage).toHaveURL(/\/hr$/)
  for (const path of ['/hr', '/hr/laporan', '/hr/impor', '/hr/pegawai']) await expectCleanPage(hrPage, hrWatch, path)
})

test('a script injected into a page is blocked by the CSP, on a dynamic page and on a static lesson page', async ({ page }) => {
  // What a stored XSS would do: markup in the HTML the server sends (the response's own CSP
  // header kept), an inline script and an inline event handler.
  const injection = '<script>window.__injected = "script"</script><img src="data:," onerror="window.__injected = \'handler\'">'
  await page.route(/\/(masuk|belajar\/mengapa-penting)$/, async (route) => {
    const response = await route.fetch()
    const html = (await response.text()).replace('<body>', `<body>${injection}`)
    expect(html).toContain(injection)
    await route.fulfill({ response, body: html })
  })
  const watch = await watchCsp(page)
  for (const path of ['/masuk', '/belajar/mengapa-penting']) {
    const response = await page.goto(path)
    expect(response?.headers()['content-security-policy'], path).toContain('script-src')
    await expect.poll(async () => (await watch.violations()).length, { message: path }).toBeGreaterThanOrEqual(2)
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected), path).toBeUndefined()
    // The page's own scripts still ran.
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), { message: path }).toBe('object')
  }
})

// ---------------------------------------------------------------------------------------------
// Server actions: Next compares Origin with Host itself. Checked here, since we rely on it.

test('a server action posted from another origin is refused by Next (no session), the same post from the site is not', async ({ playwright }) => {
  const form = async (origin: string) => {
    const context = await playwright.request.newContext({ baseURL: ORIGIN })
    const html = await (await context.get('/masuk')).text()
    const fields: Record<string, string> = {}
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)) fields[name!] = (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')
    expect(Object.keys(fields).length).toBeGreaterThan(0)
    const response = await context.post('/masuk', {
      multipart: { ...fields, identifier: DEMO_LOGINS.learner.email, password: DEMO_PASSWORD },
      headers: { Origin: origin },
      maxRedirects: 0,
    })
    const cookies = (await context.storageState()).cookies.map((cookie) => cookie.name)
    await context.dispose()
    return { status: response.status(), signedIn: cookies.some((name) => name.includes('session_token')) }
  }
  const attacker = await form('https://evil.example')
  expect(attacker.signedIn).toBe(false)
  expect(attacker.status).toBeGreaterThanOrEqual(400)
  const own = await form(ORIGIN)
  expect(own.signedIn).toBe(true)
})

// ---------------------------------------------------------------------------------------------
// GETs write nothing: the certificate page shows a pending certificate; a POST button issues it.

test('viewing /sertifikat issues nothing; the "Terbitkan sertifikat" button does, once', async ({ page }) => {
  const learner = await signInNewLearner(page, `tertunda-${randomUUID().slice(0, 6)}`)
  await completeAllLessons(learner.id)
  await e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } })
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: `Tertunda ${randomUUID()}` } })
    const enrolment = await db.enrolment.create({ data: { userId: learner.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
    // A pass recorded whose certificate was not issued (the issuing step after the submission failed).
    await db.quizAttempt.create({
      data: {
        userId: learner.id,
        enrolmentId: enrolment.id,
        kind: 'posttest',
        contentVersion: 'e2e',
        seed: 's',
        items: '{"version":1,"seed":"s","items":[]}',
        expiresAt: new Date(Date.now() + 3_600_000),
        submittedAt: new Date(),
        score: 90,
        passed: true,
      },
    })
  })
  // This learner's rows only: the other worker writes audit entries of its own meanwhile.
  const counts = () =>
    e2eDb(async (db) => ({
      certificates: await db.certificate.count({ where: { userId: learner.id } }),
      audit: await db.auditLog.count({ where: { actorId: learner.id } }),
    }))
  const before = await counts()
  await page.goto('/sertifikat')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Sertifikat Anda siap diterbitkan' })).toBeVisible()
  expect(await counts()).toEqual(before)

  await page.getByRole('button', { name: 'Terbitkan sertifikat' }).click()
  await expect(page.getByRole('heading', { name: /^BBS\/\d{4}\/\d{6}$/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Sertifikat Anda siap diterbitkan' })).toHaveCount(0)
  expect((await counts()).certificates).toBe(1)
})
