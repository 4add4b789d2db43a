import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import matter from 'gray-matter'
import { extractKnowledgeQuestions, type KnowledgeQuestion } from '../lib/content/knowledge-check'
import { DEVICE_SEED_KEY, orderOptions, type OrderSeed } from '../lib/content/knowledge-check-order'
import { e2eDatabase, expect, signInNewLearner, test } from './fixtures'

// Issue 12: knowledge-check options are shown in an order of the learner's own, stable across
// reloads; answers are still stored by option id.

const SLUG = 'mengapa-penting'

function lessonQuestions(): KnowledgeQuestion[] {
  const file = path.resolve(import.meta.dirname, `../content/lessons/01-${SLUG}.mdx`)
  const result = extractKnowledgeQuestions(matter(fs.readFileSync(file, 'utf8')).content)
  if ('error' in result) throw new Error(result.error)
  return result.questions
}
const QUESTIONS = lessonQuestions()

const expectedTexts = (seed: OrderSeed) => QUESTIONS.map((q) => orderOptions(q.options, seed, SLUG, q.id).map((o) => o.text))
const questionGroups = (page: Page) => page.getByRole('region', { name: 'Uji pemahaman' }).getByRole('group')

/** The options as the page shows them, question by question (web-first: waits for the order). */
async function expectOrder(page: Page, texts: string[][]) {
  const groups = questionGroups(page)
  await expect(groups).toHaveCount(texts.length)
  for (const [i, options] of texts.entries()) {
    await expect(groups.nth(i).locator('label.lesson-choice')).toHaveText(options, { timeout: 20_000 })
  }
}

function savedAnswers(userId: string): Record<string, Record<string, string>> | null {
  const db = e2eDatabase()
  const row = db.prepare('SELECT state FROM lesson_progress WHERE userId = ? AND lessonSlug = ?').get(userId, SLUG) as { state: string } | undefined
  db.close()
  return row ? ((JSON.parse(row.state) as { answers?: Record<string, Record<string, string>> }).answers ?? null) : null
}

test('two learners see the options in different orders, each keeps theirs across reloads, and answers are stored by option id', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const first = await signInNewLearner(page, 'urutan-a')
  const firstOrder = expectedTexts(`pengguna:${first.id}`)

  // A second learner whose order differs from the first's (a fresh learner almost always does:
  // 216 orders for this lesson; the loop makes the test certain, not lucky). Each try signs in
  // in a browser context of its own: /masuk sends a signed-in visitor on to their dashboard.
  let context = await browser.newContext()
  let other = await context.newPage()
  let second = await signInNewLearner(other, 'urutan-b')
  while (JSON.stringify(expectedTexts(`pengguna:${second.id}`)) === JSON.stringify(firstOrder)) {
    await context.close()
    context = await browser.newContext()
    other = await context.newPage()
    second = await signInNewLearner(other, 'urutan-b')
  }
  const secondOrder = expectedTexts(`pengguna:${second.id}`)

  await page.goto(`/belajar/${SLUG}`)
  await other.goto(`/belajar/${SLUG}`)
  await expectOrder(page, firstOrder)
  await expectOrder(other, secondOrder)

  // The first learner answers the first question with its right option, wherever it is shown.
  const question = QUESTIONS[0]!
  const key = question.options.find((o) => o.correct)!
  const group = questionGroups(page).first()
  await group.getByRole('radio', { name: key.text }).check()
  await expect(group.getByText('Tepat.')).toBeVisible()
  // Stored by the option's id, as before the shuffle.
  await expect.poll(() => savedAnswers(first.id)?.['cek-pemahaman']?.[question.id], { timeout: 30_000 }).toBe(key.id)

  // A reload keeps the order and the answer.
  await page.reload()
  await expectOrder(page, firstOrder)
  await expect(questionGroups(page).first().getByRole('radio', { name: key.text })).toBeChecked()
  await other.reload()
  await expectOrder(other, secondOrder)
  await context.close()
})

test('a visitor of the sample lesson gets an order from a seed kept on the device, the same after a reload', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto(`/belajar/${SLUG}`)
  await expect(page.getByText('Ini contoh pelajaran.')).toBeVisible()
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), DEVICE_SEED_KEY)).toMatch(/^[0-9a-f]{32}$/)
  const seed = (await page.evaluate((key) => localStorage.getItem(key), DEVICE_SEED_KEY))!
  const order = expectedTexts(`perangkat:${seed}`)
  await expectOrder(page, order)

  await page.reload()
  await expectOrder(page, order)
  expect(await page.evaluate((key) => localStorage.getItem(key), DEVICE_SEED_KEY)).toBe(seed)
})
