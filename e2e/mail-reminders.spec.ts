import { DEMO_LOGINS, e2eDatabase, e2eDb, expect, expectAccessible, freshNip, signInNewLearner, signInWithForm, test } from './fixtures'

const REMINDER = 'Pengingat: tenggat kursus Bijak Bermedia Sosial 7 hari lagi'

/** The Jakarta calendar date `days` from now, at the end of that day (as HR's form stores a due date). */
function jakartaEndOfDayIn(days: number): Date {
  const date = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
  return new Date(`${date}T23:59:59+07:00`)
}

// Due-date reminders (decision 036). The e2e server has no SMTP_URL: queued reminders wait in the
// admin's "Kotak keluar". The cohort starts paused so the server's own 5-minute tick cannot queue
// a reminder before the test means it to.
test('HR pauses and resumes a cohort\'s reminders; the admin sees the reminder in Kotak keluar once', async ({ page, browser }) => {
  const learnerPage = await (await browser.newContext()).newPage()
  const learner = await signInNewLearner(learnerPage, 'pengingat')
  const cohortName = `Pengingat e2e ${learner.nip}`
  const cohort = await e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } })
    const created = await db.cohort.create({
      data: { agencyId: agency.id, kind: 'refresher', year: 2090, name: cohortName, dueDate: jakartaEndOfDayIn(7), remindersPausedAt: new Date() },
    })
    await db.enrolment.create({ data: { userId: learner.id, cohortId: created.id, cycleKey: 'refresher-2090' } })
    return created
  })

  const admin = await (await browser.newContext()).newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin/, { timeout: 30_000 })
  const checkNow = async () => {
    await admin.goto('/admin/kotak-keluar')
    await admin.getByRole('button', { name: 'Periksa pesan terjadwal sekarang' }).click()
    await expect(admin.getByRole('status').filter({ hasText: 'Pemeriksaan selesai' })).toBeVisible({ timeout: 30_000 })
  }
  // Paused: nothing for the learner.
  await checkNow()
  await expect(admin.getByRole('row').filter({ hasText: learner.email })).toHaveCount(0)

  // HR resumes them from the cohort page.
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr/, { timeout: 30_000 })
  await page.goto('/hr/kelompok')
  const row = page.getByRole('row').filter({ hasText: cohortName })
  await expect(row).toContainText('Dijeda')
  await row.getByRole('button', { name: `Lanjutkan pengingat ${cohortName}` }).click()
  await expect(row.getByRole('status')).toHaveText(`Pengingat tenggat untuk "${cohortName}" berjalan lagi.`, { timeout: 30_000 })
  await expect(row).toContainText('Aktif')
  await expectAccessible(page)

  // The admin's check queues the reminder; a second check queues nothing more.
  await checkNow()
  const message = admin.getByRole('row').filter({ hasText: learner.email })
  await expect(message).toHaveCount(1)
  await expect(message).toContainText(REMINDER)
  await expect(message).toContainText('Menunggu')
  await checkNow()
  await expect(admin.getByRole('row').filter({ hasText: learner.email })).toHaveCount(1)
  await expectAccessible(admin)
  await message.getByRole('link', { name: REMINDER }).click()
  await expect(admin.getByRole('heading', { level: 1, name: REMINDER })).toBeVisible()
  await expect(admin.getByTestId('mail-text')).toContainText(`kelompok "${cohortName}"`)
  await expect(admin.getByTestId('mail-text')).toContainText('/dasbor')

  // HR pauses them again.
  await page.reload()
  await row.getByRole('button', { name: `Jeda pengingat ${cohortName}` }).click()
  await expect(row.getByRole('status')).toHaveText(/dijeda: tidak ada pengingat baru/, { timeout: 30_000 })
  await expect(row).toContainText('Dijeda')

  const db = e2eDatabase()
  const stored = db.prepare('SELECT remindersPausedAt FROM cohort WHERE id = ?').get(cohort.id) as { remindersPausedAt: unknown }
  const audit = db.prepare("SELECT action FROM audit_log WHERE targetId = ? AND action LIKE 'cohort.reminders_%' ORDER BY at").all(cohort.id)
  const queued = db.prepare("SELECT kind, status FROM outbox_message WHERE toAddress = ?").all(learner.email)
  db.close()
  expect(stored.remindersPausedAt).not.toBeNull()
  expect(audit).toEqual([{ action: 'cohort.reminders_resumed' }, { action: 'cohort.reminders_paused' }])
  expect(queued).toEqual([{ kind: 'due-reminder', status: 'pending' }])
})

// "Kirim undangan" (decision 036): an imported person who has not activated gets the code by
// email, shown to the admin in Kotak keluar, and activates with it.
test('HR sends invitations for a cohort; the invitation carries a working activation code', async ({ page, browser }) => {
  const nip = freshNip()
  const email = `undangan-${nip}@contoh.go.id`
  const cohortName = `Undangan e2e ${nip}`
  await e2eDb(async (db) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' } })
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2091, name: cohortName, dueDate: jakartaEndOfDayIn(30) } })
    const user = await db.user.create({ data: { id: `undangan-${nip}`, name: `Peserta Undangan ${nip}`, email, nip, employmentType: 'PNS', agencyId: agency.id, identityStatus: 'verified' } })
    await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'refresher-2091' } })
  })

  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr/, { timeout: 30_000 })
  await page.goto('/hr/kelompok')
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Kirim undangan' }) })
  await form.getByLabel('Kelompok yang diundang').selectOption({ label: cohortName })
  await form.getByRole('button', { name: 'Kirim undangan' }).click()
  await expect(form.getByRole('status')).toHaveText('Undangan: 1 undangan masuk antrean kirim.', { timeout: 30_000 })
  await expectAccessible(page)

  const admin = await (await browser.newContext()).newPage()
  await signInWithForm(admin, DEMO_LOGINS.admin.email)
  await expect(admin).toHaveURL(/\/admin/, { timeout: 30_000 })
  await admin.goto('/admin/kotak-keluar')
  const row = admin.getByRole('row').filter({ hasText: email })
  await expect(row).toHaveCount(1)
  await row.getByRole('link', { name: 'Undangan kursus Bijak Bermedia Sosial: aktifkan akun Anda' }).click()
  const text = (await admin.getByTestId('mail-text').textContent()) ?? ''
  const code = /Kode aktivasi: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)?.[1]
  expect(code, text).toBeTruthy()
  const link = /http:\/\/localhost:\d+\/aktivasi/.exec(text)?.[0]
  expect(link, text).toBeTruthy()

  const learner = await (await browser.newContext()).newPage()
  await learner.goto(link!)
  await learner.getByLabel('NIP / NI PPPK').fill(nip)
  await learner.getByLabel('Kode aktivasi').fill(code!)
  await learner.getByLabel('Kata sandi baru').fill('Sandi-undangan-2027')
  await learner.getByLabel('Ulangi kata sandi').fill('Sandi-undangan-2027')
  await learner.getByRole('button', { name: 'Aktifkan akun' }).click()
  await expect(learner).toHaveURL(/\/dasbor/, { timeout: 30_000 })
})
