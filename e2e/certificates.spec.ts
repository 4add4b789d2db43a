import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  completeAllLessons,
  DEMO_LOGINS,
  e2eDb,
  expect,
  expectAccessible,
  passPostTest,
  signInNewLearner,
  signInWithForm,
  test,
} from './fixtures'
import { flipByte, pdfSignatures, signedByteRange } from '../tests/poppler'

const SIGNATURE_VALID = 'Signature Validation: Signature is Valid.'

/** The text of a PDF and the URL in its QR code, read with the tools an auditor would use. */
function readPdf(bytes: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-cert-'))
  const file = path.join(dir, 'sertifikat.pdf')
  fs.writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(dir, 'page')])
  const qr = execFileSync('zbarimg', ['-q', '--raw', path.join(dir, 'page.png')], { encoding: 'utf8' }).trim()
  fs.rmSync(dir, { recursive: true, force: true })
  return { text, qr }
}

test('a learner passes, downloads the PDF, and its QR code verifies it as valid; others cannot download it', async ({ page, browser }) => {
  // Five browser contexts, poppler and zbar on a loaded 2-core machine: generous headroom.
  test.setTimeout(240_000)
  const learner = await signInNewLearner(page, 'sertifikat')
  await completeAllLessons(learner.id)
  await passPostTest(page)
  await page.getByRole('link', { name: 'Unduh sertifikat' }).click()
  await expect(page).toHaveURL(/\/sertifikat$/)
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))
  expect(certificate.number).toMatch(/^BBS\/\d{4}\/\d{6}$/)
  await expect(page.getByRole('heading', { name: certificate.number })).toBeVisible()
  await expectAccessible(page)

  const pdfUrl = `/sertifikat/${certificate.id}/pdf`
  const download = await page.request.get(pdfUrl)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toBe('application/pdf')
  const { text, qr } = readPdf(await download.body())
  expect(text).toContain(`Peserta sertifikat`)
  expect(text).toContain(certificate.number)
  expect(text).toContain(learner.nip)
  expect(qr).toMatch(new RegExp(`/verify/${certificate.code}$`))
  // Signed once at issuing (decision 046): poppler reads a valid signature, not after one byte
  // of the signed range changes, and a second download is the same bytes.
  const pdfBytes = new Uint8Array(await download.body())
  const signatures = pdfSignatures(pdfBytes)
  expect(signatures).toContain(SIGNATURE_VALID)
  expect(signatures).toContain('Signature Type: adbe.pkcs7.detached')
  expect(pdfSignatures(flipByte(pdfBytes, Math.floor(signedByteRange(pdfBytes)[1] / 2)))).not.toContain(SIGNATURE_VALID)
  const again = new Uint8Array(await (await page.request.get(pdfUrl)).body())
  expect(Buffer.from(again).equals(Buffer.from(pdfBytes))).toBe(true)

  const auditor = await (await browser.newContext()).newPage()
  await auditor.goto(new URL(qr).pathname)
  await expect(auditor.getByText('Sertifikat asli dan berlaku.')).toBeVisible()
  await expect(auditor.getByTestId('sha256-berlaku')).toHaveText(createHash('sha256').update(pdfBytes).digest('hex'))
  await expect(auditor.getByTestId('tanda-tangan')).toContainText('ditandatangani secara elektronik pada')
  await expect(auditor.getByTestId('penanda-tangan')).toHaveText(/^CN=.+, O=.+, C=ID$/)
  await expect(auditor.getByText(certificate.number)).toBeVisible()
  await expect(auditor.getByText(`${learner.nip.slice(0, 4)}••••••••••${learner.nip.slice(-4)}`)).toBeVisible()
  expect(await auditor.content()).not.toContain(learner.nip)
  await expectAccessible(auditor)
  expect((await auditor.request.get(pdfUrl)).status()).toBe(401)

  // Each crossing: another learner and another agency's HR get 404; the same agency's HR and an admin get the PDF.
  const otherLearner = await (await browser.newContext()).newPage()
  await signInNewLearner(otherLearner, 'orang-lain')
  expect((await otherLearner.request.get(pdfUrl)).status()).toBe(404)
  const otherHr = await (await browser.newContext()).newPage()
  const { seedUser } = await import('../prisma/seed/seeders')
  await e2eDb(async (db) => {
    const ministry = await db.agency.findUniqueOrThrow({ where: { code: 'KEMEN-DEMO' } })
    await seedUser(db, { name: 'HR Kementerian', email: 'hr-kementerian@demo.go.id', password: 'Bijak-Bermedia-2026', role: 'hr', agencyId: ministry.id })
  })
  await signInWithForm(otherHr, 'hr-kementerian@demo.go.id')
  await expect(otherHr).toHaveURL(/\/hr$/)
  expect((await otherHr.request.get(pdfUrl)).status()).toBe(404)
  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr$/)
  expect((await hr.request.get(pdfUrl)).status()).toBe(200)

  // An admin revokes it; verification then says so.
  const admin = await (await browser.newContext()).newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin$/)
  await admin.goto(`/admin/sertifikat?nomor=${encodeURIComponent(certificate.number)}`)
  await expect(admin.getByTestId('kunci-penanda-tangan')).toContainText('PDF sertifikat ditandatangani secara elektronik oleh CN=')
  await expectAccessible(admin)
  await admin.getByLabel(`Alasan mencabut ${certificate.number}`).fill('Data kelulusan keliru, diperiksa ulang')
  // Revoking asks for an explicit confirmation (issue 11).
  await admin.getByLabel(`Ya, cabut ${certificate.number} (tidak dapat dibatalkan)`).check()
  await admin.getByRole('button', { name: 'Cabut' }).click()
  await expect(admin.getByRole('cell', { name: 'Dicabut: Data kelulusan keliru, diperiksa ulang' })).toBeVisible()
  await auditor.reload()
  await expect(auditor.getByText('Sertifikat ini telah dicabut.')).toBeVisible()
  // The stamped copy a revoked certificate downloads as is not signed (decision 046).
  const stamped = new Uint8Array(await (await admin.request.get(pdfUrl)).body())
  expect(pdfSignatures(stamped)).toContain('does not contain any signatures')
  const audit = await e2eDb((db) => db.auditLog.findFirst({ where: { action: 'certificate.revoked', targetId: certificate.id } }))
  expect(audit?.details).toContain('Data kelulusan keliru')
})

test('an unknown or malformed verification code shows "not found" and nothing else', async ({ page }) => {
  for (const code of ['abcdefghjkmnpqrstvwxyz23', 'bukan-kode', "'; DROP TABLE certificate;--"]) {
    const response = await page.goto(`/verify/${encodeURIComponent(code)}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sertifikat tidak ditemukan')
  }
  await expectAccessible(page)
})
