/**
 * Issue 11, the newcomer's path: registration that keeps what was typed (with and without
 * JavaScript), the NI PPPK checks, the dashboard's main button following the learner's state,
 * the result page after the last allowed attempt, the per-area table and Indonesian numbers.
 */
import type { Browser, Page } from '@playwright/test'
import { e2eDb, expect, expectAccessible, test } from './fixtures'

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
