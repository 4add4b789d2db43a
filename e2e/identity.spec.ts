import { DEMO_LOGINS, DEMO_PASSWORD, e2eDb, expect, expectAccessible, freshNip, signInWithForm, test } from './fixtures'

/** A self-registered (claimed) learner of the demo city, made directly in the e2e database. */
async function claimant(name: string) {
  const { seedUser } = await import('../prisma/seed/seeders')
  const nip = freshNip()
  return e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: { orderBy: { name: 'asc' } } } })
    const user = await seedUser(db, {
      name,
      email: `klaim-${nip}@contoh.go.id`,
      password: DEMO_PASSWORD,
      nip,
      employmentType: 'PNS',
      agencyId: agency.id,
      unitId: agency.units[0]!.id,
      identityStatus: 'claimed',
    })
    return { ...user, nip, unitName: agency.units[0]!.name }
  })
}

/** A passed certificate for the user under their NIP (what a squatter could have earned). */
async function certificateFor(user: { id: string; name: string; nip: string }) {
  return e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } })
    const cohort = await db.cohort.upsert({
      where: { agencyId_name: { agencyId: agency.id, name: 'E2E identitas' } },
      update: {},
      create: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'E2E identitas' },
    })
    const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
    const attempt = await db.quizAttempt.create({
      data: { userId: user.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 'e2e', seed: 's', items: '{}', expiresAt: new Date(), submittedAt: new Date(), score: 90, passed: true },
    })
    const sequence = 700_000 + Math.floor(Math.random() * 99_999)
    return db.certificate.create({
      data: {
        number: `BBS/2098/${sequence}`,
        year: 2098,
        sequence,
        code: `e2e${String(sequence).padStart(21, '0')}`,
        userId: user.id,
        enrolmentId: enrolment.id,
        cycleKey: 'onboarding',
        attemptId: attempt.id,
        fullName: user.name,
        nip: user.nip,
        agencyName: agency.name,
        courseTitle: 'Bijak Bermedia Sosial',
        contentVersion: 'e2e',
        score: 90,
        jp: 2,
        completedAt: new Date(),
        validUntil: new Date(Date.now() + 365 * 86_400_000),
        signerName: 'Penandatangan',
        signerTitle: 'Kepala',
      },
    })
  })
}

test('HR confirms one claim and rejects another in "Verifikasi peserta"; the rejected claimant sees why', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const confirmed = await claimant('Asih Rahayu')
  const squatter = await claimant('Penyerobot Antrean')

  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/)
  await page.getByRole('navigation', { name: 'Menu kepegawaian' }).getByRole('link', { name: 'Verifikasi peserta' }).click()
  await expect(page.getByRole('heading', { name: 'Verifikasi peserta' })).toBeVisible()
  const confirmedRow = page.getByTestId(`klaim-${confirmed.nip}`)
  await expect(confirmedRow).toContainText('Asih Rahayu')
  await expect(confirmedRow).toContainText(confirmed.email)
  await expect(confirmedRow).toContainText(confirmed.unitName)
  await expectAccessible(page)

  await confirmedRow.getByRole('button', { name: 'Konfirmasi' }).click()
  await expect(confirmedRow.getByRole('status')).toContainText('dikonfirmasi')
  await expect
    .poll(() => e2eDb((db) => db.user.findUniqueOrThrow({ where: { id: confirmed.id } })).then((u) => [u.identityStatus, u.identityMethod]))
    .toEqual(['verified', 'hr'])

  const squatterRow = page.getByTestId(`klaim-${squatter.nip}`)
  await squatterRow.getByLabel('Alasan menolak klaim Penyerobot Antrean').fill('Bukan pegawai kami; NIP milik orang lain')
  await squatterRow.getByRole('button', { name: 'Tolak klaim' }).click()
  await expect(squatterRow.getByRole('status')).toContainText('ditolak')
  const rejected = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { id: squatter.id } }))
  expect(rejected).toMatchObject({ identityStatus: 'rejected', nip: null, rejectedNip: squatter.nip })
  const audit = await e2eDb((db) => db.auditLog.findFirstOrThrow({ where: { action: 'identity.rejected', targetId: squatter.id } }))
  expect(JSON.parse(audit.details)).toMatchObject({ nip: squatter.nip, reason: 'Bukan pegawai kami; NIP milik orang lain' })

  // The claimant keeps the account (sign-in by email) and sees the flag on the dashboard.
  const claimantPage = await (await browser.newContext()).newPage()
  await signInWithForm(claimantPage, squatter.email)
  await expect(claimantPage).toHaveURL(/\/dasbor/)
  await expect(claimantPage.getByTestId('klaim-ditolak')).toContainText('Klaim NIP Anda ditolak')
  await expect(claimantPage.getByText(/Uji akhir memerlukan NIP/)).toBeVisible()
  await expectAccessible(claimantPage)
})

test('a roster naming a claimed NIP: the preview shows the conflict with both names, HR rejects the claim and imports', async ({ page }) => {
  test.setTimeout(180_000)
  const squatter = await claimant('Penyerobot Impor')
  const matching = await claimant('ni luh made sari')
  const certificate = await certificateFor(squatter)
  const roster = [
    'NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja',
    `${squatter.nip};Dra. Siti Aminah, M.Si.;siti-${squatter.nip}@contoh.go.id;PNS;${squatter.unitName}`,
    `${matching.nip};Dr. Ni Luh Made Sari, S.Kom.;${matching.email};PNS;${matching.unitName}`,
  ].join('\r\n')

  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/)
  await page.goto('/hr/impor')
  await page.getByLabel(/Berkas daftar pegawai/).setInputFiles({ name: 'daftar.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
  await page.getByRole('button', { name: 'Pratinjau' }).click()
  await expect(page.getByRole('heading', { name: 'Pratinjau: 2 baris' })).toBeVisible()
  await expect(page.getByText(/1\s*NIP yang diklaim sendiri akan diverifikasi/)).toBeVisible()
  const conflicts = page.getByRole('table', { name: 'Konflik klaim NIP' })
  const row = conflicts.getByTestId(`konflik-${squatter.nip}`)
  await expect(row).toContainText('Dra. Siti Aminah, M.Si.')
  await expect(row).toContainText('Penyerobot Impor')
  await expect(row).toContainText(squatter.email)
  await expectAccessible(page)

  const importButton = page.getByRole('button', { name: /^Impor \d+ baris yang valid$/ })
  await expect(importButton).toBeDisabled()
  await expect(page.getByText('Putuskan 1 konflik klaim NIP dulu.')).toBeVisible()
  await row.getByLabel('Tolak klaim').check()
  await expect(importButton).toBeEnabled()
  await importButton.click()
  await expect(page.getByText(/Impor selesai: 1 akun baru dibuat.*1 NIP diverifikasi.*1 klaim ditolak/)).toBeVisible()

  const [squatterAfter, realPerson, matchingAfter, revoked] = await e2eDb((db) =>
    Promise.all([
      db.user.findUniqueOrThrow({ where: { id: squatter.id } }),
      db.user.findUniqueOrThrow({ where: { nip: squatter.nip } }),
      db.user.findUniqueOrThrow({ where: { id: matching.id } }),
      db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }),
    ]),
  )
  expect(squatterAfter).toMatchObject({ identityStatus: 'rejected', nip: null, rejectedNip: squatter.nip })
  expect(realPerson).toMatchObject({ name: 'Dra. Siti Aminah, M.Si.', identityStatus: 'verified', identityMethod: 'import', claimedAt: null })
  expect(matchingAfter).toMatchObject({ identityStatus: 'verified', identityMethod: 'roster' })
  expect(revoked.revokedReason).toMatch(/^Klaim NIP ditolak oleh admin kepegawaian/)

  // /verify: the squatter's certificate is revoked and its holder not verified by the agency.
  await page.goto(`/verify/${certificate.code}`)
  await expect(page.getByRole('status')).toContainText('Sertifikat ini telah dicabut')
  await expect(page.getByTestId('identitas-pemegang')).toHaveText('belum diverifikasi oleh instansi')
})
