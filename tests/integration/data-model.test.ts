import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

let userId: string
let agencyId: string

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  const user = await seedUser(db, {
    name: 'Sari Dewi',
    email: 'sari@contoh.go.id',
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(2),
    employmentType: 'PPPK',
    agencyId,
  })
  userId = user.id
})

async function passedAttempt(enrolmentId: string) {
  return db.quizAttempt.create({
    data: {
      userId,
      enrolmentId,
      kind: 'posttest',
      contentVersion: 'test',
      seed: 's',
      items: '[]',
      expiresAt: new Date(Date.now() + 3_600_000),
      submittedAt: new Date(),
      score: 90,
      passed: true,
    },
  })
}

function certificateData(overrides: { enrolmentId: string; attemptId: string; sequence: number; cycleKey: string }) {
  return {
    number: `BBS/2026/${String(overrides.sequence).padStart(6, '0')}`,
    year: 2026,
    sequence: overrides.sequence,
    code: `code-${overrides.sequence}-${Math.random()}`,
    userId,
    enrolmentId: overrides.enrolmentId,
    cycleKey: overrides.cycleKey,
    attemptId: overrides.attemptId,
    fullName: 'Sari Dewi',
    agencyName: 'Pemerintah Kota Demo Raya',
    courseTitle: 'Bijak Bermedia Sosial bagi ASN',
    contentVersion: 'test',
    score: 90,
    jp: 2,
    completedAt: new Date(),
    validUntil: new Date(Date.now() + 365 * 86_400_000),
    signerName: 'Penandatangan',
    signerTitle: 'Kepala',
  }
}

describe('data model constraints', () => {
  it('keeps a person in one cohort per cycle and gives one certificate per cycle', async () => {
    const cohort = await db.cohort.create({
      data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi 2026 gelombang 1' },
    })
    const secondCohort = await db.cohort.create({
      data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi 2026 gelombang 2' },
    })
    const enrolment = await db.enrolment.create({ data: { userId, cohortId: cohort.id, cycleKey: 'onboarding' } })
    await expect(
      db.enrolment.create({ data: { userId, cohortId: secondCohort.id, cycleKey: 'onboarding' } }),
    ).rejects.toMatchObject({ code: 'P2002' })

    const attempt = await passedAttempt(enrolment.id)
    await db.certificate.create({
      data: certificateData({ enrolmentId: enrolment.id, attemptId: attempt.id, sequence: 1, cycleKey: 'onboarding' }),
    })
    const secondAttempt = await passedAttempt(enrolment.id)
    await expect(
      db.certificate.create({
        data: certificateData({ enrolmentId: enrolment.id, attemptId: secondAttempt.id, sequence: 2, cycleKey: 'onboarding' }),
      }),
    ).rejects.toMatchObject({ code: 'P2002' })
    expect(await db.certificate.count({ where: { userId } })).toBe(1)
  })

  it('never hands out the same certificate number twice in a year', async () => {
    const refresher = await db.cohort.create({
      data: { agencyId, kind: 'refresher', year: 2027, name: 'Penyegaran 2027' },
    })
    const enrolment = await db.enrolment.create({ data: { userId, cohortId: refresher.id, cycleKey: 'refresher-2027' } })
    const attempt = await passedAttempt(enrolment.id)
    await expect(
      db.certificate.create({
        data: certificateData({ enrolmentId: enrolment.id, attemptId: attempt.id, sequence: 1, cycleKey: 'refresher-2027' }),
      }),
    ).rejects.toMatchObject({ code: 'P2002' })
  })

  it('rolls back every write of a failed transaction', async () => {
    const before = await db.auditLog.count()
    await expect(
      db.$transaction(async (tx) => {
        await tx.auditLog.create({ data: { action: 'test.partial' } })
        await tx.user.create({ data: { id: 'dup', name: 'X', email: 'sari@contoh.go.id' } })
      }),
    ).rejects.toMatchObject({ code: 'P2002' })
    expect(await db.auditLog.count()).toBe(before)
  })

  it('refuses a second account with the same NIP', async () => {
    const nip = uniqueNip()
    await db.user.create({ data: { id: 'a1', name: 'A', email: 'a1@contoh.go.id', nip } })
    await expect(db.user.create({ data: { id: 'a2', name: 'B', email: 'a2@contoh.go.id', nip } })).rejects.toMatchObject({
      code: 'P2002',
    })
  })
})
