/**
 * Issue 11, the newcomer's path: registration that keeps what was typed (with and without
 * JavaScript), the NI PPPK checks, the dashboard's main button following the learner's state,
 * the result page after the last allowed attempt, the per-area table and Indonesian numbers.
 */
import type { Browser, Page } from '@playwright/test'
import { formatDateTimeWib } from '../lib/format/indonesian'
import { completeAllLessons, e2eDb, expect, expectAccessible, passPostTest, signInNewLearner, test } from './fixtures'

const PASSWORD = 'Sandi-yang-kuat-2026'
const RETYPE = 'Demi keamanan, kata sandi tidak ikut dikembalikan: ketik ulang kata sandi dan ulangannya.'

/** A structurally valid NI PPPK (gender digit 1 or 2) no other test is likely to use. */
function freshNiPppk(): string {
  const pick = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
  const two = (n: number) => String(n).padStart(2, '0')
  return `${pick(1970, 2000)}${two(pick(1, 12))}${two(pick(1, 28))}202321${pick(1, 2)}${String(pick(1, 999)).padStart(3, '0')}`
}

async function demoCity() {
  return e2eDb((db) => db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: { orderBy: { name: 'asc' } } } }))
}

/**
 * Registers as a PPPK learner through two rejected submissions (a wrong gender digit, then the
 * passwords left empty) and a good one, checking after each rejection that every field except
 * the passwords came back as typed.
 */
async function registerPppkThroughMistakes(page: Page, javaScript: boolean) {
  const city = await demoCity()
  const unit = city.units.find((candidate) => candidate.name === 'Dinas Pendidikan')!
  const nip = freshNiPppk()
  const email = `pppk-${nip}@contoh.go.id`
  const name = "Dra. Ni Made Ayu Kusuma Dewi, S.Pd., M.Pd."
  const badNip = `${nip.slice(0, 14)}3${nip.slice(15)}`

  await page.goto('/daftar')
  await page.getByLabel('Nama lengkap dengan gelar').fill(name)
  await page.getByLabel('PPPK (P3K)').check()
  if (javaScript) {
    // The example under the field is a PPPK one, not a PNS one.
    await expect(page.getByLabel('NI PPPK', { exact: true })).toBeVisible()
    await expect(page.getByText('18 angka tanpa spasi, mis. 199103152023212004.')).toBeVisible()
  } else {
    await expect(page.getByText('mis. NIP 198609262015051001 atau NI PPPK 199103152023212004.')).toBeVisible()
  }
  const nipField = page.locator('#nip')
  await nipField.fill(badNip)
  await page.getByLabel('Instansi').selectOption(city.id)
  await page.getByLabel('Unit kerja').selectOption(unit.id)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Ulangi kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Buat akun' }).click()

  const expectKept = async (typedNip: string) => {
    await expect(page.getByRole('main').getByRole('alert')).toContainText(RETYPE, { timeout: 30_000 })
    await expect(page.getByLabel('Nama lengkap dengan gelar')).toHaveValue(name)
    await expect(page.getByLabel('PPPK (P3K)')).toBeChecked()
    await expect(page.getByLabel('NI PPPK', { exact: true })).toHaveValue(typedNip)
    await expect(page.getByText('18 angka tanpa spasi, mis. 199103152023212004.')).toBeVisible()
    await expect(page.getByLabel('Instansi')).toHaveValue(city.id)
    await expect(page.getByLabel('Unit kerja')).toHaveValue(unit.id)
    await expect(page.getByLabel('Email')).toHaveValue(email)
    await expect(page.getByLabel('Kata sandi', { exact: true })).toHaveValue('')
    await expect(page.getByLabel('Ulangi kata sandi')).toHaveValue('')
  }
  await expectKept(badNip)
  await expect(page.getByText('Digit ke-15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan).')).toBeVisible()
  // axe runs as a script in the page: only with JavaScript on.
  if (javaScript) await expectAccessible(page)

  // Fix the NIP but forget the passwords: everything is kept again.
  await nipField.fill(nip)
  await page.getByRole('button', { name: 'Buat akun' }).click()
  await expect(page.getByText('Kata sandi wajib diisi.').or(page.getByText('Kata sandi minimal 10 karakter.'))).toBeVisible({ timeout: 30_000 })
  await expectKept(nip)
  await expect(page.getByText('Digit ke-15 NI PPPK')).toHaveCount(0)

  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Ulangi kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Buat akun' }).click()
  await expect(page).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  const user = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { email }, select: { nip: true, employmentType: true, agencyId: true, unitId: true, name: true } }))
  expect(user).toEqual({ nip, employmentType: 'PPPK', agencyId: city.id, unitId: unit.id, name })
  expect(await e2eDb((db) => db.user.count({ where: { nip: badNip } }))).toBe(0)
}

test('registration keeps every field but the passwords after a rejection, and checks the NI PPPK gender digit', async ({ page }) => {
  test.setTimeout(120_000)
  await registerPppkThroughMistakes(page, true)
})

test('without JavaScript, registration keeps every field but the passwords too', async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000)
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    await registerPppkThroughMistakes(await context.newPage(), false)
  } finally {
    await context.close()
  }
})

const main = (page: Page) => page.getByTestId('langkah-berikutnya')

async function submitEmpty(page: Page) {
  await page.getByRole('button', { name: 'Kirim jawaban' }).click()
  await expect(page.getByText(/soal belum dijawab dan akan dinilai 0/)).toBeVisible()
  await page.getByRole('button', { name: 'Kirim jawaban' }).click()
  await expect(page).toHaveURL(/\/uji\/hasil\//, { timeout: 30_000 })
}

test('the dashboard leads from lesson to post-test; after the last allowed attempt the result says when the next opens', async ({ page }) => {
  test.setTimeout(180_000)
  const learner = await signInNewLearner(page, 'jalur')

  // No lesson done: the main button starts the first lesson; the pre-test is offered before learning.
  await page.goto('/dasbor')
  await expect(main(page)).toHaveAttribute('data-step', 'lesson')
  await expect(main(page).getByRole('link', { name: /^Mulai belajar: / })).toHaveAttribute('href', /^\/belajar\//)
  await expect(page.getByText('Kerjakan sebelum belajar untuk melihat kemajuan Anda.')).toBeVisible()
  await expectAccessible(page)

  // Every lesson done: the post-test, and no more "before learning".
  await completeAllLessons(learner.id)
  await page.reload()
  await expect(main(page)).toHaveAttribute('data-step', 'posttest')
  await expect(page.getByText('Kerjakan sebelum belajar')).toHaveCount(0)
  await expect(page.getByText(/^Tidak dikerjakan\. Uji awal mengukur pemahaman sebelum belajar/)).toBeVisible()
  await main(page).getByRole('link', { name: 'Kerjakan uji akhir' }).click()
  await expect(page).toHaveURL(/\/uji\/akhir$/)
  await page.getByRole('button', { name: 'Mulai uji akhir' }).click()
  await expect(page).toHaveURL(/\/uji\/percobaan\//, { timeout: 30_000 })
  const attemptId = page.url().split('/').pop()!
  await submitEmpty(page)

  // A failed attempt with tries left: "Coba lagi"; score and area scores as "0,0"; the per-area
  // table counts every question once.
  await expect(page.locator('.result-score')).toHaveText('0,0')
  await expect(page.getByRole('link', { name: 'Coba lagi' })).toBeVisible()
  const questions = await e2eDb(async (db) => (JSON.parse((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).items) as { items: unknown[] }).items.length)
  const table = page.getByRole('table')
  const counts = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number)
  expect(counts.reduce((sum, n) => sum + n, 0)).toBe(questions)
  await expect(table.locator('tfoot td').first()).toHaveText(String(questions))
  for (const cell of await table.locator('tbody tr td:nth-child(3)').allTextContents()) expect(cell).toBe('0,0')

  // More attempts in the window (as if taken in the hours before): the limit is reached.
  const setting = async (key: string, fallback: number) => {
    const row = await e2eDb((db) => db.setting.findUnique({ where: { key } }))
    return row ? Number(JSON.parse(row.value)) : fallback
  }
  const [limit, windowHours] = [await setting('attemptLimit', 3), await setting('attemptWindowHours', 24)]
  const earliest = new Date(Math.floor(Date.now() / 60_000) * 60_000 - (limit - 1) * 3_600_000)
  await e2eDb(async (db) => {
    const original = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
    const starts = Array.from({ length: limit - 1 }, (_, i) => new Date(earliest.getTime() + i * 3_600_000))
    for (const [index, startedAt] of starts.entries()) {
      const { id: _id, ...copy } = original
      await db.quizAttempt.create({ data: { ...copy, seed: `${copy.seed}-${index}`, startedAt, expiresAt: new Date(startedAt.getTime() + 60_000), submittedAt: startedAt } })
    }
  })
  await page.reload()
  const opens = formatDateTimeWib(new Date(earliest.getTime() + windowHours * 3_600_000))
  await expect(page.getByTestId('percobaan-berikutnya')).toContainText(`Percobaan berikutnya dapat dimulai pada ${opens}.`)
  await expect(page.getByRole('link', { name: 'Coba lagi' })).toHaveCount(0)
  await expect(page.getByText(/lalu coba lagi/)).toHaveCount(0)
  await expectAccessible(page)

  await page.goto('/dasbor')
  await expect(main(page)).toHaveAttribute('data-step', 'posttest-blocked')
  await expect(main(page)).toContainText(`Nilai terakhir 0,0 (belum lulus). Batas ${limit} percobaan per ${windowHours} jam sudah tercapai. Anda dapat mencoba lagi mulai ${opens}.`)
  await expect(main(page).getByRole('link')).toHaveCount(0)
})

test('the dashboard offers the certificate of a pass, says when it is being prepared, and shows a revoked one as revoked', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const learner = await signInNewLearner(page, 'sertifikat')
  await completeAllLessons(learner.id)
  await passPostTest(page)
  await expect(page.locator('.result-score')).toHaveText('100,0')
  await page.goto('/dasbor')
  await expect(main(page)).toHaveAttribute('data-step', 'certificate')
  await expect(main(page)).toContainText('Lulus dengan nilai 100,0.')
  await expect(main(page).getByRole('link', { name: 'Unduh sertifikat' })).toHaveAttribute('href', '/sertifikat')

  // Revoked: never "Lulus … unduh sertifikat".
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))
  await e2eDb((db) => db.certificate.update({ where: { id: certificate.id }, data: { revokedAt: new Date(), revokedReason: 'uji e2e' } }))
  await page.reload()
  await expect(main(page)).toHaveAttribute('data-step', 'certificate-revoked')
  await expect(main(page)).toContainText(`Sertifikat ${certificate.number} telah dicabut dan tidak berlaku.`)
  await expect(page.getByText(/Lulus dengan nilai/)).toHaveCount(0)
  await expect(page.getByRole('link', { name: /unduh sertifikat/i })).toHaveCount(0)
  await expect(page.getByText('Sertifikat dicabut.')).toBeVisible()
  await expectAccessible(page)

  // A pass whose certificate is not issued yet: "sedang disiapkan", and the page view issues nothing.
  const other = await browser.newContext()
  try {
    const otherPage = await other.newPage()
    const second = await signInNewLearner(otherPage, 'menunggu')
    await completeAllLessons(second.id)
    await otherPage.goto('/uji/akhir')
    await otherPage.getByRole('button', { name: 'Mulai uji akhir' }).click()
    await expect(otherPage).toHaveURL(/\/uji\/percobaan\//, { timeout: 30_000 })
    const attemptId = otherPage.url().split('/').pop()!
    await submitEmpty(otherPage)
    await e2eDb((db) => db.quizAttempt.update({ where: { id: attemptId }, data: { passed: true, score: 86.7 } }))
    await otherPage.goto('/dasbor')
    await expect(main(otherPage)).toHaveAttribute('data-step', 'certificate-pending')
    await expect(main(otherPage)).toContainText('Lulus dengan nilai 86,7. Sertifikat Anda sedang disiapkan')
    await expect(otherPage.getByRole('link', { name: 'Unduh sertifikat' })).toHaveCount(0)
    expect(await e2eDb((db) => db.certificate.count({ where: { userId: second.id } }))).toBe(0)
  } finally {
    await other.close()
  }
})
