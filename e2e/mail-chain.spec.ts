import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../tests/mail/smtp-sink'
import { answerKeyOfDrawn, completeAllLessons, DEMO_LOGINS, E2E_DB_FILE, e2eDb, expect, expectAccessible, freshNip, passPostTest, plainFragment, signInWithForm, test } from './fixtures'

// The whole email chain of issue 14 ("Done when"), through a real SMTP server on 127.0.0.1:
// HR imports a roster and invites it → the sink receives the invitations → a learner activates
// from the link → the due date comes near (the scheduler's clock set by the test) → the reminder
// arrives once → the learner passes → the certificate email arrives → 30 days later the follow-up
// (decision 048) arrives and the learner answers it in the app.
//
// The e2e server runs without SMTP_URL (its messages wait in the outbox). The test moves them:
// tests/mail/e2e-mail-step.ts runs the app's own scheduler tick (`runSchedulerTick(ctx, now)`:
// its injectable clock, never a wait) and the outbox worker's batches (`deliverBatch`) against
// the e2e server's database, delivering to the sink this test starts.

const exec = promisify(execFile)
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://localhost:${PORT}`
const DAY_MS = 86_400_000

async function mailStep(command: 'tick' | 'deliver', ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await exec('npx', ['tsx', '--conditions=react-server', 'tests/mail/e2e-mail-step.ts', command, ...args], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: `file:${E2E_DB_FILE}`, PUBLIC_BASE_URL: BASE_URL, APP_ENV: 'demo', NEXT_TELEMETRY_DISABLED: '1' },
    timeout: 120_000,
  })
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>
}
const tickAt = (at: Date) => mailStep('tick', at.toISOString())

/** The Jakarta calendar date `days` from now, YYYY-MM-DD (as HR's date field takes it). */
function jakartaDateIn(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10)
}

/** What the sink received for `address` since the test started. */
function to(sink: SmtpSink, address: string): ReceivedMail[] {
  return sink.received.filter((mail) => mail.envelopeTo.includes(address))
}

/** The real headers and both parts of a message, with its link to PUBLIC_BASE_URL. */
function expectProperMail(mail: ReceivedMail, address: string, subject: string | RegExp, linkPath: string): string {
  expect(mail.parsed.subject).toMatch(subject)
  expect(mail.parsed.from?.value[0]?.address).toBe('noreply@bijak.localhost')
  expect(mail.envelopeFrom).toBe('noreply@bijak.localhost')
  expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0]?.address : null).toBe(address)
  expect(mail.parsed.messageId).toMatch(/^<.+@bijak\.localhost>$/)
  expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated')
  expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i)
  const link = new RegExp(`${BASE_URL.replace(/[.:/]/g, '\\$&')}${linkPath}[^\\s"<]*`).exec(mail.parsed.text ?? '')?.[0]
  expect(link, mail.parsed.text).toBeTruthy()
  expect(mail.parsed.html || '').toContain(`href="${link}"`)
  return link!
}

let sink: SmtpSink
test.beforeAll(async () => {
  sink = await startSmtpSink()
})
test.afterAll(async () => {
  await sink.stop()
})

test('the email chain: invitation → activation → one reminder → certificate → the 30-day follow-up answered in the app', async ({ page, browser }) => {
  test.setTimeout(480_000)
  // The worker's clock follows the scheduler's: what a tick queued "in 23 days" is due then.
  let clock: Date | null = null
  const deliver = () => mailStep('deliver', sink.url, ...(clock ? [clock.toISOString()] : []))
  const [a, b] = [freshNip(), freshNip()]
  const emailA = `rantai-${a}@contoh.go.id`
  const emailB = `rantai-${b}@contoh.go.id`
  const cohortName = `Rantai surel ${a.slice(-6)}`
  const password = 'Sandi-rantai-2027'

  // 1. HR imports a roster of two, into a new cohort due in 30 days, and invites it from the import's result.
  await signInWithForm(page, DEMO_LOGINS.hr.email)
  await expect(page).toHaveURL(/\/hr/, { timeout: 30_000 })
  await page.goto('/hr/kelompok')
  await page.getByLabel('Nama kelompok').fill(cohortName)
  await page.getByLabel('Tenggat').fill(jakartaDateIn(30))
  await page.getByRole('button', { name: 'Buat kelompok' }).click()
  await expect(page.getByText(`Kelompok "${cohortName}" dibuat.`)).toBeVisible()
  await page.goto('/hr/impor')
  const roster = ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', `${a};Rina Rantai;${emailA};PNS;Dinas Pendidikan`, `${b};Bayu Rantai;${emailB};PPPK;Dinas Pendidikan`].join('\r\n')
  await page.getByLabel(/Berkas daftar pegawai/).setInputFiles({ name: 'daftar.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${roster}`) })
  await page.getByRole('button', { name: 'Pratinjau' }).click()
  await page.getByRole('button', { name: 'Impor 2 baris yang valid' }).click()
  await expect(page.getByText('Impor selesai: 2 akun baru dibuat')).toBeVisible({ timeout: 60_000 })
  await page.getByLabel('Tetapkan semua orang dalam berkas ini ke kelompok').selectOption({ label: cohortName })
  await page.getByRole('button', { name: 'Tetapkan daftar ini' }).click()
  await expect(page.getByText(/Penetapan selesai: 2 ditambahkan/)).toBeVisible({ timeout: 60_000 })
  // "Kirim undangan" from the import's result (decision 052): the accounts this import created.
  const importInvite = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Kirim undangan' }) })
  await importInvite.getByRole('button', { name: 'Kirim undangan' }).click()
  await expect(importInvite.getByRole('status')).toHaveText('Undangan: 2 undangan masuk antrean kirim.', { timeout: 30_000 })
  // The cohort's button the same day invites nobody twice: one invitation per person a day.
  await page.goto('/hr/kelompok')
  const invite = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Kirim undangan' }) })
  await invite.getByLabel('Kelompok yang diundang').selectOption({ label: cohortName })
  await invite.getByRole('button', { name: 'Kirim undangan' }).click()
  await expect(invite.getByRole('status')).toHaveText('Undangan: 0 undangan masuk antrean kirim; 2 sudah diundang hari ini (tidak dikirim ulang).', {
    timeout: 30_000,
  })

  // 2. The sink receives both invitations, with real headers and the activation link.
  expect((await deliver()).failed).toBe(0)
  expect(to(sink, emailA)).toHaveLength(1)
  expect(to(sink, emailB)).toHaveLength(1)
  const invitation = to(sink, emailA)[0]!
  const activationLink = expectProperMail(invitation, emailA, 'Undangan kursus Bijak Bermedia Sosial: aktifkan akun Anda', '/aktivasi')
  expect(invitation.parsed.to && !Array.isArray(invitation.parsed.to) ? invitation.parsed.to.value[0]?.name : null).toBe('Rina Rantai')
  const code = /Kode aktivasi: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(invitation.parsed.text ?? '')?.[1]
  expect(code).toBeTruthy()

  // 3. Rina activates from the link (Bayu does not).
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  await learner.goto(activationLink)
  await learner.getByLabel('NIP / NI PPPK').fill(a)
  await learner.getByLabel('Kode aktivasi').fill(code!)
  await learner.getByLabel('Kata sandi baru').fill(password)
  await learner.getByLabel('Ulangi kata sandi').fill(password)
  await learner.getByRole('button', { name: 'Aktifkan akun' }).click()
  await expect(learner).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  await expect(learner.getByText(`Penugasan: ${cohortName}`)).toBeVisible()
  const rina = await e2eDb((db) => db.user.findUniqueOrThrow({ where: { nip: a } }))

  // 4. The due date comes near: the scheduler's clock 23 days on (7 days before it). One
  // reminder for Rina (Bayu, not activated, has the invitation instead); a second tick sends nothing.
  const reminderDay = new Date(Date.now() + 23 * DAY_MS)
  clock = new Date(reminderDay.getTime() + 120_000)
  expect(((await tickAt(reminderDay)).reminders as { queued: number }).queued).toBeGreaterThanOrEqual(1)
  await deliver()
  const reminders = to(sink, emailA).filter((mail) => /^Pengingat/.test(mail.parsed.subject ?? ''))
  expect(reminders).toHaveLength(1)
  expectProperMail(reminders[0]!, emailA, 'Pengingat: tenggat kursus Bijak Bermedia Sosial 7 hari lagi', '/dasbor')
  expect(reminders[0]!.parsed.text).toContain(`kelompok "${cohortName}"`)
  await tickAt(new Date(reminderDay.getTime() + 60_000))
  await deliver()
  expect(to(sink, emailA)).toHaveLength(2)
  expect(to(sink, emailB)).toHaveLength(1)

  // 5. Rina passes (in a fresh session: the tick's retention job ended sessions "expired" by then).
  await learnerContext.close()
  const again = await (await browser.newContext()).newPage()
  await signInWithForm(again, emailA, password)
  await expect(again).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  await completeAllLessons(rina.id)
  await passPostTest(again)
  const certificate = await e2eDb((db) => db.certificate.findFirstOrThrow({ where: { userId: rina.id } }))

  // 6. The certificate email arrives, linking to its page (the PDF is not attached).
  await deliver()
  const certificateMails = to(sink, emailA).filter((mail) => (mail.parsed.subject ?? '').startsWith('Sertifikat'))
  expect(certificateMails).toHaveLength(1)
  const certificateLink = expectProperMail(certificateMails[0]!, emailA, `Sertifikat Bijak Bermedia Sosial Anda sudah terbit (${certificate.number})`, '/sertifikat/')
  expect(certificateLink).toBe(`${BASE_URL}/sertifikat/${certificate.id}`)
  expect(certificateMails[0]!.parsed.attachments).toEqual([])

  // 7. Thirty days later the follow-up arrives, once (a second tick and the next day's send nothing).
  const followUpDay = new Date(Date.now() + 30 * DAY_MS)
  const tick = await tickAt(followUpDay)
  expect((tick.followUps as { queued: number }).queued).toBeGreaterThanOrEqual(1)
  await tickAt(new Date(followUpDay.getTime() + 60_000))
  await tickAt(new Date(followUpDay.getTime() + DAY_MS))
  clock = new Date(followUpDay.getTime() + DAY_MS + 120_000)
  await deliver()
  const followUps = to(sink, emailA).filter((mail) => (mail.parsed.subject ?? '').startsWith('5 soal'))
  expect(followUps).toHaveLength(1)
  const followUpLink = expectProperMail(followUps[0]!, emailA, '5 soal untuk mengingat kembali kursus Bijak Bermedia Sosial', '/tindak-lanjut')
  expect(followUpLink).toBe(`${BASE_URL}/tindak-lanjut`)
  expect(followUps[0]!.parsed.text).toContain('tidak mengubah kelulusan maupun sertifikat Anda')
  expect(to(sink, emailA)).toHaveLength(4)

  // 8. Rina follows the link (signing in again), answers the five questions with the keyboard,
  // and sees which were right with the explanations.
  const answering = await (await browser.newContext()).newPage()
  await answering.goto(followUpLink)
  await expect(answering).toHaveURL(/\/masuk/)
  await answering.getByLabel('Email atau NIP').fill(emailA)
  await answering.getByLabel('Kata sandi').fill(password)
  await answering.getByRole('button', { name: 'Masuk' }).click()
  await expect(answering).toHaveURL(new RegExp(`/tindak-lanjut/${certificate.id}$`), { timeout: 30_000 })
  // The dashboard offers it too (for someone email cannot reach, the only way in).
  await answering.goto('/dasbor')
  await answering.getByTestId('tindak-lanjut').getByRole('link', { name: 'jawab 5 soal untuk mengingat kembali' }).click()
  await expect(answering).toHaveURL(new RegExp(`/tindak-lanjut/${certificate.id}$`), { timeout: 30_000 })
  await expect(answering.getByRole('heading', { level: 1, name: 'Soal tindak lanjut' })).toBeVisible()
  const questions = answering.locator('.quiz-item')
  await expect(questions).toHaveCount(5)
  const shown = await questions.evaluateAll((items) => items.map((item) => item.querySelector('input')?.name))
  // A reload shows the same five.
  await answering.reload()
  expect(await questions.evaluateAll((items) => items.map((item) => item.querySelector('input')?.name))).toEqual(shown)
  await expectAccessible(answering)
  const stored = await e2eDb((db) => db.followUp.findUniqueOrThrow({ where: { certificateId: certificate.id } }))
  const key = await answerKeyOfDrawn(stored.items!)
  for (const answer of key) {
    const name = `soal-${answer.itemId}`
    const inputs =
      answer.type === 'judge'
        ? [`input[name="${name}-putusan"][value="${answer.verdict}"]`, `input[name="${name}-alasan"][value="${answer.reasonId}"]`]
        : (answer.optionIds ?? []).map((optionId) => `input[name="${name}"][value="${optionId}"]`)
    for (const selector of inputs) {
      await answering.locator(selector).focus()
      await answering.keyboard.press('Space')
      await expect(answering.locator(selector)).toBeChecked()
    }
  }
  await answering.getByRole('button', { name: 'Kirim jawaban' }).focus()
  await answering.keyboard.press('Enter')
  await expect(answering.getByRole('heading', { level: 1, name: 'Hasil soal tindak lanjut' })).toBeVisible({ timeout: 60_000 })
  await expect(answering.getByRole('heading', { level: 2, name: '5 dari 5 soal tepat' })).toBeVisible()
  await expect(answering.getByText('kelulusan dan sertifikat Anda tidak berubah')).toBeVisible()
  for (const answer of key) await expect(answering.locator(`[data-item="${answer.itemId}"]`)).toContainText(plainFragment(answer.explanation))
  await expectAccessible(answering)
  await answering.reload()
  await expect(answering.getByRole('heading', { level: 2, name: '5 dari 5 soal tepat' })).toBeVisible()
  await answering.goto('/dasbor')
  await expect(answering.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(answering.getByTestId('tindak-lanjut')).toHaveCount(0)

  // Recorded once; the certificate is as issued.
  const recorded = await e2eDb(async (db) => ({
    followUp: await db.followUp.findUniqueOrThrow({ where: { certificateId: certificate.id } }),
    answers: await db.followUpAnswer.count({ where: { followUpId: certificate.id } }),
    certificate: await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }),
  }))
  expect(recorded.followUp).toMatchObject({ correctCount: 5, score: 100 })
  expect(recorded.answers).toBe(5)
  expect(recorded.certificate).toEqual(certificate)

  // Someone else cannot open Rina's follow-up.
  const other = await (await browser.newContext()).newPage()
  await signInWithForm(other, DEMO_LOGINS.learner.email)
  await expect(other).toHaveURL(/\/dasbor/, { timeout: 30_000 })
  const response = await other.goto(`/tindak-lanjut/${certificate.id}`)
  expect(response?.status()).toBe(404)
})
