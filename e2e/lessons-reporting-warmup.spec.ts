import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import matter from 'gray-matter'
import { orderOptions } from '../lib/content/knowledge-check-order'
import { extractWarmUp, type WarmUpQuestion } from '../lib/content/warm-up'
import { answerKnowledgeCheckWithKeyboard, creditReadingTime, e2eDb, expect, expectAccessible, lessonSlugs, signInNewLearner, test } from './fixtures'

// Issue 12: the lesson "Melapor dan sanksi" (the eighth, the last), warm-up questions at the start
// of lessons 2–8 that do not count towards completion, and worked grey-zone examples. Axe,
// keyboard and a 360 px wide screen for each.

const LESSONS = lessonSlugs()
const REPORTING = 'melapor-dan-sanksi'
const WARM_UP_LESSON = 'delapan-poin-se-137'
const EXAMPLE_LESSON = 'yang-harus-dihindari'

function warmUpQuestions(slug: string): WarmUpQuestion[] {
  const file = fs.readdirSync(path.resolve(import.meta.dirname, '../content/lessons')).find((name) => name.endsWith(`-${slug}.mdx`))!
  const result = extractWarmUp(matter(fs.readFileSync(path.resolve(import.meta.dirname, '../content/lessons', file), 'utf8')).content)
  if ('error' in result || !result.warmUp) throw new Error(`no warm-up in ${file}`)
  return result.warmUp.questions
}

const progressRow = (userId: string, lessonSlug: string) =>
  e2eDb(async (db) => {
    const row = await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } })
    const state = JSON.parse(row?.state ?? '{}') as { answers?: Record<string, Record<string, string>>; reachedEnd?: boolean }
    return { answers: state.answers ?? {}, reachedEnd: !!state.reachedEnd, completed: row?.completedAt != null }
  })

/** Nothing on the page is wider than the viewport (no sideways scrolling on a phone). */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }))
  expect(scroll).toBeLessThanOrEqual(viewport)
}


test('the last lesson, "Melapor dan sanksi": readable at 360 px, accessible, cites the regulations by link, and completes with the keyboard', async ({
  page,
}) => {
  test.setTimeout(240_000)
  expect(LESSONS.at(-1)).toBe(REPORTING)
  const learner = await signInNewLearner(page, 'melapor')
  await creditReadingTime(learner.id, [REPORTING])
  await page.setViewportSize({ width: 360, height: 780 })

  await page.goto(`/belajar/${REPORTING}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Melapor dan sanksi' })).toBeVisible()
  await expect(page.getByText(`Pelajaran ${LESSONS.length} dari ${LESSONS.length}`)).toBeVisible()
  for (const heading of ['Ke mana melapor', 'Bagaimana dugaan pelanggaran ditangani', 'Apa yang berbeda bagi PPPK', 'Rangkuman']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  // The regulations it relies on are listed as sources, linked to their official page.
  const sources = page.getByRole('region', { name: 'Sumber' })
  await expect(sources.getByRole('link', { name: 'Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil' })).toHaveAttribute(
    'href',
    'https://peraturan.bpk.go.id/Details/177031/pp-no-94-tahun-2021',
  )
  await expect(
    sources.getByRole('link', { name: 'Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja' }),
  ).toHaveAttribute('href', 'https://peraturan.bpk.go.id/Details/99181/pp-no-49-tahun-2018')
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)

  // The mock post asks for a verdict, with the keyboard.
  const post = page.getByRole('group', { name: 'Boleh diunggah?' }).first()
  await post.getByRole('radio').first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(post.getByRole('radio', { name: 'Tidak' })).toBeChecked()
  await expect(page.getByText('Isi status itu memang pantas dilaporkan')).toBeVisible()

  await answerKnowledgeCheckWithKeyboard(page)
  await expect(page.getByRole('heading', { name: 'Pelajaran selesai' })).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => (await progressRow(learner.id, REPORTING)).completed, { timeout: 30_000 }).toBe(true)
  // It is the last lesson: the next step is the post-test.
  await expect(page.getByRole('link', { name: 'Lanjut ke uji akhir' })).toHaveAttribute('href', '/uji/akhir')
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)
})

test('a warm-up opens the lesson: two questions on earlier lessons, in the learner’s order, answered with the keyboard, saved, and not what completes the lesson', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const learner = await signInNewLearner(page, 'pemanasan')
  await creditReadingTime(learner.id, [WARM_UP_LESSON])
  await page.setViewportSize({ width: 360, height: 780 })
  await page.goto(`/belajar/${WARM_UP_LESSON}`)

  const warmUp = page.getByRole('region', { name: 'Pemanasan' })
  await expect(warmUp).toBeVisible()
  // At the start: before the lesson's first section.
  const warmUpTop = (await warmUp.boundingBox())!.y
  const firstSection = (await page.getByRole('heading', { level: 2, name: /^Poin 1–2/ }).boundingBox())!.y
  expect(warmUpTop).toBeLessThan(firstSection)

  // Two questions, options in this learner's order (the knowledge check's seeded shuffle).
  const questions = warmUpQuestions(WARM_UP_LESSON)
  const groups = warmUp.getByRole('group')
  await expect(groups).toHaveCount(2)
  for (const [i, question] of questions.entries()) {
    const expected = orderOptions(question.options, `pengguna:${learner.id}`, WARM_UP_LESSON, question.id).map((option) => option.text)
    await expect(groups.nth(i).locator('label.lesson-choice')).toHaveText(expected, { timeout: 20_000 })
  }
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)

  // Keyboard: focus the first option, move with the arrow key, choose with Space.
  const first = groups.nth(0).getByRole('radio').first()
  await first.focus()
  await page.keyboard.press('ArrowDown')
  const second = groups.nth(0).getByRole('radio').nth(1)
  await expect(second).toBeChecked()
  await expect(groups.nth(0).locator('.lesson-feedback-verdict')).toHaveText(/^✓Tepat\.$|^!Belum tepat\.$/)
  const chosenFirst = await second.getAttribute('value')
  // The right answer of the second question, chosen with the keyboard too.
  const key = questions[1]!.options.find((option) => option.correct)!
  const keyRadio = groups.nth(1).getByRole('radio', { name: key.text })
  await keyRadio.focus()
  await page.keyboard.press('Space')
  await expect(groups.nth(1).locator('.lesson-feedback-verdict')).toHaveText('✓Tepat.')
  await expect(warmUp.getByText('2 dari 2 pertanyaan terjawab.')).toBeVisible()

  // Reaching the end with only the warm-up answered does not complete the lesson.
  await page.getByRole('heading', { name: 'Sumber', exact: true }).scrollIntoViewIfNeeded()
  await expect
    .poll(() => progressRow(learner.id, WARM_UP_LESSON), { timeout: 30_000 })
    .toEqual({ answers: { pemanasan: { [questions[0]!.id]: chosenFirst, [questions[1]!.id]: key.id } }, reachedEnd: true, completed: false })
  await expect(page.getByRole('heading', { name: 'Pelajaran selesai' })).toHaveCount(0)

  // The answers survive a reload, in the same order.
  await page.reload()
  await expect(page.getByRole('region', { name: 'Pemanasan' }).getByRole('group').nth(1).getByRole('radio', { name: key.text })).toBeChecked({
    timeout: 20_000,
  })

  // The knowledge check still completes it.
  await answerKnowledgeCheckWithKeyboard(page)
  await expect(page.getByRole('heading', { name: 'Pelajaran selesai' })).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => (await progressRow(learner.id, WARM_UP_LESSON)).completed, { timeout: 30_000 }).toBe(true)
})

test('a worked grey-zone example shows two versions side by side, stacked on a 360 px phone, and what changes the verdict', async ({ page }) => {
  test.setTimeout(180_000)
  await signInNewLearner(page, 'contoh')
  await page.setViewportSize({ width: 360, height: 780 })
  await page.goto(`/belajar/${EXAMPLE_LESSON}`)

  const example = page.getByRole('region', { name: /Contoh area abu-abu.*Kabar dari perjalanan dinas/ })
  await example.scrollIntoViewIfNeeded()
  const versionA = example.getByRole('article', { name: 'Versi A: Sebaiknya tidak diunggah' })
  const versionB = example.getByRole('article', { name: 'Versi B: Boleh diunggah' })
  await expect(versionA).toBeVisible()
  await expect(versionB).toBeVisible()
  await expect(versionA.getByRole('blockquote')).toContainText('Dinas rasa liburan!')
  await expect(example.getByText('Yang mengubah penilaian:')).toBeVisible()

  // Stacked on the phone: B below A, each as wide as the card allows; nothing wider than the screen.
  const a = (await versionA.boundingBox())!
  const b = (await versionB.boundingBox())!
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height)
  expect(a.width).toBeGreaterThan(250)
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)

  // Side by side on a wider screen.
  await page.setViewportSize({ width: 1024, height: 800 })
  await expect.poll(async () => Math.abs((await versionA.boundingBox())!.y - (await versionB.boundingBox())!.y)).toBeLessThan(2)

  // Keyboard: the example is static text with no tab stops of its own, so Tab from the mock post
  // just before it goes straight to the one after it, and nothing in between traps the focus.
  const before = page.locator('.lesson-post').filter({ hasText: 'infinity pool' })
  const after = page.locator('.lesson-post').filter({ hasText: 'Status WhatsApp: Novi' })
  await before.getByRole('radio').first().focus()
  await page.keyboard.press('Tab')
  await expect(after.getByRole('radio').first()).toBeFocused()
})
