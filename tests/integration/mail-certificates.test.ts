import { randomUUID } from 'node:crypto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { databaseProvider, db } from '@/lib/db/db.server'
import { queueRefresherNotices, runSchedulerTick } from '@/lib/mail/scheduler.server'
import { seedAgencies, uniqueNip } from './helpers'

// Certificate mail (decision 036): "Sertifikat terbit" queued in the issuing transaction, and
// "Sertifikat segera berakhir" 30 days before the validity ends, by the scheduler.
const BASE = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'
let agency: { id: string }
let cohortId: string
let sequence = 0

beforeAll(async () => {
  agency = (await seedAgencies()).agency
  cohortId = (await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2027, name: 'Orientasi sertifikat', dueDate: new Date('2027-12-31T16:59:59Z') } })).id
})

beforeEach(async () => {
  await db.outboxMessage.deleteMany()
})

/** A learner who completed every lesson and passed the post-test (not yet issued). */
async function passedLearner(email?: string) {
  const n = ++sequence
  const id = randomUUID()
  const user = await db.user.create({
    data: {
      id,
      name: `Lulus ${n}\r\nBcc: x@jahat.example`,
      email: email ?? `lulus${n}.${id.slice(0, 6)}@contoh.go.id`,
      nip: uniqueNip(),
      employmentType: 'PNS',
      agencyId: agency.id,
      claimedAt: new Date(),
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: 'hash' } },
    },
  })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  const at = new Date('2027-03-01T03:00:00Z')
  const attempt = await db.quizAttempt.create({
    data: { userId: user.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 't', seed: 's', items: '{}', expiresAt: at, submittedAt: at, score: 90, passed: true },
  })
  return { user, attemptId: attempt.id }
}

describe('certificate issued', () => {
  it('queues one email with the certificate, linking to its page; issuing again queues nothing', async () => {
    const { user, attemptId } = await passedLearner()
    const certificate = await issueCertificateIfEligible(attemptId)
    expect(certificate).not.toBeNull()
    const again = await issueCertificateIfEligible(attemptId)
    expect(again!.id).toBe(certificate!.id)
    const rows = await db.outboxMessage.findMany({ where: { userId: user.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'certificate-issued', status: 'pending', toAddress: user.email, toName: 'Lulus 1 Bcc: x@jahat.example' })
    expect(rows[0]!.subject).toBe(`Sertifikat Bijak Bermedia Sosial Anda sudah terbit (${certificate!.number})`)
    expect(rows[0]!.text).toContain(new URL(`sertifikat/${certificate!.id}`, BASE.endsWith('/') ? BASE : `${BASE}/`).toString())
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(certificate!.issuedAt.getTime() - 1_000)
  })

  it('issues the certificate without the email when the address would be refused', async () => {
    const { user, attemptId } = await passedLearner('bukan-alamat-email')
    expect(await issueCertificateIfEligible(attemptId)).not.toBeNull()
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(1)
    expect(await db.outboxMessage.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('refresher due', () => {
  it('tells a holder 30 days before the validity ends, once, and nobody revoked or already renewed', async () => {
    // The earlier tests' certificates end on the same day: move them out of the way.
    await db.certificate.updateMany({ data: { validUntil: new Date('2099-01-01T00:00:00Z') } })
    const issued = []
    for (let i = 0; i < 3; i++) {
      const { attemptId } = await passedLearner()
      issued.push((await issueCertificateIfEligible(attemptId))!)
    }
    const validUntil = issued[0]!.validUntil
    const [due, revoked, renewed] = issued
    await db.certificate.update({ where: { id: revoked!.id }, data: { revokedAt: new Date() } })
    // The renewed holder already has a later certificate, valid past that day.
    const later = issued[2]!
    await db.certificate.update({ where: { id: later.id }, data: { validUntil: new Date(validUntil.getTime() + 365 * 86_400_000) } })
    const { attemptId } = await passedLearner()
    const earlier = (await issueCertificateIfEligible(attemptId))!
    // Give "renewed"'s holder an earlier certificate ending on the notice day too.
    await db.certificate.update({ where: { id: earlier.id }, data: { userId: renewed!.userId, validUntil, cycleKey: 'refresher-2026' } })
    await db.outboxMessage.deleteMany()

    // 30 days before validUntil, at 09:00 in Jakarta.
    const jakartaDay = new Date(validUntil.getTime() + 7 * 3_600_000 - 30 * 86_400_000).toISOString().slice(0, 10)
    const now = new Date(`${jakartaDay}T09:00:00+07:00`)
    expect(await queueRefresherNotices({ db, provider: databaseProvider, baseUrl: BASE }, now)).toEqual({ queued: 1, unreachable: 0 })
    const rows = await db.outboxMessage.findMany({ where: { kind: 'refresher-due' } })
    expect(rows.map((row) => row.userId)).toEqual([due!.userId])
    expect(rows[0]!.text).toContain(`nomor ${due!.number} berlaku sampai`)
    // A later tick that day, and the next day, queue nothing more.
    expect((await runSchedulerTick({ db, provider: databaseProvider, baseUrl: BASE }, new Date(now.getTime() + 3_600_000))).refresher.queued).toBe(0)
    expect((await runSchedulerTick({ db, provider: databaseProvider, baseUrl: BASE }, new Date(now.getTime() + 86_400_000))).refresher.queued).toBe(0)
    expect((await runSchedulerTick({ db, provider: databaseProvider, baseUrl: BASE }, new Date(now.getTime() - 86_400_000))).refresher.queued).toBe(0)
  })
})
