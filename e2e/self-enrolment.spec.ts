import { randomUUID } from 'node:crypto'
import { DEMO_PASSWORD, e2eDb, expect, expectAccessible, freshNip, signInWithForm, test } from './fixtures'

// Issue 13, "Everyone of the agency counts". An agency of its own, so that choosing where
// self-registered people go cannot touch what other specs register at the same time.
test('HR chooses the cohort for self-registered people; a new registrant counts in it, and people in no cohort are assigned in one click', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const tag = randomUUID().slice(0, 8)
  const agencyName = `Dinas Uji Mandiri ${tag}`
  const setup = await e2eDb(async (db) => {
    const { seedAgency, seedUser } = await import('../prisma/seed/seeders')
    const agency = await seedAgency(db, { code: `E2E-MANDIRI-${tag}`, name: agencyName, units: ['Bidang Umum'] })
    const hr = await seedUser(db, { name: `Petugas ${tag}`, email: `hr-mandiri-${tag}@contoh.go.id`, password: DEMO_PASSWORD, role: 'hr', agencyId: agency.id })
    const dueDate = new Date(Date.now() + 30 * 86_400_000)
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: `Orientasi ${tag}`, dueDate } })
    // Registered before HR chose anything: in no cohort.
    const waiting = await seedUser(db, { name: `Menunggu ${tag}`, email: `menunggu-${tag}@contoh.go.id`, password: DEMO_PASSWORD, nip: freshNip(), employmentType: 'PNS', agencyId: agency.id, unitId: agency.units[0]!.id })
    return { hrEmail: hr.email, cohortId: cohort.id, cohortName: cohort.name, waitingId: waiting.id }
  })

  await signInWithForm(page, setup.hrEmail)
  await expect(page).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await page.goto(`/hr?kelompok=${setup.cohortId}`)
  await expect(page.getByTestId('jumlah-belum-ditugaskan')).toHaveText('1')
  await expectAccessible(page)
  await page.getByRole('button', { name: `Tetapkan 1 orang ke ${setup.cohortName}` }).click()
  await expect(page.getByRole('status')).toHaveText(`1 orang ditetapkan ke ${setup.cohortName}.`)
  await expect(page.getByTestId('jumlah-peserta')).toHaveText('1')
  await expect(page.getByTestId('jumlah-belum-ditugaskan')).toHaveCount(0)

  await page.goto('/hr/kelompok')
  const selfEnrol = page.locator('form', { has: page.getByRole('heading', { name: 'Kelompok untuk pendaftar mandiri' }) })
  await selfEnrol.getByLabel('Pendaftar mandiri masuk ke').selectOption({ label: setup.cohortName })
  await selfEnrol.getByRole('button', { name: 'Simpan' }).click()
  await expect(selfEnrol.getByRole('status')).toHaveText(`Pendaftar mandiri sekarang masuk kelompok "${setup.cohortName}".`)
  await page.reload()
  await expect(page.getByRole('cell', { name: /pendaftar mandiri masuk ke sini/ })).toContainText(setup.cohortName)
  await expectAccessible(page)

  // A new civil servant of that agency registers on their own.
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  const nip = freshNip()
  await learner.goto('/daftar')
  await learner.getByLabel('Nama lengkap dengan gelar').fill(`Pendaftar ${tag}`)
  await learner.getByLabel('PNS', { exact: true }).check()
  await learner.getByLabel('NIP', { exact: true }).fill(nip)
  await learner.getByLabel('Instansi').selectOption({ label: agencyName })
  await learner.getByLabel('Unit kerja').selectOption({ label: 'Bidang Umum' })
  await learner.getByLabel('Email').fill(`pendaftar-${tag}@contoh.go.id`)
  await learner.getByLabel('Kata sandi', { exact: true }).fill('Sandi-yang-kuat-2026')
  await learner.getByLabel('Ulangi kata sandi').fill('Sandi-yang-kuat-2026')
  await learner.getByRole('button', { name: 'Buat akun' }).click()
  await expect(learner).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  await expect(learner.getByText(setup.cohortName)).toBeVisible()
  await learnerContext.close()

  await page.goto(`/hr?kelompok=${setup.cohortId}`)
  await expect(page.getByTestId('jumlah-peserta')).toHaveText('2')
  await expect(page.getByTestId('jumlah-belum-ditugaskan')).toHaveCount(0)
})
