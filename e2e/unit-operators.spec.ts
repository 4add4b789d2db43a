import { randomUUID } from 'node:crypto'
import { completeAllLessons, DEMO_PASSWORD, e2eDb, expect, expectAccessible, freshNip, passPostTest, signInWithForm, test } from './fixtures'

// Issue 17, "Everyone is a learner first" (decision 037). An agency of its own, so what its HR
// officer does cannot touch the demo agency other specs count.
test('an HR officer takes the course and counts; they appoint a unit operator, who sees only that unit', async ({ browser }) => {
  test.setTimeout(300_000)
  const tag = randomUUID().slice(0, 8)
  const setup = await e2eDb(async (db) => {
    const { seedAgency, seedUser } = await import('../prisma/seed/seeders')
    const agency = await seedAgency(db, { code: `E2E-UNIT-${tag}`, name: `Kabupaten Uji Unit ${tag}`, units: ['Bagian Umum', 'Dinas Kesehatan'] })
    const [general, health] = [agency.units.find((u) => u.name === 'Bagian Umum')!, agency.units.find((u) => u.name === 'Dinas Kesehatan')!]
    const person = (key: string, unitId: string, extra: { role?: 'hr' } = {}) =>
      seedUser(db, { name: `${key} ${tag}`, email: `${key.toLowerCase()}-${tag}@contoh.go.id`, password: DEMO_PASSWORD, nip: freshNip(), employmentType: 'PNS', agencyId: agency.id, unitId, ...extra })
    const hr = await person('Petugas', general.id, { role: 'hr' })
    const operator = await person('Operator', health.id)
    const nurse = await person('Perawat', health.id)
    const clerk = await person('Pramubakti', general.id)
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: `Orientasi ${tag}`, dueDate: new Date(Date.now() + 30 * 86_400_000) } })
    return { agencyId: agency.id, healthId: health.id, generalId: general.id, hr, operator, nurse, clerk, cohortId: cohort.id, cohortName: cohort.name }
  })

  // 1. The HR officer assigns everyone, themselves included, and takes the course like anyone.
  const hr = await (await browser.newContext()).newPage()
  await signInWithForm(hr, setup.hr.email)
  await expect(hr).toHaveURL(/\/hr$/, { timeout: 30_000 })
  const nav = hr.getByRole('navigation', { name: 'Navigasi utama' })
  await expect(nav.getByRole('link', { name: 'Belajar' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Kepegawaian' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0)
  await hr.goto(`/hr?kelompok=${setup.cohortId}`)
  await hr.getByRole('button', { name: `Tetapkan 4 orang ke ${setup.cohortName}` }).click()
  await expect(hr.getByTestId('jumlah-peserta')).toHaveText('4')
  await completeAllLessons(setup.hr.id)
  await passPostTest(hr)
  await expect(hr.getByText(/^Lulus \(nilai lulus/)).toBeVisible()
  await hr.goto('/sertifikat')
  await expect(hr.getByRole('link', { name: 'Unduh sertifikat (PDF)' })).toBeVisible()
  await hr.goto(`/hr?kelompok=${setup.cohortId}`)
  await expect(hr.getByTestId('jumlah-lulus')).toHaveText('1')

  // 2. HR appoints the operator of Dinas Kesehatan.
  await hr.goto('/hr/operator-unit')
  await expectAccessible(hr)
  await hr.getByLabel('NIP atau email pegawai').fill(setup.operator.nip!)
  await hr.getByLabel('Unit kerja').selectOption({ label: 'Dinas Kesehatan' })
  await hr.getByLabel('Peran').selectOption('unit_operator')
  await hr.getByRole('button', { name: 'Tunjuk' }).click()
  await expect(hr.getByText(`Operator ${tag} sekarang operator unit Dinas Kesehatan.`)).toBeVisible()
  await expect(hr.getByRole('table', { name: 'Operator dan pimpinan unit' })).toContainText(`Operator ${tag}`)
  const audit = await e2eDb((db) => db.auditLog.findFirstOrThrow({ where: { action: 'capability.granted', targetId: setup.operator.id } }))
  expect(audit.actorId).toBe(setup.hr.id)

  // 3. The operator lands on their unit's dashboard and sees only Dinas Kesehatan.
  const operator = await (await browser.newContext()).newPage()
  await signInWithForm(operator, setup.operator.email)
  await expect(operator).toHaveURL(/\/hr$/, { timeout: 30_000 })
  await expect(operator.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Unit saya' })).toBeVisible()
  await operator.goto(`/hr?kelompok=${setup.cohortId}`)
  await expect(operator.getByRole('heading', { level: 1 })).toContainText('Dasbor unit')
  await expect(operator.getByTestId('jumlah-peserta')).toHaveText('2')
  await expectAccessible(operator)
  // The operator reminds their unit's people who have not passed: an email each, queued once.
  await operator.getByRole('button', { name: `Kirim pengingat ke 2 orang yang belum lulus di ${setup.cohortName}` }).click()
  await expect(operator.getByText('Pengingat: 2 pengingat masuk antrean kirim.')).toBeVisible()
  const reminded = await e2eDb((db) => db.outboxMessage.findMany({ where: { kind: 'due-reminder', userId: { in: [setup.hr.id, setup.operator.id, setup.nurse.id, setup.clerk.id] } }, select: { userId: true } }))
  expect(reminded.map((message) => message.userId).sort()).toEqual([setup.operator.id, setup.nurse.id].sort())
  const subNav = operator.getByRole('navigation', { name: 'Menu kepegawaian' })
  await expect(subNav.getByRole('link', { name: 'Impor daftar' })).toHaveCount(0)
  await expect(subNav.getByRole('link', { name: 'Operator unit' })).toHaveCount(0)

  await operator.goto('/hr/pegawai')
  const people = operator.getByRole('table').first()
  await expect(people).toContainText(`Perawat ${tag}`)
  await expect(people).not.toContainText(`Pramubakti ${tag}`)
  await expect(people).not.toContainText(`Petugas ${tag}`)
  await expectAccessible(operator)

  // Another unit's person, another unit as a filter, and HR-only pages: not theirs.
  expect((await operator.goto(`/hr/pegawai/${setup.nurse.id}`))?.status()).toBe(200)
  expect((await operator.goto(`/hr/pegawai/${setup.clerk.id}`))?.status()).toBe(404)
  expect((await operator.goto(`/hr/pegawai?unit=${setup.generalId}`))?.status()).toBe(404)
  const report = await operator.request.get(`/api/hr/reports/completion?kelompok=${setup.cohortId}&unit=${setup.generalId}&format=csv`)
  expect(report.status()).toBe(404)
  const ownReport = await operator.request.get(`/api/hr/reports/completion?kelompok=${setup.cohortId}&format=csv`)
  expect(ownReport.status()).toBe(200)
  const csv = await ownReport.text()
  expect(csv).toContain(`Perawat ${tag}`)
  expect(csv).not.toContain(`Pramubakti ${tag}`)
  for (const path of ['/hr/impor', '/hr/verifikasi', '/hr/mutasi', '/hr/operator-unit', '/hr/analisis-soal', '/admin']) {
    expect((await operator.goto(path))?.status(), path).toBe(403)
  }
  expect((await operator.request.get(`/api/hr/reports/siasn?kelompok=${setup.cohortId}&format=csv`)).status()).toBe(403)
})
