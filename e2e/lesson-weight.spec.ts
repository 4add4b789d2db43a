import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import matter from 'gray-matter'
import { SEBELUM_UNGGAH } from '../lib/decision-aid/flow'
import { expect, lessonSlugs, signInNewLearner, test } from './fixtures'

// Lesson pages within their first-load JavaScript budget (decision 008, counted like
// `npm run bench:pages`: the script files a modern browser loads plus the inline scripts and
// page data, gzipped), and what the static islands of decision 025 must keep doing.
const BUDGET_KB = 130
const AID_LESSON = '/belajar/sebelum-mengunggah'

function frontmatter(slug: string): { title: string; summary: string } {
  const dir = path.resolve(import.meta.dirname, '../content/lessons')
  const file = fs.readdirSync(dir).find((name) => name.replace(/^\d+-/, '') === `${slug}.mdx`)!
  return matter(fs.readFileSync(path.join(dir, file), 'utf8')).data as { title: string; summary: string }
}

test('every lesson page loads at most 130 kB of JavaScript, and none carries the decision aid in its scripts', async ({ page }) => {
  await signInNewLearner(page, 'bobot')
  const files = new Map<string, string>()
  for (const slug of lessonSlugs()) {
    const response = await page.request.get(`/belajar/${slug}`)
    expect(response.status()).toBe(200)
    const html = await response.text()
    const sources = [...new Set([...html.matchAll(/<script(?![^>]*nomodule)[^>]+src="([^"]+\.js[^"]*)"/gi)].map((match) => match[1]!))]
    for (const src of sources) if (!files.has(src)) files.set(src, await (await page.request.get(src)).text())
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('')
    const bytes = sources.reduce((sum, src) => sum + gzipSync(files.get(src)!, { level: 9 }).length, 0) + gzipSync(inline, { level: 9 }).length
    expect(bytes / 1024, `first-load JavaScript of /belajar/${slug} (kB)`).toBeLessThanOrEqual(BUDGET_KB)
    // The aid's text is in the HTML of its lesson only, never in a script (it is not hydrated).
    const scripts = sources.map((src) => files.get(src)).join('') + inline
    for (const item of [SEBELUM_UNGGAH.questions[0]!, SEBELUM_UNGGAH.outcomes[1]!]) {
      expect(scripts, `/belajar/${slug}`).not.toContain(item.text.slice(0, 40))
      expect(html.includes(item.text.slice(0, 40)), `/belajar/${slug}`).toBe(`/belajar/${slug}` === AID_LESSON)
    }
  }
})

test('the decision aid still works once React has hydrated the page; title and description stay', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await signInNewLearner(page, 'pulau')
  await page.goto(AID_LESSON)
  // Hydrated: the knowledge check shows its options only in the browser, after hydration.
  await expect(page.getByRole('region', { name: 'Uji pemahaman' }).getByRole('radio').first()).toBeVisible({ timeout: 30_000 })
  const { title, summary } = frontmatter('sebelum-mengunggah')
  await expect(page).toHaveTitle(`${title} · Bijak Bermedia Sosial`)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', summary)
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute('content', 'width=device-width, initial-scale=1')

  const aid = page.getByRole('region', { name: 'Alur keputusan sebelum unggah' })
  await expect(aid.getByText(`Pertanyaan 1 dari ${SEBELUM_UNGGAH.questions.length}`)).toBeVisible()
  await aid.getByRole('button', { name: 'Ya', exact: true }).click()
  await expect(aid.getByText(`Pertanyaan 2 dari ${SEBELUM_UNGGAH.questions.length}`)).toBeVisible()
  await expect(aid.locator('#alur-pertanyaan')).toHaveText(SEBELUM_UNGGAH.questions[1]!.text)
  await expect(aid.locator('#alur-pertanyaan')).toBeFocused()
  // React did not replace the island (no hydration mismatch, no error).
  expect(errors).toEqual([])
})
