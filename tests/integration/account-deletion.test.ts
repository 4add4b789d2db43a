import { beforeAll, describe, expect, it } from 'vitest'
import { findDownloadableCertificate, issueCertificateIfEligible, verifyCertificate } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { getDatabaseSessionUser } from '@/lib/auth/database-session.server'
import { DELETED_ACCOUNT_NAME, DELETION_PHRASE } from '@/lib/privacy/account-deletion'
import { accountDeletionsOfAgency, deleteOwnAccount } from '@/lib/privacy/account-deletion.server'
import { applyRetention } from '@/lib/privacy/retention.server'
import { getItemStatistics } from '@/lib/quiz/item-statistics.server'
import { seedUser } from '@/prisma/seed/seeders'
import { passedPostTestAttempt, seedAgencies, uniqueNip } from './helpers'

// A person deletes their own account (decision 047), and certificates past their compliance
// period are anonymised by the retention job.
type Seeded = Awaited<ReturnType<typeof seedAgencies>>
let agency: Seeded['agency']
let cohortId: string
let n = 0
const PASSWORD = 'Kata-sandi-benar-9'

beforeAll(async () => {
  agency = (await seedAgencies()).agency
  cohortId = (await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi Hapus' } })).id
})

async function learner() {
  const i = n++
  const nip = uniqueNip()
  const user = await seedUser(db, {
    name: `Peserta Hapus ${i}`,
    email: `hapus-${i}@contoh.go.id`,
    password: PASSWORD,
    nip,
    employmentType: 'PNS',
    agencyId: agency.id,
    unitId: agency.units[0]!.id,
    identityStatus: 'verified',
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  await db.lessonProgress.createMany({ data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date(), activeSeconds: 120 })) })
  await db.session.create({ data: { id: `s-${user.id}`, token: `t-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } })
  return { user, enrolment, nip }
}

const answers = (credit: number) => [
  { itemId: 'soal-hapus-1', response: '{"optionId":"a"}', credit },
  { itemId: 'soal-hapus-2', response: '{"optionId":"b"}', credit: 1 },
]

describe('deleting one\'s own account', () => {
  it('refuses a wrong password or phrase, in Bahasa Indonesia, and changes nothing', async () => {
    const { user } = await learner()
    expect(await deleteOwnAccount(user, { password: 'salah-salah-salah', confirmation: DELETION_PHRASE })).toEqual({ ok: false, fieldErrors: { password: 'Kata sandi salah.' } })
    const wrongPhrase = await deleteOwnAccount(user, { password: PASSWORD, confirmation: 'hapus' })
    expect(wrongPhrase).toMatchObject({ ok: false, fieldErrors: { confirmation: expect.stringContaining(DELETION_PHRASE) } })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name)
    expect(await db.accountDeletion.count({ where: { userId: user.id } })).toBe(0)
  })

  it('without a certificate: everything goes, the enrolment leaves the counts, the person cannot sign in, HR sees it', async () => {
    const { user, enrolment } = await learner()
    await db.quizAttempt.create({
      data: { userId: user.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 't', seed: 's', items: '{"version":1,"seed":"s","items":[]}', expiresAt: new Date(), submittedAt: new Date(), score: 50, passed: false, answers: { create: answers(0) } },
    })
    const statsBefore = await db.quizAnswer.count()
    const countsBefore = await db.enrolmentCount.aggregate({ where: { cohortId }, _sum: { n: true } })
    const result = await deleteOwnAccount(user, { password: PASSWORD, confirmation: ` ${DELETION_PHRASE.toLowerCase()} ` })
    expect(result).toMatchObject({ ok: true, kept: { certificates: [], enrolments: 0, attempts: 0 } })

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { sessions: true, accounts: true, enrolments: true, quizAttempts: true, lessonProgress: true, privacyAcceptances: true } })
    expect(after).toMatchObject({ name: DELETED_ACCOUNT_NAME, nip: null, sessions: [], accounts: [], enrolments: [], quizAttempts: [], lessonProgress: [], privacyAcceptances: [] })
    expect(after.email).toMatch(/@akun-dihapus\.invalid$/)
    expect(after.disabledAt).not.toBeNull()
    // The answers went into the item statistics' aggregate first: 2 answers fewer raw, 2 aggregated.
    expect(await db.quizAnswer.count()).toBe(statsBefore - 2)
    expect((await db.quizAnswerAggregate.aggregate({ where: { itemId: { startsWith: 'soal-hapus-' } }, _sum: { n: true } }))._sum.n).toBe(2)
    // The kept counts follow the base tables (the database triggers): one enrolment fewer.
    expect((await db.enrolmentCount.aggregate({ where: { cohortId }, _sum: { n: true } }))._sum.n).toBe((countsBefore._sum.n ?? 0) - 1)
    // The old session cookie names nothing; the email and password no longer sign in.
    expect(await getDatabaseSessionUser(new Headers({ cookie: `better-auth.session_token=t-${user.id}.x` }))).toBeNull()
    expect(await db.user.findUnique({ where: { email: user.email } })).toBeNull()

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'account.deleted', targetId: user.id } })
    expect(audit).toMatchObject({ actorId: user.id, agencyId: agency.id })
    expect(JSON.parse(audit.details)).toMatchObject({ deleted: { sessions: 1, passwords: 1, answers: 2, attempts: 1, enrolments: 1, privacyAcceptances: 1 }, kept: { certificates: [] } })
    const hr = await accountDeletionsOfAgency(agency.id)
    expect(hr.count).toBe(await db.accountDeletion.count({ where: { agencyId: agency.id } }))
    expect(hr.count).toBeGreaterThanOrEqual(1)
    expect(hr.latest[0]).toMatchObject({ certificates: 0, requestedAt: expect.any(Date) })
    // Twice is refused.
    expect(await db.accountDeletion.count({ where: { userId: user.id } })).toBe(1)
  })

  it('with a certificate: the certificate, its enrolment, attempts and lesson progress stay as compliance records', async () => {
    const { user, enrolment, nip } = await learner()
    const attempt = await passedPostTestAttempt(user.id, enrolment.id, { answers: answers(1) })
    const certificate = (await issueCertificateIfEligible(attempt.id))!
    // Its 30-day follow-up (decision 048) is practice, not a compliance record: it goes.
    await db.followUp.create({ data: { certificateId: certificate.id, userId: user.id, offeredAt: new Date(), answeredAt: new Date(), score: 80, correctCount: 4 } })
    const facts = await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })
    const result = await deleteOwnAccount(user, { password: PASSWORD, confirmation: DELETION_PHRASE })
    expect(result).toMatchObject({ ok: true, kept: { enrolments: 1, attempts: 1, certificates: [{ number: certificate.number }] } })
    if (!result.ok) throw new Error('not deleted')
    // Kept until 5 years (the default) after the validity ends.
    expect(new Date(result.kept.certificates[0]!.keptUntil).getUTCFullYear()).toBe(certificate.validUntil.getUTCFullYear() + 5)
    const kept = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })
    expect(kept).toMatchObject({ fullName: certificate.fullName, nip, anonymisedAt: null })
    // The completion record's facts (lessons, time on task, pass) are unchanged.
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).toMatchObject({
      lessonsDone: facts.lessonsDone,
      activeSeconds: facts.activeSeconds,
      passedAt: facts.passedAt,
      bestPostTestScore: facts.bestPostTestScore,
    })
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ score: 90, passed: true })
    expect(await db.quizAnswer.count({ where: { attemptId: attempt.id } })).toBe(0)
    expect((await verifyCertificate(certificate.code))!.fullName).toBe(certificate.fullName)
    expect(await db.followUp.count({ where: { userId: user.id } })).toBe(0)
    // HR's list: every deletion of the agency counted, not only the latest shown; this one first,
    // with its kept certificate.
    const hr = await accountDeletionsOfAgency(agency.id, 1)
    expect(hr.count).toBe(await db.accountDeletion.count({ where: { agencyId: agency.id } }))
    expect(hr.count).toBeGreaterThanOrEqual(2)
    expect(hr.latest).toEqual([{ requestedAt: expect.any(Date), certificates: 1 }])
  })
})

describe('compliance records past their period', () => {
  it('are anonymised by the retention job: no name or NIP, counts per agency and year unchanged, /verify says it existed and when it was valid', async () => {
    const { user, enrolment } = await learner()
    const attempt = await passedPostTestAttempt(user.id, enrolment.id, { answers: answers(1) })
    const certificate = (await issueCertificateIfEligible(attempt.id))!
    await db.followUp.create({ data: { certificateId: certificate.id, userId: user.id, offeredAt: new Date(certificate.completedAt.getTime() + 30 * 86_400_000) } })
    const countBy = () => db.certificate.groupBy({ by: ['agencyName', 'year'], _count: { _all: true }, orderBy: [{ agencyName: 'asc' }, { year: 'asc' }] })
    const before = await countBy()
    const postStats = await getItemStatistics(db, 'posttest')
    // Not yet: 4 years after the validity ended.
    const fourYears = new Date(certificate.validUntil)
    fourYears.setUTCFullYear(fourYears.getUTCFullYear() + 4)
    expect((await applyRetention(db, fourYears)).certificates).toBe(0)
    // 5 years and a day after: every certificate of this file is past its period.
    const later = new Date(certificate.validUntil.getTime() + 86_400_000)
    later.setUTCFullYear(later.getUTCFullYear() + 5)
    const all = await db.certificate.count()
    const result = await applyRetention(db, later)
    expect(result.certificates).toBe(all)
    // Its follow-up went once it was older than quizAnswerRetentionYears (5) (decision 048).
    expect(result.followUps).toBe(1)
    expect(await db.followUp.count({ where: { certificateId: certificate.id } })).toBe(0)
    expect((await applyRetention(db, later)).certificates).toBe(0)

    const anonymised = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id }, include: { versions: true } })
    expect(anonymised).toMatchObject({ fullName: 'Dianonimkan', nip: null, number: certificate.number, validUntil: certificate.validUntil, completedAt: certificate.completedAt })
    expect(anonymised.anonymisedAt).not.toBeNull()
    expect(anonymised.versions.every((version) => version.fullName === 'Dianonimkan' && version.pdf === null)).toBe(true)
    expect(await db.certificate.count({ where: { OR: [{ fullName: { not: 'Dianonimkan' } }, { nip: { not: null } }] } })).toBe(0)
    expect(await countBy()).toEqual(before)
    const verified = (await verifyCertificate(certificate.code))!
    expect(verified).toMatchObject({ anonymised: true, fullName: null, maskedNip: null, number: certificate.number, completedAt: certificate.completedAt, validUntil: certificate.validUntil })
    expect(await findDownloadableCertificate({ id: user.id, capabilities: { admin: true, scope: null } } as never, certificate.id)).toBeNull()
    // The job's other steps left the item statistics where they were (answers aggregated or not).
    expect((await getItemStatistics(db, 'posttest')).reduce((s, i) => s + i.answers, 0)).toBe(postStats.reduce((s, i) => s + i.answers, 0))
  })
})
