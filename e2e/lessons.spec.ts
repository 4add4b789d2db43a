import type { Page } from '@playwright/test'
import { answerKnowledgeCheckWithKeyboard, creditReadingTime, e2eDatabase, expect, expectAccessible, lessonSlugs, signInNewLearner, test } from './fixtures'

/** Every lesson, in reading order, from the content (issue 12 added the eighth). */
const LESSONS = lessonSlugs()
const TOTAL = LESSONS.length

/** Reads to the end and answers every knowledge-check question, with the keyboard only. */
async function completeLessonWithKeyboard(page: Page) {
  await answerKnowledgeCheckWithKeyboard(page)
  await expect(page.getByRole('heading', { name: 'Pelajaran selesai' })).toBeVisible()
}

function progressRows(userId: string) {
  const db = e2eDatabase()
  const rows = db
    .prepare('SELECT lessonSlug, completedAt FROM lesson_progress WHERE userId = ? ORDER BY lessonSlug')
    .all(userId) as { lessonSlug: string; completedAt: number | string | null }[]
  db.close()
  return rows
}

test('a learner completes every lesson in order, with the keyboard, and the dashboard shows it', async ({ page }) => {
  // Eight lessons and eleven axe runs: minutes on a loaded 2-core machine (decisions.md: headroom).
  test.setTimeout(360_000)
  const learner = await signInNewLearner(page, 'semua')
  await expect(page.getByText(`0 dari ${TOTAL} pelajaran selesai`)).toBeVisible()
  await expectAccessible(page)
  // Reading time is recorded by the server (reading-time.spec.ts tests the minimum itself).
  await creditReadingTime(learner.id, LESSONS)

  for (const [index, slug] of LESSONS.entries()) {
    await page.goto(`/belajar/${slug}`)
    await expect(page.getByText(`Pelajaran ${index + 1} dari ${TOTAL}`)).toBeVisible()
    if (index === 0 || index === 3 || index === 5) await expectAccessible(page)
    await completeLessonWithKeyboard(page)
    await expectAccessible(page)
  }
  const rows = progressRows(learner.id)
  expect(rows.map((row) => row.lessonSlug).sort()).toEqual([...LESSONS].sort())
  expect(rows.every((row) => row.completedAt !== null)).toBe(true)

  await page.goto('/dasbor')
  await expect(page.getByText(`${TOTAL} dari ${TOTAL} pelajaran selesai (100%)`)).toBeVisible()
  await expect(page.getByText('Semua pelajaran selesai.')).toBeVisible()
})

test('checklist ticks survive a reload, and another device resumes at the right lesson', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const learner = await signInNewLearner(page, 'lanjut')
  await creditReadingTime(learner.id, ['mengapa-penting'])
  await page.goto('/belajar/mengapa-penting')
  await completeLessonWithKeyboard(page)

  await page.goto('/belajar/sebelum-mengunggah')
  const checklist = page.getByRole('group', { name: /Sebelum/ }).first()
  const boxes = checklist.getByRole('checkbox')
  await boxes.nth(0).check()
  await boxes.nth(2).check()
  await page.reload()
  await expect(boxes.nth(0)).toBeChecked()
  await expect(boxes.nth(2)).toBeChecked()
  await expect(boxes.nth(1)).not.toBeChecked()
  // The ticks reach the server too (the sync waits a moment after the last change).
  await expect.poll(() => progressRows(learner.id).map((row) => row.lessonSlug)).toContain('sebelum-mengunggah')

  const otherDevice = await (await browser.newContext()).newPage()
  await otherDevice.goto('/masuk')
  await otherDevice.getByLabel('Email atau NIP').fill(learner.nip)
  await otherDevice.getByLabel('Kata sandi').fill('Bijak-Bermedia-2026')
  await otherDevice.getByRole('button', { name: 'Masuk' }).click()
  await expect(otherDevice.getByText(`1 dari ${TOTAL} pelajaran selesai`)).toBeVisible()
  const resume = otherDevice.getByRole('link', { name: /Lanjutkan belajar: Sebelum menekan tombol unggah/ })
  await expect(resume).toBeVisible()
  await resume.click()
  await expect(otherDevice).toHaveURL(/\/belajar\/sebelum-mengunggah#bagian-/)
  const otherBoxes = otherDevice.getByRole('group', { name: /Sebelum/ }).first().getByRole('checkbox')
  await expect(otherBoxes.nth(0)).toBeChecked()
  await expect(otherBoxes.nth(2)).toBeChecked()
})

test('lessons need an account, except the sample lesson linked from the landing page', async ({ page }) => {
  await page.goto('/belajar/aspek-etika')
  await expect(page).toHaveURL(/\/masuk\?kembali=%2Fbelajar%2Faspek-etika/)

  await page.goto('/')
  await page.getByRole('link', { name: /Baca contoh pelajaran/ }).click()
  await expect(page).toHaveURL(/\/belajar\/mengapa-penting/)
  await expect(page.getByText('Ini contoh pelajaran.')).toBeVisible()
  await expectAccessible(page)
})

test('progress calls with bad input get a 4xx and write nothing; the browser saying "done" completes nothing; a replayed completion changes nothing', async ({ page }) => {
  const anonymous = await page.request.post('/api/progress/aspek-etika', { data: { state: { reachedEnd: true } } })
  expect(anonymous.status()).toBe(401)

  const learner = await signInNewLearner(page, 'api')
  expect((await page.goto('/belajar/tidak-ada'))?.status()).toBe(404)
  const post = (slug: string, data: unknown) => page.request.post(`/api/progress/${slug}`, { data: data as object })
  expect((await post('tidak-ada', { state: {} })).status()).toBe(404)
  // Input the schema refuses: 422 with the field named (decision 029); a body that is not JSON: 400.
  const malformed = await post('aspek-etika', { state: { answers: { cek: { q1: 7 } } } })
  expect(malformed.status()).toBe(422)
  const refusal = (await malformed.json()).error
  expect(refusal.message).toBe('Data kemajuan tidak valid.')
  expect(Object.keys(refusal.fields)).toEqual([expect.stringMatching(/^state\.answers/)])
  expect((await post('aspek-etika', { state: {}, userId: 'orang-lain' })).status()).toBe(422)
  // Playwright sends a string with a JSON content type as a JSON string: the schema refuses it.
  const jsonString = await page.request.post('/api/progress/aspek-etika', { data: 'bukan json', headers: { 'Content-Type': 'application/json' } })
  expect(jsonString.status()).toBe(422)
  // Bytes that are not JSON at all cannot be read: 400.
  const notJson = await page.request.post('/api/progress/aspek-etika', { data: Buffer.from('bukan json'), headers: { 'Content-Type': 'application/json' } })
  expect(notJson.status()).toBe(400)
  expect((await notJson.json()).error.message).toBe('Data kemajuan tidak terbaca (harus JSON, paling besar 16 kB).')
  expect(progressRows(learner.id)).toEqual([])

  expect((await post('aspek-etika', { heartbeat: 'beat', activeSeconds: 9_999 })).status()).toBe(422)
  expect(progressRows(learner.id)).toEqual([])

  // Reaching the end and answering everything, without reading time recorded by the server, completes nothing.
  const complete = { state: { reachedEnd: true, answers: { 'cek-pemahaman': { q1: 'a', q2: 'b', q3: 'c' } } } }
  const tooQuick = await (await post('aspek-etika', complete)).json()
  expect(tooQuick).toMatchObject({ completed: false, activeSeconds: 0 })
  expect(tooQuick.requiredSeconds).toBeGreaterThan(0)
  expect(progressRows(learner.id)).toEqual([{ lessonSlug: 'aspek-etika', completedAt: null }])

  await creditReadingTime(learner.id, ['aspek-etika'])
  const first = await (await post('aspek-etika', complete)).json()
  expect(first.completed).toBe(true)
  const before = progressRows(learner.id)
  const replay = await (await post('aspek-etika', complete)).json()
  expect(replay.completedAt).toBe(first.completedAt)
  expect(progressRows(learner.id)).toEqual(before)
})
