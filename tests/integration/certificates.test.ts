import { beforeAll, describe, expect, it } from 'vitest'
import {
  countPendingCertificates,
  issueCertificateIfEligible,
  issuePendingCertificates,
  listCertificatesForLearner,
  revokeCertificate,
  verifyCertificate,
} from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

let agencyId: string
let cohortId: string
let learnerNumber = 0

beforeAll(async () => {
  const { agency } = await seedAgencies()
  agencyId = agency.id
  cohortId = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi 2026' } })).id
})

/** A learner with every lesson done and a passed post-test; returns the attempt id. */
async function passedLearner({ lessonsDone = true } = {}) {
  const n = learnerNumber++
  const user = await seedUser(db, {
    name: `Dr. Peserta ${n}, S.Sos.`,
    email: `lulus-${n}@contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(),
    employmentType: 'PNS',
    agencyId,
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  if (lessonsDone) {
    await db.lessonProgress.createMany({
      data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
    })
  }
  const attempt = await db.quizAttempt.create({
    data: {
      userId: user.id,
      enrolmentId: enrolment.id,
      kind: 'posttest',
      contentVersion: 't',
      seed: 's',
      items: '{"version":1,"seed":"s","items":[]}',
      expiresAt: new Date(Date.now() + 3_600_000),
      submittedAt: new Date(),
      score: 86.7,
      passed: true,
    },
  })
  return { user, attemptId: attempt.id }
}

describe('issuing certificates', () => {
  it('numbers certificates per year without gaps or duplicates when many are issued at once', async () => {
    const learners = await Promise.all(Array.from({ length: 8 }, () => passedLearner()))
    const issued = await Promise.all(learners.map((learner) => issueCertificateIfEligible(learner.attemptId)))
    const sequences = issued.map((certificate) => certificate!.sequence).sort((a, b) => a - b)
    expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(new Set(issued.map((certificate) => certificate!.code)).size).toBe(8)
    expect(issued.every((certificate) => /^[a-z0-9]{24}$/.test(certificate!.code))).toBe(true)
  })

  it('issues exactly one certificate per enrolment, however often it is asked', async () => {
    const { user, attemptId } = await passedLearner()
    const results = await Promise.all([1, 2, 3].map(() => issueCertificateIfEligible(attemptId)))
    expect(new Set(results.map((certificate) => certificate!.id)).size).toBe(1)
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(1)
    expect(await db.auditLog.count({ where: { action: 'certificate.issued', actorId: user.id } })).toBe(1)
    const certificate = results[0]!
    expect(certificate).toMatchObject({ fullName: user.name, nip: user.nip, employmentType: 'PNS', score: 86.7, jp: 2 })
    expect(certificate.validUntil.getTime() - certificate.completedAt.getTime()).toBeGreaterThan(360 * 86_400_000)
  })

  it('issues nothing until every lesson is complete', async () => {
    const { user, attemptId } = await passedLearner({ lessonsDone: false })
    expect(await issueCertificateIfEligible(attemptId)).toBeNull()
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(0)
  })

  it('verifies as valid with the NIP masked, then expired, then revoked', async () => {
    const { user, attemptId } = await passedLearner()
    const certificate = (await issueCertificateIfEligible(attemptId))!
    const valid = await verifyCertificate(certificate.code.toUpperCase())
    expect(valid).toMatchObject({ status: 'berlaku', number: certificate.number, fullName: user.name })
    expect(valid!.maskedNip).toBe(`${user.nip!.slice(0, 4)}••••••••••${user.nip!.slice(-4)}`)
    expect(JSON.stringify(valid)).not.toContain(user.nip!)

    await db.certificate.update({ where: { id: certificate.id }, data: { validUntil: new Date(Date.now() - 1000) } })
    expect((await verifyCertificate(certificate.code))!.status).toBe('kedaluwarsa')
    await revokeCertificate(user.id, certificate.id, 'Diterbitkan karena kesalahan data')
    expect(await verifyCertificate(certificate.code)).toMatchObject({ status: 'dicabut', revokedReason: 'Diterbitkan karena kesalahan data' })
    expect(await verifyCertificate('tidak-ada-kode-seperti-ini')).toBeNull()
  })
})

describe('a pass never ends up without a certificate, and reading never issues one', () => {
  const rowCounts = async () => ({
    certificates: await db.certificate.count(),
    audit: await db.auditLog.count(),
    counters: await db.certificateCounter.findMany(),
  })

  it('a pass whose certificate was not issued at submission: the page reads write nothing, the POST issues it once', async () => {
    const { user, attemptId } = await passedLearner()
    const before = await rowCounts()
    // What /sertifikat reads on every view.
    expect(await countPendingCertificates(user.id)).toBe(1)
    expect(await listCertificatesForLearner(user.id)).toEqual([])
    expect(await rowCounts()).toEqual(before)

    // The "Terbitkan sertifikat" button (a server action, POST).
    const [issued, again] = [await issuePendingCertificates(user.id), await issuePendingCertificates(user.id)]
    expect(issued).toHaveLength(1)
    expect(issued[0]).toMatchObject({ userId: user.id, attemptId })
    expect(again).toEqual([])
    expect(await countPendingCertificates(user.id)).toBe(0)
    expect((await listCertificatesForLearner(user.id)).map((certificate) => certificate.id)).toEqual([issued[0]!.id])
  })

  it('a pass before every lesson is done shows as pending and issues nothing until the lessons are done', async () => {
    const { user } = await passedLearner({ lessonsDone: false })
    expect(await countPendingCertificates(user.id)).toBe(1)
    expect(await issuePendingCertificates(user.id)).toEqual([])
  })
})
