import type { Page, Request } from '@playwright/test'
import { e2eDb, expect, signInNewLearner, test } from './fixtures'

// Issue 10 §3 with the DEFAULT minimum reading time (30% of the lesson's minutes): the browser
// saying "done" completes nothing; the server completes the lesson once its own clock has
// recorded enough active reading time. The page's timers run on Playwright's fake clock, so
// nothing here waits for real time to pass.

const SLUG = 'mengapa-penting'

function heartbeats(page: Page) {
  const sent: string[] = []
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith(`/api/progress/${SLUG}`)) return
    const body = JSON.parse(request.postData() ?? '{}') as { heartbeat?: string }
    if (body.heartbeat) sent.push(body.heartbeat)
  })
  return sent
}

async function setVisibility(page: Page, state: 'visible' | 'hidden') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true })
    Object.defineProperty(document, 'hidden', { value: value === 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }, state)
}

const progress = (userId: string) =>
  e2eDb((db) => db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug: SLUG } } }))

test('finishing a lesson too quickly completes nothing and says why; heartbeats stop while the page is hidden; enough server-recorded time completes it', async ({ page }) => {
  const learner = await signInNewLearner(page, 'cepat')
  await page.clock.install()
  const sent = heartbeats(page)
  await page.goto(`/belajar/${SLUG}`)
  await expect.poll(() => sent).toEqual(['start'])

  // Answer everything and reach the end at once.
  const questions = page.getByRole('region', { name: 'Uji pemahaman' }).getByRole('group')
  for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByRole('radio').first().check()
  for (const heading of await page.locator('.lesson-content h2[id^="bagian-"]').all()) {
    await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  }
  await page.getByRole('heading', { name: 'Sumber', exact: true }).scrollIntoViewIfNeeded()
  await page.clock.runFor(1_000) // the sync's short delay after the last change
  const message = page.getByText(/Anda membaca lebih cepat dari waktu minimal pelajaran ini \(± 3 menit\)\. Lanjutkan membaca; pelajaran tercatat selesai setelah sekitar \d menit lagi/)
  await expect(message).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Menyelesaikan pelajaran' })).toBeVisible()
  await expect.poll(async () => (await progress(learner.id))?.reachedEndAt).not.toBeNull()
  // The sections the page reported reading are recorded too.
  await expect.poll(async () => JSON.parse((await progress(learner.id))?.sectionsReached ?? '[]').length).toBeGreaterThan(0)
  const saved = await progress(learner.id)
  expect(saved?.completedAt).toBeNull()
  expect(saved?.openedAt).not.toBeNull()
  expect(saved?.activeSeconds).toBeLessThan(162)

  // One heartbeat per 15 s while visible; none while hidden; a fresh start when visible again.
  await page.clock.runFor(15_000)
  await expect.poll(() => sent).toEqual(['start', 'beat'])
  await setVisibility(page, 'hidden')
  await page.clock.runFor(120_000)
  await setVisibility(page, 'visible')
  await expect.poll(() => sent).toEqual(['start', 'beat', 'start'])
  await page.clock.runFor(15_000)
  await expect.poll(() => sent).toEqual(['start', 'beat', 'start', 'beat'])
  expect((await progress(learner.id))?.completedAt).toBeNull()

  // The server's record is 5 s short of the minimum, its last heartbeat 15 s ago (on the server's
  // clock): the next heartbeat completes the lesson while the page stays open.
  await e2eDb((db) =>
    db.lessonProgress.update({
      where: { userId_lessonSlug: { userId: learner.id, lessonSlug: SLUG } },
      data: { activeSeconds: 157, lastHeartbeatAt: new Date(Date.now() - 15_000) },
    }),
  )
  await page.clock.runFor(15_000)
  await expect.poll(() => sent).toEqual(['start', 'beat', 'start', 'beat', 'beat'])
  await expect(page.getByRole('heading', { name: 'Pelajaran selesai' })).toBeVisible({ timeout: 15_000 })
  await expect(message).toHaveCount(0)
  const done = await progress(learner.id)
  expect(done?.completedAt).not.toBeNull()
  expect(done?.activeSeconds).toBeGreaterThanOrEqual(162)
})
