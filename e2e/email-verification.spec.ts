import { DEMO_LOGINS, e2eDatabase, expect, expectAccessible, freshNip, signInWithForm, test } from './fixtures'

/** The link of the newest verification email to this address (the e2e server has no SMTP_URL: it waits in the outbox). */
function verificationLink(email: string): string {
  const db = e2eDatabase()
  const row = db
    .prepare("SELECT text FROM outbox_message WHERE toAddress = ? AND kind = 'email-verification' ORDER BY createdAt DESC LIMIT 1")
    .get(email) as { text: string } | undefined
  db.close()
  const link = /http:\/\/localhost:\d+\/verifikasi-email\?token=[A-Za-z0-9_-]{43}/.exec(row?.text ?? '')?.[0]
  if (!link) throw new Error(`no verification link for ${email}: ${row?.text}`)
  return link
}

// Issue 14 and decision 045: registering sends a verification link; opening it on any device and
// pressing the button verifies the address. On a domain the admin listed for the agency, HR sees
// it as the agency's address beside the NIP claim, which stays a claim.
test('a new learner verifies their address from the emailed link; HR sees an agency address beside the claim', async ({ page, browser }) => {
  const nip = freshNip()
  const email = `rina-${nip}@bkpsdm.demoraya.go.id`
  await page.goto('/daftar')
  await page.getByLabel('Nama lengkap dengan gelar').fill('Rina Kusumawati, S.Sos.')
  await page.getByLabel('PNS', { exact: true }).check()
  await page.getByLabel('NIP', { exact: true }).fill(nip)
  await page.getByLabel('Instansi').selectOption({ label: 'Pemerintah Kota Demo Raya' })
  await page.getByLabel('Unit kerja').selectOption({ label: 'Dinas Pendidikan' })
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Kata sandi', { exact: true }).fill('Sandi-yang-kuat-2026')
  await page.getByLabel('Ulangi kata sandi').fill('Sandi-yang-kuat-2026')
  await page.getByRole('button', { name: 'Buat akun' }).click()
  await expect(page).toHaveURL(/\/dasbor/, { timeout: 30_000 })

  // The dashboard says the address is unverified; asking again right away sends no second email.
  const prompt = page.getByRole('region', { name: 'Alamat email belum terverifikasi' })
  await expect(prompt).toContainText(email)
  await expectAccessible(page)
  await prompt.getByRole('button', { name: 'Kirim tautan verifikasi' }).click()
  await expect(prompt.getByRole('status')).toHaveText(/baru saja dikirim/, { timeout: 30_000 })
  const link = verificationLink(email)

  // Opened on another device, not signed in: opening verifies nothing, the button does.
  const phone = await (await browser.newContext()).newPage()
  await phone.goto(link)
  await expect(phone.getByRole('heading', { level: 1, name: 'Verifikasi email' })).toBeVisible()
  await expectAccessible(phone)
  await phone.reload()
  await phone.getByRole('button', { name: 'Verifikasi email saya' }).click()
  await expect(phone.getByRole('heading', { level: 1, name: 'Email terverifikasi' })).toBeVisible({ timeout: 30_000 })
  await expect(phone.getByText('demoraya.go.id', { exact: true })).toBeVisible()
  await expectAccessible(phone)
  await phone.goto(link)
  await expect(phone.getByRole('alert').filter({ hasText: 'Tautan ini tidak berlaku lagi' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: /^Halo, / })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Alamat email belum terverifikasi' })).toHaveCount(0)

  // HR's claims queue: still a claim, now with the agency's verified address beside it.
  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr/, { timeout: 30_000 })
  await hr.goto('/hr/verifikasi')
  const claim = hr.getByTestId(`klaim-${nip}`)
  await expect(claim).toContainText(email)
  await expect(claim.getByTestId('bukti-email')).toHaveText('Email instansi terverifikasi')
  await expectAccessible(hr)
})

test("the admin lists an agency's email domains, with a clear error for an address typed instead", async ({ page }) => {
  await signInWithForm(page, DEMO_LOGINS.admin.email)
  await expect(page).toHaveURL(/\/admin/, { timeout: 30_000 })
  await page.goto('/admin/instansi')
  await page.getByRole('link', { name: 'Kementerian Contoh Pelayanan Publik' }).first().click()
  const section = page.getByRole('region', { name: 'Domain email instansi' })
  await expect(section).toBeVisible()
  const domain = `kemen-${freshNip().slice(-6)}.go.id`
  await section.getByLabel('Domain email').fill(`budi@${domain}`)
  await section.getByRole('button', { name: 'Tambah domain' }).click()
  await expect(section.getByText(/Bukan nama domain yang sah/)).toBeVisible({ timeout: 30_000 })
  await section.getByLabel('Domain email').fill(`@${domain.toUpperCase()}`)
  await section.getByRole('button', { name: 'Tambah domain' }).click()
  await expect(section.getByRole('status').filter({ hasText: `Domain email ${domain} ditambahkan.` })).toBeVisible({ timeout: 30_000 })
  await expect(section.getByText(domain, { exact: true })).toBeVisible()
  await expectAccessible(page)
  await section.getByRole('button', { name: `Hapus domain ${domain}` }).click()
  await expect(section.getByText(domain, { exact: true })).toHaveCount(0, { timeout: 30_000 })
})
