import { randomUUID } from 'node:crypto'
import { DEMO_PASSWORD, e2eDb, expect, expectAccessible, signInWithForm, test } from './fixtures'

// Issue 13 / decision 049: an assignment larger than ASSIGN_INLINE_LIMIT (50 on the e2e server)
// runs in the background in batches; HR sees its progress on the cohort page and the result when
// it is done. An agency of its own, so no other spec's assignment shares its "one at a time".
const PEOPLE = 300

test('HR assigns a whole agency: it runs in the background, the cohort page follows it to the end', async ({ page }) => {
  test.setTimeout(180_000)
  const tag = randomUUID().slice(0, 8)
  const setup = await e2eDb(async (db) => {
    const { seedAgency, seedUser } = await import('../prisma/seed/seeders')
    const agency = await seedAgency(db, { code: `E2E-PENETAPAN-${tag}`, name: `Dinas Uji Penetapan ${tag}`, units: ['Bidang Umum', 'Bidang Teknis'] })
    const hr = await seedUser(db, { name: `Petugas ${tag}`, email: `hr-penetapan-${tag}@contoh.go.id`, password: DEMO_PASSWORD, role: 'hr', agencyId: agency.id })
    const cohort = await db.cohort.create({
      data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: `Orientasi massal ${tag}`, dueDate: new Date(Date.now() + 30 * 86_400_000) },
    })
    // NIPs of one birth date and hiring month of this spec's own, so they meet no other spec's.
    const birth = `19${60 + Math.floor(Math.random() * 40)}${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`
    await db.user.createMany({
      data: Array.from({ length: PEOPLE }, (_, i) => ({
        id: randomUUID(),
        name: `Pegawai ${tag} ${i}`,
        email: `pegawai-${tag}-${i}@contoh.go.id`,
        nip: `${birth}2019${String(1 + (i % 12)).padStart(2, '0')}1${String(i).padStart(3, '0')}`,
        employmentType: 'PNS' as const,
        agencyId: agency.id,
        unitId: agency.units[i % 2]!.id,
        identityStatus: 'verified' as const,
      })),
    })
    return { hrEmail: hr.email, cohortName: cohort.name }
  })

  await signInWithForm(page, setup.hrEmail)
  await expect(page).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await page.goto('/hr/kelompok')
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Tetapkan peserta' }) })
  await form.getByLabel('Kelompok', { exact: true }).selectOption({ label: setup.cohortName })
  await form.getByLabel('Semua pegawai instansi').check()
  await form.getByRole('button', { name: 'Tetapkan' }).click()
  await expect(form.getByRole('status')).toHaveText(
    `Penetapan ${PEOPLE} orang berjalan di latar belakang. Kemajuannya tampil di bagian "Penetapan di latar belakang"; Anda boleh meninggalkan halaman ini.`,
    { timeout: 30_000 },
  )

  const section = page.getByRole('region', { name: 'Penetapan di latar belakang' })
  await expect(section.getByRole('progressbar')).toBeVisible()
  await expect(section.getByText(`Penetapan selesai: ${PEOPLE} ditambahkan; 0 dipindahkan dari kelompok lain.`)).toBeVisible({ timeout: 60_000 })
  await expect(section.getByText(`${PEOPLE} dari ${PEOPLE} orang (100%)`)).toBeVisible()
  // The page re-renders when the job ends: the cohort's count, and no "Hentikan" any more.
  await expect(page.getByRole('row', { name: new RegExp(setup.cohortName) }).getByRole('cell', { name: String(PEOPLE), exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(section.getByRole('button', { name: /Hentikan/ })).toHaveCount(0)
  await expectAccessible(page)

  // The dashboard counts them, and the next assignment is accepted (the agency is free again).
  await page.goto('/hr')
  await expect(page.getByTestId('jumlah-peserta')).toHaveText(String(PEOPLE))
  await page.goto('/hr/kelompok')
  await form.getByLabel('Kelompok', { exact: true }).selectOption({ label: setup.cohortName })
  await form.getByLabel('Semua pegawai instansi').check()
  await form.getByRole('button', { name: 'Tetapkan' }).click()
  await expect(form.getByRole('status')).toContainText('berjalan di latar belakang', { timeout: 30_000 })
  await expect(section.getByText(`Penetapan selesai: 0 ditambahkan; 0 dipindahkan dari kelompok lain; ${PEOPLE} sudah ada di kelompok ini.`)).toBeVisible({ timeout: 60_000 })
})
