import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import { completeAllLessons, DEMO_LOGINS, e2eDb, expect, freshNip, passPostTest, signInWithForm, test } from './fixtures'
import { PRIVACY_NOTICE_VERSION } from '../lib/privacy/notice'

/**
 * Issue 10's "done when": someone claims a NIP that is not theirs and even earns a certificate
 * under it → the real person's agency imports its roster → HR sees the conflict and rejects the
 * claim → the real person activates their account and finishes → only their certificate is in
 * the SIASN export, and the squatter's certificate shows as revoked on /verify.
 */
test('a squatted NIP: the roster conflict is rejected, the real person finishes, and only their certificate is evidence', async ({ browser }) => {
  test.setTimeout(300_000)
  const nip = freshNip()
  const realName = 'Dra. Rina Kusumawati, M.Si.'
  const squatterEmail = `joki-${nip}@contoh.go.id`

  // 1. A squatter registers the NIP with another name, and finishes the course under it.
  const squatter = await (await browser.newContext()).newPage()
  await squatter.goto('/daftar')
  await squatter.getByLabel('Nama lengkap dengan gelar').fill('Joko Penyerobot')
  await squatter.getByLabel('PNS', { exact: true }).check()
  await squatter.getByLabel('NIP', { exact: true }).fill(nip)
  await squatter.getByLabel('Instansi').selectOption({ label: 'Pemerintah Kota Demo Raya' })
  await squatter.getByLabel('Unit kerja').selectOption({ label: 'Dinas Pendidikan' })
  await squatter.getByLabel('Email').fill(squatterEmail)
  await squatter.getByLabel('Kata sandi', { exact: true }).fill('Sandi-penyerobot-2026')
  await squatter.getByLabel('Ulangi kata sandi').fill('Sandi-penyerobot-2026')
  await squatter.getByRole('button', { name: 'Buat akun' }).click()
  await expect(squatter).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  const squatterUser = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { email: squatterEmail } }))
  expect(squatterUser).toMatchObject({ nip, identityStatus: 'claimed' })
  await completeAllLessons(squatterUser.id)
  await passPostTest(squatter)
  const squatterCertificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: squatterUser.id } }))
  expect(squatterCertificate.nip).toBe(nip)

  // 2. The agency imports its roster: the preview shows the conflict with both names.
  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await hr.goto('/hr/impor')
  const roster = ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', `${nip};${realName};rina-${nip}@demoraya.go.id;PNS;Dinas Pendidikan`].join('\r\n')
  await hr.getByLabel(/Berkas daftar pegawai/).setInputFiles({ name: 'daftar.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
  await hr.getByRole('button', { name: 'Pratinjau' }).click()
  const conflict = hr.getByRole('table', { name: 'Konflik klaim NIP' }).getByTestId(`konflik-${nip}`)
  await expect(conflict).toContainText(realName)
  await expect(conflict).toContainText('Joko Penyerobot')

  // 3. HR rejects the claim and imports: the NIP goes to the real person, the squatter's
  //    certificate is revoked.
  await conflict.getByLabel('Tolak klaim').check()
  await hr.getByRole('button', { name: /^Impor \d+ baris yang valid$/ }).click()
  await expect(hr.getByText(/Impor selesai: 1 akun baru dibuat.*1 klaim ditolak/)).toBeVisible()
  const [download] = await Promise.all([hr.waitForEvent('download'), hr.getByRole('button', { name: 'Unduh kode aktivasi (CSV)' }).click()])
  const codes = parse(fs.readFileSync(await download.path()), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]
  const code = codes.find((row) => row.NIP === nip)?.['Kode Aktivasi']
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)

  // 4. The real person activates the account and finishes.
  const real = await (await browser.newContext()).newPage()
  await real.goto('/aktivasi')
  await real.getByLabel('NIP / NI PPPK').fill(nip)
  await real.getByLabel('Kode aktivasi').fill(code as string)
  await real.getByLabel('Kata sandi baru').fill('Sandi-rina-asli-2026')
  await real.getByLabel('Ulangi kata sandi').fill('Sandi-rina-asli-2026')
  await real.getByRole('button', { name: 'Aktifkan akun' }).click()
  await expect(real).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  const realUser = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { nip }, include: { privacyAcceptances: true } }))
  expect(realUser).toMatchObject({ name: realName, identityStatus: 'verified' })
  // Activating accepts the privacy notice shown under the form; its version is recorded.
  expect(realUser.privacyAcceptances.map((acceptance) => acceptance.version)).toEqual([PRIVACY_NOTICE_VERSION])
  await completeAllLessons(realUser.id)
  await passPostTest(real)
  const realCertificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: realUser.id } }))

  // 5. The SIASN export (every cohort, even with unverified identities included) holds the real
  //    person's certificate under the NIP, and not the squatter's.
  for (const query of ['kelompok=semua&format=csv&pemisah=titik-koma', 'kelompok=semua&format=csv&pemisah=titik-koma&semua-identitas=ya']) {
    const response = await hr.request.get(`/api/hr/reports/siasn?${query}`)
    expect(response.status()).toBe(200)
    const rows = parse(await response.body(), { delimiter: ';', bom: true, columns: true, relax_quotes: true }) as Record<string, string>[]
    const numbers = rows.map((row) => row['Nomor Sertifikat'])
    expect(numbers).toContain(realCertificate.number)
    expect(numbers).not.toContain(squatterCertificate.number)
    const underNip = rows.filter((row) => (row.NIP ?? '').replace(/\D/g, '') === nip)
    expect(underNip.map((row) => row['Nomor Sertifikat'])).toEqual([realCertificate.number])
  }

  // 6. /verify: the squatter's certificate is revoked, the real person's valid and verified.
  const auditor = await (await browser.newContext()).newPage()
  await auditor.goto(`/verify/${squatterCertificate.code}`)
  await expect(auditor.getByRole('status')).toContainText('Sertifikat ini telah dicabut')
  await auditor.goto(`/verify/${realCertificate.code}`)
  await expect(auditor.getByText('Sertifikat asli dan berlaku.')).toBeVisible()
  await expect(auditor.getByTestId('identitas-pemegang')).toHaveText('terverifikasi oleh instansi')
})
