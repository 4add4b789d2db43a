import type { Browser, Page, Request } from '@playwright/test'
import { creditReadingTime, e2eDb, expect, expectAccessible, lessonSlugs, signInNewLearner, signInWithForm, test } from './fixtures'

const LESSONS = lessonSlugs()
const TOTAL = LESSONS.length

// Issue 11, what a new learner trips over on lesson pages: a lesson shown as done but never
// saved, the step after the last lesson, why sign-in is asked, the lesson header.

const completedAt = (userId: string, lessonSlug: string) =>
  e2eDb(async (db) => (await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } }))?.completedAt ?? null)

const savedAnswers = (userId: string, lessonSlug: string) =>
  e2eDb(async (db) => {
    const row = await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } })
    const state = JSON.parse(row?.state ?? '{}') as { answers?: Record<string, Record<string, string>>; reachedEnd?: boolean }
    return { answered: Object.values(state.answers ?? {}).flatMap((byQuestion) => Object.keys(byQuestion)).length, reachedEnd: !!state.reachedEnd }
  })

/** Opens a lesson and waits until the page knows the learner (its first progress call answered). */
async function openLesson(page: Page, slug: string) {
  const known = page.waitForResponse((response) => response.url().endsWith(`/api/progress/${slug}`) && response.request().method() === 'GET')
  await page.goto(`/belajar/${slug}`)
  expect((await known).status()).toBe(200)
}

/** Reaches the end of the page and answers every knowledge-check question but the last. */
async function answerAllButLast(page: Page) {
  const questions = page.getByRole('region', { name: 'Uji pemahaman' }).getByRole('group')
  const count = await questions.count()
  for (let i = 0; i < count - 1; i++) await questions.nth(i).getByRole('radio').first().check()
  await page.getByRole('heading', { name: 'Sumber', exact: true }).scrollIntoViewIfNeeded()
  return { count, last: questions.nth(count - 1).getByRole('radio').first() }
}

/** Answers a save carrying lesson state, sent from the page of that lesson, with 503. */
async function failSavesFrom(page: Page, slug: string) {
  const failed: Request[] = []
  await page.route(`**/api/progress/${slug}`, async (route) => {
    const request = route.request()
    const fromThatPage = (request.headers()['referer'] ?? '').includes(`/belajar/${slug}`)
    if (request.method() === 'POST' && fromThatPage && (request.postData() ?? '').includes('"state"')) {
      failed.push(request)
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"message":"tidak tersedia"}}' })
    }
    return route.fallback()
  })
  return failed
}

async function freshSignIn(browser: Browser, nip: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInWithForm(page, nip)
  await expect(page).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  return { context, page }
}

test('leaving a lesson right after the last answer saves it: a fresh browser finds the lesson complete', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const learner = await signInNewLearner(page, 'pergi-cepat')
  await creditReadingTime(learner.id, ['aspek-etika'])
  await openLesson(page, 'aspek-etika')
  const { count, last } = await answerAllButLast(page)
  // Everything but the last answer is on the server (the page's usual, delayed save).
  await expect.poll(() => savedAnswers(learner.id, 'aspek-etika'), { timeout: 30_000 }).toEqual({ answered: count - 1, reachedEnd: true })

  // The next page must not be what saves it: its retry of this lesson is refused here, so only
  // the request sent while leaving can save the last answer.
  await page.route('**/api/progress/aspek-etika', (route) =>
    (route.request().headers()['referer'] ?? '').includes('/belajar/sebelum-mengunggah') ? route.abort() : route.fallback(),
  )
  await last.check()
  await page.getByRole('link', { name: 'Lanjut: Sebelum menekan tombol unggah' }).click()
  await expect(page).toHaveURL(/\/belajar\/sebelum-mengunggah/)

  await expect.poll(() => completedAt(learner.id, 'aspek-etika'), { timeout: 30_000 }).not.toBeNull()
  const other = await freshSignIn(browser, learner.nip)
  await expect(other.page.getByText(`1 dari ${TOTAL} pelajaran selesai`)).toBeVisible()
  await other.page.goto('/belajar/aspek-etika')
  await expect(other.page.getByRole('heading', { name: 'Pelajaran selesai' })).toBeVisible({ timeout: 30_000 })
  await other.context.close()
})

test('a save that failed is kept on the device and sent by the next page that loads: a lesson page or any other page', async ({ page }) => {
  test.setTimeout(240_000)
  const learner = await signInNewLearner(page, 'simpan-ulang')
  await creditReadingTime(learner.id, ['sebelum-mengunggah', 'kenali-platform'])

  // 1. Saves from this lesson fail; the page says so and keeps the answers.
  const failed = await failSavesFrom(page, 'sebelum-mengunggah')
  await openLesson(page, 'sebelum-mengunggah')
  const first = await answerAllButLast(page)
  await first.last.check()
  await expect(page.getByText('Kemajuan belum tersimpan di server')).toBeVisible({ timeout: 30_000 })
  expect(failed.length).toBeGreaterThan(0)
  expect(await completedAt(learner.id, 'sebelum-mengunggah')).toBeNull()
  // The next lesson page sends it.
  await page.getByRole('link', { name: 'Lanjut: Yang harus dihindari' }).click()
  await expect(page).toHaveURL(/\/belajar\/yang-harus-dihindari/)
  await expect.poll(() => completedAt(learner.id, 'sebelum-mengunggah'), { timeout: 30_000 }).not.toBeNull()

  // 2. The same on an App Router page (the dashboard), which then shows the lesson complete.
  await failSavesFrom(page, 'kenali-platform')
  await openLesson(page, 'kenali-platform')
  const second = await answerAllButLast(page)
  await second.last.check()
  await expect(page.getByText('Kemajuan belum tersimpan di server')).toBeVisible({ timeout: 30_000 })
  expect(await completedAt(learner.id, 'kenali-platform')).toBeNull()
  await page.goto('/dasbor')
  await expect.poll(() => completedAt(learner.id, 'kenali-platform'), { timeout: 30_000 }).not.toBeNull()
  await expect(page.getByText(`2 dari ${TOTAL} pelajaran selesai`)).toBeVisible({ timeout: 30_000 })
})

test('after the last lesson the next step is the post-test', async ({ page }) => {
  await signInNewLearner(page, 'terakhir')
  await page.goto(`/belajar/${LESSONS.at(-1)}`)
  const next = page.getByRole('link', { name: 'Lanjut ke uji akhir' })
  await expect(next).toHaveAttribute('href', '/uji/akhir')
  await expect(page.getByRole('link', { name: 'Kembali ke dasbor' })).toHaveCount(0)
  await next.click()
  await expect(page).toHaveURL(/\/uji\/akhir/)
})

test('sent to sign in from a lesson, the sign-in page says why and leads back to the lesson', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const learner = await signInNewLearner(page, 'alasan')
  const context = await browser.newContext()
  const visitor = await context.newPage()
  await visitor.goto('/belajar/aspek-etika')
  await expect(visitor).toHaveURL(/\/masuk\?kembali=%2Fbelajar%2Faspek-etika/)
  await expect(visitor.getByRole('status')).toHaveText('Masuk untuk melanjutkan pelajaran ini.')
  await expectAccessible(visitor)
  await visitor.getByLabel('Email atau NIP').fill(learner.nip)
  await visitor.getByLabel('Kata sandi').fill('Bijak-Bermedia-2026')
  await visitor.getByRole('button', { name: 'Masuk' }).click()
  await expect(visitor).toHaveURL(/\/belajar\/aspek-etika/, { timeout: 30_000 })
  await context.close()

  // Signing in from the landing page says nothing of lessons.
  const plain = await (await browser.newContext()).newPage()
  await plain.goto('/masuk')
  await expect(plain.getByText('Masuk untuk melanjutkan pelajaran ini.')).toHaveCount(0)
  await plain.context().close()
})

const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link')
const bodyFont = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontFamily)

test('lesson pages have the site header and font; a visitor of the sample lesson gets no "Belajar" (dashboard) link and no progress calls', async ({ page, browser }) => {
  test.setTimeout(120_000)
  // A visitor: the header offers signing in, the lesson works on the device alone, nothing is sent.
  const context = await browser.newContext()
  const visitor = await context.newPage()
  const progressCalls: string[] = []
  visitor.on('request', (request) => request.url().includes('/api/progress/') && progressCalls.push(`${request.method()} ${request.url()}`))
  await visitor.goto('/belajar/mengapa-penting')
  await expect(visitor.getByText('Ini contoh pelajaran.')).toBeVisible()
  await expect(navLinks(visitor)).toHaveText(['Masuk', 'Daftar'])
  await expect(navLinks(visitor).filter({ hasText: 'Belajar' })).toHaveCount(0)
  await expect(visitor.getByText('± 9 menit membaca')).toBeVisible()
  const question = visitor.getByRole('region', { name: 'Uji pemahaman' }).getByRole('group').first()
  await question.getByRole('radio').first().check()
  await expect(question.getByText(/(Tepat|Belum tepat)\./)).toBeVisible()
  await visitor.reload()
  await expect(question.getByRole('radio').first()).toBeChecked()
  await visitor.getByRole('heading', { name: 'Sumber', exact: true }).scrollIntoViewIfNeeded()
  await expect(visitor.getByRole('listitem').filter({ hasText: 'Baca sampai akhir halaman' })).toHaveAttribute('data-done', 'true')
  expect(progressCalls).toEqual([])
  await context.close()

  // A signed-in learner: the same links and font as on the dashboard, on the sample lesson too.
  await signInNewLearner(page, 'kepala')
  const dashboardLinks = await navLinks(page).allTextContents()
  expect(dashboardLinks).toContain('Belajar')
  const dashboardFont = await bodyFont(page)
  expect(dashboardFont).toMatch(/geist/i)
  for (const slug of ['aspek-etika', 'mengapa-penting']) {
    await openLesson(page, slug)
    await expect(navLinks(page)).toHaveText(dashboardLinks)
    expect(await bodyFont(page)).toBe(dashboardFont)
  }
  await expectAccessible(page)
})

test("a retried save held for another user of this browser is refused and writes nothing", async ({ page }) => {
  const learner = await signInNewLearner(page, 'pemilik')
  const state = { reachedEnd: true, answers: { 'cek-pemahaman': { q1: 'a' } } }
  const foreign = await page.request.post('/api/progress/aspek-etika', { data: { state, owner: 'pengguna-sebelumnya' } })
  expect(foreign.status()).toBe(409)
  expect(await savedAnswers(learner.id, 'aspek-etika')).toEqual({ answered: 0, reachedEnd: false })
  const own = await page.request.post('/api/progress/aspek-etika', { data: { state, owner: learner.id } })
  expect(own.status()).toBe(200)
  expect(await savedAnswers(learner.id, 'aspek-etika')).toEqual({ answered: 1, reachedEnd: true })
})
