import { randomUUID } from 'node:crypto'
import { DEMO_LOGINS, e2eDb, expect, expectAccessible, freshNip, signInWithForm, test } from './fixtures'

const DIGEST = /Ringkasan mingguan Bijak Bermedia Sosial: /

// The weekly HR digest (issue 14) waits in the admin's "Kotak keluar" (the e2e server has no
// SMTP_URL), like every other message, and can be opened there.
test("the admin previews the HR officer's weekly digest in Kotak keluar", async ({ browser }) => {
  const jakarta = new Date(Date.now() + 7 * 3_600_000)
  test.skip(jakarta.getUTCDay() === 1 && jakarta.getUTCHours() < 7, 'the digest goes out from Monday 07:00 in Jakarta')
  const admin = await (await browser.newContext()).newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin/, { timeout: 30_000 })
  await admin.goto('/admin/kotak-keluar')
  await admin.getByRole('button', { name: 'Periksa pesan terjadwal sekarang' }).click()
  await expect(admin.getByRole('status').filter({ hasText: 'Pemeriksaan selesai' })).toBeVisible({ timeout: 30_000 })
  // The server's own tick may have queued it already: either way, once this week.
  const row = admin.getByRole('row').filter({ hasText: DEMO_LOGINS.hr.email }).filter({ hasText: DIGEST })
  await expect(row).toHaveCount(1)
  await row.getByRole('link', { name: DIGEST }).click()
  await expect(admin.getByRole('heading', { level: 1, name: DIGEST })).toBeVisible()
  const text = admin.getByTestId('mail-text')
  await expect(text).toContainText('Berikut kemajuan pegawai')
  await expect(text).toContainText(/Dasbor: http:\/\/localhost:\d+\/hr/)
  await expectAccessible(admin)
})

// People whom email cannot reach are a list for HR, never an error page; a CR/LF in a name is
// only text.
test('HR sees the people email cannot reach, with the reason', async ({ page }) => {
  const tag = randomUUID().slice(0, 8)
  const name = `Tak Terjangkau ${tag}\r\nBcc: penyusup@jahat.example`
  await e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } })
    await db.user.create({ data: { id: randomUUID(), name, email: `tak-terjangkau-${tag}@contoh`, nip: freshNip(), agencyId: agency.id } })
  })
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr/, { timeout: 30_000 })
  await page.getByRole('navigation', { name: 'Menu kepegawaian' }).getByRole('link', { name: 'Tak terjangkau email' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pegawai tak terjangkau email' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: `Tak Terjangkau ${tag}` })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Alamat email tidak valid')
  await expect(row).toContainText(`tak-terjangkau-${tag}@contoh`)
  await expectAccessible(page)
})
