import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { completeAllLessons, DEMO_LOGINS, e2eDb, expect, expectAccessible, passPostTest, signInNewLearner, signInWithForm, test } from './fixtures'

/** The text of a PDF as pdftotext (poppler) reads it. */
function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-versi-'))
  const file = path.join(dir, 'sertifikat.pdf')
  fs.writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  fs.rmSync(dir, { recursive: true, force: true })
  return text.replace(/\s+/g, ' ')
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

// Issue 15 "Data saya" name correction with issue 16's "same bytes, SHA-256 on /verify" (decision
// 043): the learner asks, HR of the agency approves, the certificate is reissued as version 2 with
// the same number, and /verify shows the new file's hash with version 1 as superseded.
test('a learner corrects their name, HR approves, the certificate is reissued as version 2 with the same number', async ({ page, browser }) => {
  test.setTimeout(240_000)
  const learner = await signInNewLearner(page, 'koreksi')
  await completeAllLessons(learner.id)
  await passPostTest(page)
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))
  const pdfUrl = `/sertifikat/${certificate.id}/pdf`
  const first = await (await page.request.get(pdfUrl)).body()
  // The same file on every download.
  expect(sha256(await (await page.request.get(pdfUrl)).body())).toBe(sha256(first))
  expect(pdfText(first)).toContain(learner.name)

  // The learner asks in Data saya; a bad reason is refused in Bahasa Indonesia, markup is shown as text.
  const newName = `Peserta Koreksi <b>Benar</b>`
  await page.goto('/akun/data-saya')
  const form = page.getByRole('form', { name: 'Ajukan koreksi nama' })
  await form.getByLabel(/Nama yang benar/).fill('Peserta Koreksi Benar, S.Sos.')
  await form.getByLabel(/Alasan dan dasar koreksi/).fill('abc')
  await form.getByRole('button', { name: 'Ajukan koreksi nama' }).click()
  await expect(form.getByText(/Tulis alasan koreksi nama \(minimal 5 karakter\)/)).toBeVisible({ timeout: 30_000 })
  await form.getByLabel(/Nama yang benar/).fill(newName)
  await form.getByLabel(/Alasan dan dasar koreksi/).fill('Sesuai SK CPNS')
  await form.getByRole('button', { name: 'Ajukan koreksi nama' }).click()
  await expect(form.getByText('Nama hanya boleh berisi huruf', { exact: false })).toBeVisible({ timeout: 30_000 })
  const corrected = 'Peserta Koreksi Benar, S.Sos.'
  await form.getByLabel(/Nama yang benar/).fill(corrected)
  await form.getByRole('button', { name: 'Ajukan koreksi nama' }).click()
  // The page is drawn again with the open request in place of the form.
  await expect(page.getByText('Permintaan koreksi nama Anda sedang menunggu keputusan admin kepegawaian.')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('riwayat-koreksi')).toContainText(`${learner.name} → ${corrected}: menunggu keputusan`)
  await expect(page.getByRole('form', { name: 'Ajukan koreksi nama' })).toHaveCount(0)
  await expectAccessible(page)

  // HR of the agency approves from "Koreksi nama" in the HR menu.
  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await hr.getByRole('navigation', { name: 'Menu kepegawaian' }).getByRole('link', { name: 'Koreksi nama' }).click()
  await expect(hr.getByRole('heading', { level: 1, name: 'Koreksi nama' })).toBeVisible()
  const row = hr.getByTestId(`koreksi-${learner.nip}`)
  await expect(row).toContainText(corrected)
  await expect(row).toContainText('Sesuai SK CPNS')
  await expectAccessible(hr)
  await row.getByRole('button', { name: 'Setujui' }).click()
  await expect(row.getByRole('status')).toContainText(`dikoreksi menjadi ${corrected}`, { timeout: 30_000 })
  await expect(row.getByRole('status')).toContainText(certificate.number)

  // The learner sees the outcome and downloads the new PDF: the corrected name, the same number.
  await page.goto('/akun/data-saya')
  await expect(page.getByTestId('riwayat-koreksi')).toContainText(`${learner.name} → ${corrected}: disetujui`)
  const second = await (await page.request.get(pdfUrl)).body()
  const text = pdfText(second)
  expect(text).toContain(corrected)
  expect(text).not.toContain(learner.name)
  expect(text).toContain(certificate.number)
  expect(sha256(second)).not.toBe(sha256(first))

  // /verify: version 2 with the downloaded file's SHA-256, version 1 (the first file) superseded.
  const auditor = await (await browser.newContext()).newPage()
  await auditor.goto(`/verify/${certificate.code}`)
  await expect(auditor.getByText('Sertifikat asli dan berlaku.')).toBeVisible()
  await expect(auditor.getByText(corrected)).toBeVisible()
  await expect(auditor.getByTestId('versi-berlaku')).toContainText('2, terbit')
  await expect(auditor.getByTestId('sha256-berlaku')).toHaveText(sha256(second))
  const superseded = auditor.getByTestId('versi-digantikan')
  await expect(superseded).toContainText('Versi 1')
  await expect(superseded).toContainText('digantikan oleh versi 2 karena koreksi nama')
  await expect(superseded).toContainText(sha256(first))
  await expectAccessible(auditor)
})
