import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { completeAllLessons, DEMO_LOGINS, DEMO_PASSWORD, E2E_DB_FILE, e2eDb, expect, expectAccessible, passPostTest, signInNewLearner, signInWithForm, test } from './fixtures'
import { PRIVACY_NOTICE_VERSION } from '../lib/privacy/notice'

// Issue 15's personal data flows over time (decision 047): a new privacy notice version asked for
// at the next page, a person deleting their account, and the retention job on seeded old data
// (run through `npm run privacy:retention` on rows dated years back: no waiting).

test('a person whose accepted notice is older is asked to accept the new one before any page, and JSON routes are not redirected', async ({ page }) => {
  test.setTimeout(120_000)
  const learner = await signInNewLearner(page, 'pemberitahuan')
  // Accepted an earlier version only (the fixture records the current one: replaced here).
  await e2eDb(async (db) => {
    await db.privacyAcceptance.deleteMany({ where: { userId: learner.id } })
    await db.privacyAcceptance.create({ data: { userId: learner.id, version: '2025-01-01' } })
  })
  await page.goto('/sertifikat')
  await expect(page).toHaveURL(/\/akun\/pemberitahuan-privasi\?kembali=%2Fsertifikat$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Pemberitahuan Privasi diperbarui' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Baca Pemberitahuan Privasi lengkap' })).toHaveAttribute('href', '/privasi')
  await expectAccessible(page)
  // A route answers with its JSON, never with the notice page.
  const json = await page.request.get('/akun/data-saya/json', { maxRedirects: 0 })
  expect(json.status()).toBe(200)
  expect(json.headers()['content-type']).toContain('application/json')

  await page.getByLabel(`Saya telah membaca Pemberitahuan Privasi versi ${PRIVACY_NOTICE_VERSION}.`).check()
  await page.getByRole('button', { name: 'Lanjutkan' }).click()
  await expect(page).toHaveURL(/\/sertifikat$/, { timeout: 30_000 })
  const accepted = await e2eDb((db) => db.privacyAcceptance.findMany({ where: { userId: learner.id }, orderBy: { version: 'asc' }, select: { version: true } }))
  expect(accepted.map((row) => row.version)).toEqual(['2025-01-01', PRIVACY_NOTICE_VERSION])
  // Asked once: the next page opens directly.
  await page.goto('/dasbor')
  await expect(page).toHaveURL(/\/dasbor$/)
})

test('a person deletes their account in Data saya: they cannot sign in again, and HR of the agency sees that they left', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const learner = await signInNewLearner(page, 'hapus-akun')
  await page.goto('/akun/data-saya')
  const form = page.getByRole('form', { name: 'Hapus akun saya' })
  await form.getByLabel('Kata sandi Anda').fill('bukan-sandinya-123')
  await form.getByLabel('Ketik HAPUS AKUN SAYA').fill('HAPUS AKUN SAYA')
  await form.getByRole('button', { name: 'Hapus akun saya sekarang' }).click()
  await expect(form.getByText('Kata sandi salah.')).toBeVisible({ timeout: 30_000 })
  await expectAccessible(page)

  await form.getByLabel('Kata sandi Anda').fill(DEMO_PASSWORD)
  await form.getByLabel('Ketik HAPUS AKUN SAYA').fill('hapus akun saya')
  await form.getByRole('button', { name: 'Hapus akun saya sekarang' }).click()
  await expect(page).toHaveURL(/\/masuk\?akun=dihapus$/, { timeout: 30_000 })
  await expect(page.getByText('Akun Anda sudah dihapus.')).toBeVisible()
  const after = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { id: learner.id }, select: { name: true, nip: true, email: true } }))
  expect(after).toMatchObject({ name: 'Akun dihapus', nip: null })
  expect(await e2eDb((db) => db.auditLog.count({ where: { action: 'account.deleted', targetId: learner.id, actorId: learner.id } }))).toBe(1)

  // The old browser is signed out; neither the NIP nor the email signs in any more.
  await page.goto('/dasbor')
  await expect(page).toHaveURL(/\/masuk/)
  await signInWithForm(page, learner.nip)
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 30_000 })
  await expect(page).toHaveURL(/\/masuk/)

  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, DEMO_LOGINS.hr.email)
  await expect(hr).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await expect(hr.getByRole('heading', { name: 'Akun yang dihapus pemiliknya' })).toBeVisible()
  const count = Number(await hr.getByTestId('jumlah-akun-dihapus').textContent())
  expect(count).toBe(await e2eDb((db) => db.accountDeletion.count({ where: { agencyId: learner.agencyId } })))
  expect(count).toBeGreaterThanOrEqual(1)
})

test('the retention job on seeded old data: old answers aggregated then deleted with item statistics unchanged, an old certificate anonymised', async ({ page, browser }) => {
  test.setTimeout(300_000)
  const learner = await signInNewLearner(page, 'retensi')
  await completeAllLessons(learner.id)
  await passPostTest(page)
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))
  // Seeded dates: the attempts were finished 6 years ago, the certificate's validity ended 6 years ago.
  const sixYearsAgo = new Date(Date.now() - 6 * 366 * 86_400_000)
  await e2eDb(async (db) => {
    await db.quizAttempt.updateMany({ where: { userId: learner.id }, data: { startedAt: sixYearsAgo, submittedAt: sixYearsAgo } })
    await db.certificate.update({ where: { id: certificate.id }, data: { validUntil: sixYearsAgo } })
  })
  const answers = await e2eDb((db) => db.quizAnswer.count({ where: { attempt: { userId: learner.id } } }))
  expect(answers).toBeGreaterThan(0)

  const admin = await (await browser.newContext()).newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin/, { timeout: 30_000 })
  const bankSummary = async () => {
    await admin.goto('/admin/bank-soal?uji=akhir')
    return admin.getByText(/soal ditampilkan; [\d.]+ jawaban/).textContent()
  }
  const before = await bankSummary()

  const output = execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/privacy-retention.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: `file:${E2E_DB_FILE}` },
    encoding: 'utf8',
  })
  const result = JSON.parse(output.trim().split('\n').pop()!)
  // The job prints what it did (a scheduler tick of the server may have done part of it first).
  expect(result).toMatchObject({ answers: expect.any(Number), certificates: expect.any(Number) })
  expect(await e2eDb((db) => db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }))).toMatchObject({ fullName: 'Dianonimkan', nip: null })
  expect(await e2eDb((db) => db.quizAnswer.count({ where: { attempt: { userId: learner.id } } }))).toBe(0)
  // The admin's item statistics count the same answers: the deleted ones come from the aggregate.
  expect(await bankSummary()).toBe(before)

  // The learner sees their answers were deleted; the score stays.
  await page.goto('/akun/data-saya')
  await expect(page.getByText('jawaban sudah dihapus setelah masa retensi').first()).toBeVisible()

  // /verify: it existed and when it was valid, without the name.
  await page.goto(`/verify/${certificate.code}`)
  await expect(page.getByText(certificate.number)).toBeVisible()
  await expect(page.getByTestId('nama-pemegang')).toContainText('dianonimkan')
  await expect(page.getByText(certificate.fullName)).toHaveCount(0)
  await expectAccessible(page)
})
