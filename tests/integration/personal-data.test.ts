import { beforeAll, describe, expect, it } from 'vitest'
import { writeAudit } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { ensureCurrentLessons } from '@/lib/hr/enrolment-facts.server'
import { personalDataOf, PERSONAL_DATA_FORMAT } from '@/lib/privacy/personal-data.server'
import { seedUser } from '@/prisma/seed/seeders'
import { passedPostTestAttempt, seedAgencies, uniqueNip } from './helpers'

// "Data saya" (issue 15, UU 27/2022): everything held about one person, and nothing about anyone
// else, without the secrets that would let a leaked export sign in as them.
const PASSWORD = 'Kata-sandi-benar-9'
let ani: { id: string; email: string; nip: string | null }
let budi: { id: string; email: string; nip: string | null }
let officerId: string
let sessionToken = ''

beforeAll(async () => {
  const { agency, unit } = await seedAgencies()
  // The enrolment's kept facts count the build's current lessons (decision 033).
  await ensureCurrentLessons()
  const person = (key: string, name: string) =>
    seedUser(db, { name, email: `${key}@data.contoh.go.id`, password: PASSWORD, nip: uniqueNip(), employmentType: 'PNS', agencyId: agency.id, unitId: unit.id })
  ani = await person('ani', 'Ani Rahmawati, S.Kom.')
  budi = await person('budi', 'Budi Santoso')
  officerId = (await seedUser(db, { name: 'Petugas SDM Data', email: 'sdm@data.contoh.go.id', password: PASSWORD, role: 'hr', nip: uniqueNip(), agencyId: agency.id })).id
  const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi Data 2026' } })

  // Ani learns, passes and gets a certificate; Budi only starts. Both signed in once.
  for (const someone of [ani, budi]) {
    const enrolment = await db.enrolment.create({ data: { userId: someone.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
    const signedIn = await auth.api.signInEmail({ body: { email: someone.email, password: PASSWORD }, asResponse: true })
    if (someone === ani) {
      sessionToken = (await db.session.findFirstOrThrow({ where: { userId: ani.id } })).token
      expect(signedIn.status).toBe(200)
      await db.lessonProgress.createMany({
        data: getLessonOutline().map((lesson) => ({ userId: ani.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date(), activeSeconds: 300, state: '{"reachedEnd":true}' })),
      })
      const attempt = await passedPostTestAttempt(ani.id, enrolment.id, { answers: [{ itemId: 'butir-1', response: '{"optionId":"b"}', credit: 1 }] })
      await issueCertificateIfEligible(attempt.id)
    }
  }
  await writeAudit({ action: 'identity.verified', actorId: officerId, agencyId: agency.id, targetType: 'user', targetId: ani.id, details: { officerNote: 'cocok dengan SK' } })
})

describe('personalDataOf', () => {
  it('holds the person’s identity, learning, answers, certificate, sessions and audit trail', async () => {
    const data = (await personalDataOf(ani.id))!
    expect(data.format).toBe(PERSONAL_DATA_FORMAT)
    expect(data.person).toMatchObject({ id: ani.id, name: 'Ani Rahmawati, S.Kom.', email: ani.email, nip: ani.nip, identityStatus: 'verified', agencyCode: expect.any(String) })
    expect(data.enrolments).toEqual([expect.objectContaining({ cohort: 'Orientasi Data 2026', lessonsDone: getLessonOutline().length, passedAt: expect.any(Date) })])
    expect(data.lessonProgress).toHaveLength(getLessonOutline().length)
    expect(data.lessonProgress[0]!.state).toEqual({ reachedEnd: true })
    expect(data.quizAttempts).toEqual([expect.objectContaining({ kind: 'posttest', score: 90, answers: [{ itemId: 'butir-1', response: { optionId: 'b' }, credit: 1 }] })])
    expect(data.certificates).toEqual([expect.objectContaining({ fullName: 'Ani Rahmawati, S.Kom.', nip: ani.nip })])
    expect(data.sessions).toHaveLength(1)
    expect(data.auditLog.map((entry) => entry.action)).toEqual(expect.arrayContaining(['certificate.issued', 'identity.verified']))
  })

  it('names no other person and carries no secret that could sign in as them', async () => {
    const json = JSON.stringify(await personalDataOf(ani.id))
    const officer = await db.user.findUniqueOrThrow({ where: { id: officerId } })
    for (const other of [budi.email, budi.nip!, 'Budi Santoso', officer.email, officer.name, officer.nip!, officerId]) expect(json).not.toContain(other)
    const { password } = await db.account.findFirstOrThrow({ where: { userId: ani.id } })
    expect(json).not.toContain(password!)
    expect(json).not.toContain(sessionToken)
    // The officer's entry about Ani says what and when, not who or their note.
    const verified = (await personalDataOf(ani.id))!.auditLog.find((entry) => entry.action === 'identity.verified')!
    expect(verified).toEqual({ at: expect.any(Date), action: 'identity.verified', by: 'petugas' })
    expect(json).not.toContain('cocok dengan SK')
  })

  it('is null for an unknown person', async () => {
    expect(await personalDataOf('tidak-ada')).toBeNull()
  })
})
