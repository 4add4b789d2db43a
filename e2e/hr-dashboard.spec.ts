import { randomUUID } from 'node:crypto'
import {
  completeAllLessons,
  DEMO_LOGINS,
  e2eDb,
  expect,
  expectAccessible,
  freshNip,
  passPostTest,
  signInNewLearner,
  signInWithForm,
  test,
} from './fixtures'

test('the HR officer sees their agency numbers, finds a learner who passed, and nothing of another agency', async ({ page, browser }) => {
  test.setTimeout(300_000)
  const tag = randomUUID().slice(0, 8)

  // A self-registered learner (NIP claimed, not yet verified) who will pass, signed in in their
  // own browser context.
  const learnerContext = await browser.newContext()
  const learnerPage = await learnerContext.newPage()
  const learner = await signInNewLearner(learnerPage, `hr-${tag}`, { identityStatus: 'claimed' })

  // A cohort of the demo city with three people: the learner above (not started yet), one in
  // progress, one not started; and a person and a cohort of the other agency.
  const seeded = await e2eDb(async (db) => {
    const city = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: true } })
    const ministry = await db.agency.findUniqueOrThrow({ where: { code: 'KEMEN-DEMO' } })
    const cohort = await db.cohort.create({
      data: { agencyId: city.id, kind: 'onboarding', year: 2026, name: `Orientasi E2E ${tag}`, dueDate: new Date(Date.now() + 30 * 86_400_000) },
    })
    const otherCohort = await db.cohort.create({
      data: { agencyId: ministry.id, kind: 'onboarding', year: 2026, name: `Kementerian E2E ${tag}` },
    })
    const make = (name: string, agencyId: string) =>
      db.user.create({
        data: { id: randomUUID(), name, email: `${name.replace(/\W+/g, '-').toLowerCase()}@contoh.go.id`, nip: freshNip(), employmentType: 'PPPK', agencyId, unitId: agencyId === city.id ? (city.units[1]?.id ?? null) : null },
      })
    const busy = await make(`Sedang ${tag}`, city.id)
    const idle = await make(`Belum ${tag}`, city.id)
    const stranger = await make(`Orang Kementerian ${tag}`, ministry.id)
    for (const userId of [learner.id, busy.id, idle.id]) await db.enrolment.create({ data: { userId, cohortId: cohort.id, cycleKey: 'onboarding' } })
    await db.enrolment.create({ data: { userId: stranger.id, cohortId: otherCohort.id, cycleKey: 'onboarding' } })
    await db.lessonProgress.create({ data: { userId: busy.id, lessonSlug: 'mengapa-penting', contentVersion: 'e2e', completedAt: new Date() } })
    return { cohortId: cohort.id, otherCohortId: otherCohort.id, strangerId: stranger.id }
  })

  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/)
  await page.goto(`/hr?kelompok=${seeded.cohortId}`)
  await expect(page.getByRole('heading', { level: 2, name: `Orientasi E2E ${tag}`, exact: true })).toBeVisible()
  await expect(page.getByTestId('jumlah-peserta')).toHaveText('3')
  await expect(page.getByTestId('jumlah-lulus')).toHaveText('0')
  await expect(page.getByTestId('jumlah-sedang')).toHaveText('1')
  await expect(page.getByTestId('jumlah-belum-mulai')).toHaveText('2')
  await expect(page.getByTestId('jumlah-terlambat')).toHaveText('0')
  await expect(page.locator('figure[role="img"]').first()).toHaveAttribute('aria-label', /Lulus/)
  await expect(page.getByText(`Kementerian E2E ${tag}`)).toHaveCount(0)
  await expectAccessible(page)

  // The learner passes: the dashboard's "Lulus" goes up.
  await completeAllLessons(learner.id)
  const attemptId = await passPostTest(learnerPage)
  await page.reload()
  await expect(page.getByTestId('jumlah-lulus')).toHaveText('1')
  await expect(page.getByTestId('jumlah-belum-mulai')).toHaveText('1')
  await expect(page.getByTestId('rata-rata-akhir')).toHaveText('100,0')

  // The cohort selector is a plain GET form.
  await page.getByLabel('Kelompok', { exact: true }).selectOption(seeded.cohortId)
  await page.getByRole('button', { name: 'Tampilkan' }).click()
  await expect(page).toHaveURL(new RegExp(`kelompok=${seeded.cohortId}`))

  // The item analysis of the cohort is its own page, one link away (SE 137 points first).
  await page.getByRole('link', { name: `buka analisis soal Orientasi E2E ${tag}` }).click()
  await expect(page).toHaveURL(new RegExp(`/hr/analisis-soal\\?kelompok=${seeded.cohortId}`))
  const analysis = page.getByRole('table', { name: `Analisis soal per aturan, Orientasi E2E ${tag}` })
  await expect(analysis.locator('tbody tr').first()).toHaveAttribute('data-rule', 'se137-1')
  await expectAccessible(page)

  // Search (case-insensitive) finds the person; their page lists the attempt and certificate.
  await page.goto('/hr/pegawai')
  await page.getByLabel('Nama, NIP atau email').fill(learner.name.toUpperCase())
  await page.getByRole('button', { name: 'Cari' }).click()
  await expect(page.getByTestId('jumlah-hasil')).toHaveText(/^1 pegawai/)
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: learner.id } }))
  const row = page.getByRole('row', { name: new RegExp(learner.name) })
  await expect(row).toContainText(learner.nip)
  await expect(row).toContainText('Lulus')
  await expect(row).toContainText(certificate.number)
  // A self-registered NIP is claimed: listed, flagged; the identity filter finds it.
  await expect(row).toContainText('Belum diverifikasi')
  await expectAccessible(page)
  await page.goto(`/hr/pegawai?q=${learner.nip}&identitas=claimed`)
  await expect(page.getByTestId('jumlah-hasil')).toHaveText(/^1 pegawai/)
  await page.goto(`/hr/pegawai?q=${learner.nip}&identitas=verified`)
  await expect(page.getByTestId('jumlah-hasil')).toHaveText('Tidak ada pegawai yang cocok.')
  await page.goto(`/hr/pegawai?q=${learner.nip.slice(0, 12)}&status=lulus`)
  await expect(page.getByRole('link', { name: learner.name })).toBeVisible()
  await page.getByRole('link', { name: learner.name }).click()
  await expect(page).toHaveURL(new RegExp(`/hr/pegawai/${learner.id}$`))
  await expect(page.getByRole('heading', { level: 1, name: learner.name })).toBeVisible()
  await expect(page.locator(`tr[data-attempt="${attemptId}"]`)).toContainText('Uji akhir')
  await expect(page.locator(`tr[data-attempt="${attemptId}"]`)).toContainText('Lulus')
  await expect(page.getByRole('row', { name: new RegExp(certificate.number) }).last()).toContainText('Berlaku')
  await expect(page.getByTestId('status-identitas')).toHaveText('Belum diverifikasi')
  // Time on task: the server-recorded seconds per lesson and their total (written here as the heartbeat would).
  await e2eDb((db) => db.lessonProgress.updateMany({ where: { userId: learner.id, lessonSlug: 'mengapa-penting' }, data: { activeSeconds: 3900 } }))
  await page.reload()
  await expect(page.getByTestId('waktu-belajar-total')).toHaveText('1 j 05 mnt')
  await expect(page.locator('td[data-seconds="3900"]')).toHaveText('1 j 05 mnt')
  await expectAccessible(page)

  // Another agency's ids answer 404 and show nothing.
  expect((await page.goto(`/hr/pegawai/${seeded.strangerId}`))?.status()).toBe(404)
  await expect(page.getByText(`Orang Kementerian ${tag}`)).toHaveCount(0)
  expect((await page.goto(`/hr?kelompok=${seeded.otherCohortId}`))?.status()).toBe(404)
  await page.goto(`/hr/pegawai?q=${encodeURIComponent(`Orang Kementerian ${tag}`)}`)
  await expect(page.getByTestId('jumlah-hasil')).toHaveText('Tidak ada pegawai yang cocok.')

  // A learner gets 403 on every HR page.
  for (const path of ['/hr', '/hr/pegawai', `/hr/pegawai/${learner.id}`]) {
    expect((await learnerPage.goto(path))?.status(), path).toBe(403)
  }
  await learnerContext.close()
})

test('an HR page in the browser asks the server for itself only: its links prefetch nothing, and still navigate', async ({ page }) => {
  // Every HR destination is a page rendered per request: Next's prefetch of each link in view
  // cost the server 26 extra renders per HR page view (decision 056).
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr$/)
  const prefetched: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    // Per-request pages only: links to the prerendered public pages (the sign-in page's) may prefetch.
    if (request.headers()['next-router-prefetch'] && /^\/(hr|dasbor|sertifikat|akun|admin|uji|tindak-lanjut)(\/|$)/.test(path)) prefetched.push(path)
  })
  for (const path of ['/hr', '/hr/pegawai']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  expect(prefetched).toEqual([])
  await page.getByRole('navigation', { name: 'Menu kepegawaian' }).getByRole('link', { name: 'Kelompok' }).click()
  await expect(page).toHaveURL(/\/hr\/kelompok$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Akun' }).click()
  await expect(page).toHaveURL(/\/akun$/)
})
