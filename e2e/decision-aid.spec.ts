import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Download, Locator, Page } from '@playwright/test'
import { OUTCOME_LABELS, SEBELUM_UNGGAH } from '../lib/decision-aid/flow'
import { pdfInfo, pdfText } from '../tests/poppler'
import { expect, expectAccessible, signInNewLearner, test } from './fixtures'

// The "Sebelum unggah" decision aid (issue 12): in lesson 4 and as a one-page PDF.
const LESSON = '/belajar/sebelum-mengunggah'
const PDF = '/unduh/sebelum-unggah.pdf'
const outcome = (id: string) => SEBELUM_UNGGAH.outcomes.find((item) => item.id === id)!
const questionText = (id: string) => SEBELUM_UNGGAH.questions.find((item) => item.id === id)!.text

function aidOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Alur keputusan sebelum unggah' })
}

/** From the question (focused), Tab to the answer and press Enter: the keyboard only. */
async function answer(page: Page, choice: 'Ya' | 'Tidak') {
  const aid = aidOf(page)
  await expect(aid.locator('#alur-pertanyaan')).toBeFocused()
  await page.keyboard.press('Tab')
  if (choice === 'Tidak') await page.keyboard.press('Tab')
  await expect(aid.getByRole('button', { name: choice, exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
}

async function expectQuestion(page: Page, id: string) {
  const aid = aidOf(page)
  const number = SEBELUM_UNGGAH.questions.findIndex((item) => item.id === id) + 1
  await expect(aid.getByText(`Pertanyaan ${number} dari ${SEBELUM_UNGGAH.questions.length}`)).toBeVisible()
  await expect(aid.locator('#alur-pertanyaan')).toHaveText(questionText(id))
  // Focus follows the flow: the new question is where the keyboard is.
  await expect(aid.locator('#alur-pertanyaan')).toBeFocused()
}

/** Nothing wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  expect(widths.scroll, 'page wider than the viewport').toBeLessThanOrEqual(widths.client)
}

/** The downloaded file, read by poppler: exactly one A4 page with the whole flow. */
function expectOnePagePdf(file: string) {
  const bytes = fs.readFileSync(file)
  const info = pdfInfo(bytes)
  expect(info).toMatch(/^Pages:\s+1$/m)
  expect(info).toMatch(/^Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/m)
  const text = pdfText(bytes)
  expect(text).toContain('Sebelum unggah: alur keputusan')
  for (const item of SEBELUM_UNGGAH.questions) expect(text).toContain(item.text)
  for (const item of SEBELUM_UNGGAH.outcomes) expect(text).toContain(item.text)
}

async function savedDownload(download: Download): Promise<string> {
  expect(download.suggestedFilename()).toBe('sebelum-unggah.pdf')
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'alur-')), download.suggestedFilename())
  await download.saveAs(file)
  return file
}

test('two paths through the flow with the keyboard only: path shown, focus follows, Kembali and Ulangi', async ({ page }) => {
  await signInNewLearner(page, 'alur')
  await page.goto(LESSON)
  const aid = aidOf(page)
  await expect(aid.getByText(`Pertanyaan 1 dari ${SEBELUM_UNGGAH.questions.length}`)).toBeVisible()
  await aid.locator('#alur-pertanyaan').focus()

  // Path 1: a forwarded message whose original cannot be found.
  await answer(page, 'Ya')
  await expectQuestion(page, 'sumber')
  await answer(page, 'Tidak')
  const result = aid.getByTestId('hasil-alur')
  await expect(result).toContainText(`Hasil: ${OUTCOME_LABELS['jangan-unggah']}`)
  await expect(result).toContainText(outcome('tahan-sumber').text)
  await expect(result.getByText(/^Hasil:/)).toBeFocused()
  // The outcome is in a live region, with the rule it rests on linked to its card.
  await expect(aid.locator('[aria-live="polite"]')).toContainText(outcome('tahan-sumber').text)
  await expect(result.getByRole('link', { name: 'Periksa sumbernya' })).toHaveAttribute('href', `${LESSON}#aturan-check-source`)
  const answers = aid.getByRole('list', { name: 'Jawaban Anda' }).getByRole('listitem')
  await expect(answers).toHaveText(['Berasal dari orang lain: Ya', 'Versi aslinya ditemukan: Tidak'])

  // Kembali: one step back, to the question answered last.
  await page.keyboard.press('Tab') // the rule link
  await page.keyboard.press('Tab')
  await expect(aid.getByRole('button', { name: 'Kembali' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectQuestion(page, 'sumber')
  await expect(answers).toHaveText(['Berasal dari orang lain: Ya'])
  await expect(result).toHaveCount(0)

  // Ulangi: from the start. From the question: Ya, Tidak, Kembali, Ulangi.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
  await expect(aid.getByRole('button', { name: 'Ulangi' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectQuestion(page, 'asal')
  await expect(aid.getByRole('list', { name: 'Jawaban Anda' })).toHaveCount(0)

  // Path 2: one's own post about an official trip that shows the work: every check passed.
  const path2: [string, 'Ya' | 'Tidak'][] = [
    ['asal', 'Tidak'],
    ['benar', 'Ya'],
    ['terbuka', 'Ya'],
    ['bebas-benci', 'Ya'],
    ['netral', 'Ya'],
    ['konteks', 'Ya'],
    ['privasi', 'Ya'],
    ['perjalanan', 'Ya'],
    ['tugas', 'Ya'],
    ['bahasa', 'Ya'],
    ['manfaat', 'Ya'],
  ]
  for (const [id, choice] of path2) {
    await expectQuestion(page, id)
    await answer(page, choice)
  }
  await expect(result).toContainText(`Hasil: ${OUTCOME_LABELS.unggah}`)
  await expect(result).toContainText(outcome('unggah').text)
  await expect(result.getByText(/^Hasil:/)).toBeFocused()
  await expect(answers).toHaveCount(path2.length)
  await expect(answers.first()).toHaveText('Berasal dari orang lain: Tidak')
  await expect(answers.nth(8)).toHaveText('Menonjolkan tugas: Ya')
})

test('accessible (axe) and without sideways scrolling at 360 px, as a question and as an outcome', async ({ page }) => {
  // axe on a busy machine has taken over 60 s (decisions.md): headroom.
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await signInNewLearner(page, 'alur-360')
  await page.goto(LESSON)
  const aid = aidOf(page)
  await expect(aid.getByText(`Pertanyaan 1 dari ${SEBELUM_UNGGAH.questions.length}`)).toBeVisible()
  await aid.scrollIntoViewIfNeeded()
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)

  await aid.locator('#alur-pertanyaan').focus()
  await answer(page, 'Tidak')
  await expectQuestion(page, 'benar')
  await answer(page, 'Ya')
  await expectQuestion(page, 'terbuka')
  await answer(page, 'Tidak')
  await expect(aid.getByTestId('hasil-alur')).toContainText(outcome('jangan-rahasia').text)
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)
})

test('without JavaScript the whole flow reads as a numbered list', async ({ page, browser }) => {
  await signInNewLearner(page, 'alur-tanpa-js')
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })
  try {
    const plain = await context.newPage()
    await plain.goto(LESSON)
    const aid = aidOf(plain)
    const questions = aid.locator(':scope > ol > li')
    await expect(questions).toHaveCount(SEBELUM_UNGGAH.questions.length)
    for (const [index, item] of SEBELUM_UNGGAH.questions.entries()) await expect(questions.nth(index)).toContainText(item.text)
    for (const item of SEBELUM_UNGGAH.outcomes) await expect(aid).toContainText(item.text)
    // "Ya → lanjut ke pertanyaan 2" is a link to that question.
    await expect(questions.first().getByRole('link', { name: 'lanjut ke pertanyaan 2' })).toHaveAttribute('href', '#alur-sumber')
    await expect(aid.getByRole('button')).toHaveCount(0)
    await expect(aid.getByRole('link', { name: /Unduh alur ini/ })).toHaveAttribute('href', PDF)
  } finally {
    await context.close()
  }
})

test('the PDF link in the lesson and on the dashboard downloads a one-page A4 PDF, public and cacheable', async ({ page, playwright }) => {
  await signInNewLearner(page, 'alur-pdf')

  await page.goto(LESSON)
  const fromLesson = aidOf(page).getByRole('link', { name: /Unduh alur ini/ })
  const [lessonDownload] = await Promise.all([page.waitForEvent('download'), fromLesson.click()])
  expectOnePagePdf(await savedDownload(lessonDownload))

  await page.goto('/dasbor')
  const fromDashboard = page.getByRole('link', { name: 'Unduh PDF (1 halaman A4)' })
  await expect(fromDashboard).toHaveAttribute('href', PDF)
  const [dashboardDownload] = await Promise.all([page.waitForEvent('download'), fromDashboard.click()])
  expectOnePagePdf(await savedDownload(dashboardDownload))

  // No personal data in it: served to anyone, without a session, with cache headers and an ETag.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  try {
    const response = await anonymous.get(PDF, { maxRedirects: 0 })
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/pdf')
    expect(response.headers()['cache-control']).toBe('public, max-age=604800')
    expect(response.headers()['set-cookie']).toBeUndefined()
    const etag = response.headers()['etag']
    expect(etag).toMatch(/^".+"$/)
    const again = await anonymous.get(PDF, { headers: { 'If-None-Match': etag! }, maxRedirects: 0 })
    expect(again.status()).toBe(304)
  } finally {
    await anonymous.dispose()
  }
})
