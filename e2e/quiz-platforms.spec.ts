import type { Page } from '@playwright/test'
import { completeAllLessons, e2eDb, expect, expectAccessible, signInNewLearner, test } from './fixtures'

/**
 * Issue 12: judge items on LinkedIn, Threads and Telegram. The post-test draws at random, so the
 * stored attempt is rewritten to ask one judge item of each new platform first (what a draw
 * could give); the page must show each post with a label naming its platform, in its own
 * colour, and stay accessible and within a 360 px phone screen.
 */
const NEW_PLATFORM_ITEMS = [
  { itemId: 'linkedin-ucapan-mitra-penyedia', platform: 'LinkedIn', reasons: ['a', 'b', 'c', 'd'] },
  { itemId: 'threads-kritik-jalur-sepeda', platform: 'Threads', reasons: ['a', 'b', 'c', 'd'] },
  { itemId: 'telegram-foto-soal-ujian', platform: 'Telegram', reasons: ['a', 'b', 'c', 'd'] },
] as const

async function startPostTest(page: Page): Promise<string> {
  await page.goto('/uji/akhir')
  await page.getByRole('button', { name: 'Mulai uji akhir' }).click()
  await expect(page).toHaveURL(/\/uji\/percobaan\//)
  return page.url().split('/').pop() as string
}

test('judge posts on LinkedIn, Threads and Telegram are labelled with their platform, at 360 px, accessibly', async ({ page }) => {
  test.setTimeout(180_000)
  const learner = await signInNewLearner(page, 'platform')
  await completeAllLessons(learner.id)
  await page.setViewportSize({ width: 360, height: 740 })
  const attemptId = await startPostTest(page)

  await e2eDb(async (db) => {
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
    const attempt = JSON.parse(stored.items) as { version: 1; seed: string; items: { itemId: string; type: string }[] }
    // The drawn single and multi items stay; the three judge items take the judge items' places.
    const rest = attempt.items.filter((item) => item.type !== 'judge').slice(NEW_PLATFORM_ITEMS.length)
    const items = [...NEW_PLATFORM_ITEMS.map(({ itemId, reasons }) => ({ itemId, type: 'judge', reasonOrder: [...reasons].reverse() })), ...rest]
    await db.quizAttempt.update({ where: { id: attemptId }, data: { items: JSON.stringify({ ...attempt, items }) } })
  })
  await page.reload()

  const brands = new Set<string>()
  for (const { platform } of NEW_PLATFORM_ITEMS) {
    const post = page.getByRole('figure', { name: `Unggahan di ${platform}` })
    await expect(post).toBeVisible()
    const label = post.locator('figcaption span').first()
    await expect(label).toHaveText(platform)
    // Each platform has its own colour on the label and the card's edge (plain CSS, no logo).
    const [background, edge] = await label.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el.closest('figure')!).borderLeftColor])
    expect(background).toBe(edge)
    brands.add(background)
  }
  expect(brands.size).toBe(NEW_PLATFORM_ITEMS.length)
  // The first question is the LinkedIn post, with its verdict and reason choices.
  await expect(page.locator('.quiz-item').first().getByRole('figure')).toHaveAccessibleName('Unggahan di LinkedIn')
  await expect(page.locator('.quiz-item').first().locator('input[type="radio"]')).toHaveCount(2 + 4)

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectAccessible(page)
})
