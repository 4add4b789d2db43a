import { beforeAll, describe, expect, it } from 'vitest'
import { formatSettingValue, SETTING_FIELDS } from '@/lib/admin/settings-form'
import { updateCourseSettings } from '@/lib/admin/settings.server'
import {
  countPendingCertificates,
  findDownloadableCertificate,
  getCertificateIssuing,
  issueCertificateIfEligible,
  issuePendingCertificates,
  issueWaitingCertificates,
  listCertificatesForLearner,
  renderCertificatePdf,
  revokeCertificate,
  verifyCertificate,
} from '@/lib/certificates/certificates.server'
import { getContentEdition } from '@/lib/content/content-edition.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { databaseProvider, db } from '@/lib/db/db.server'
import { runSchedulerTick } from '@/lib/mail/scheduler.server'
import { rejectClaimInTx } from '@/lib/identity/identity-review.server'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { DEMO_SIGNER } from '@/prisma/seed/demo-data'
import { seedUser } from '@/prisma/seed/seeders'
import { pdfText } from '../poppler'
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
async function passedLearner({ lessonsDone = true, identityStatus = 'verified' as 'claimed' | 'verified', submittedAt = new Date() } = {}) {
  const n = learnerNumber++
  const user = await seedUser(db, {
    name: `Dr. Peserta ${n}, S.Sos.`,
    email: `lulus-${n}@contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(),
    employmentType: 'PNS',
    agencyId,
    identityStatus,
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
      submittedAt,
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

  it('numbers by the year in WIB: a pass at 01.00 WIB on 1 January counts in the new year', async () => {
    const { attemptId } = await passedLearner({ submittedAt: new Date('2026-12-31T18:00:00Z') })
    const certificate = (await issueCertificateIfEligible(attemptId))!
    expect(certificate.year).toBe(2027)
    expect(certificate.number).toContain('2027')
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
    // That it was revoked and when; never the internal reason.
    const revoked = await verifyCertificate(certificate.code)
    expect(revoked).toMatchObject({ status: 'dicabut', revokedAt: expect.any(Date) })
    expect(JSON.stringify(revoked)).not.toContain('kesalahan data')
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


const admin = { id: 'admin', capabilities: { admin: true, hrAgencyId: null, scope: null } }

describe('what a certificate states: signer from the settings, the cohort as HR named it, the content edition', () => {
  it('stores them at issue and prints them on the PDF', async () => {
    const { attemptId } = await passedLearner()
    const certificate = (await issueCertificateIfEligible(attemptId))!
    expect(certificate).toMatchObject({
      ...DEMO_SIGNER,
      cohortName: 'Orientasi 2026',
      contentEdition: getContentEdition(),
      contentVersion: 't',
    })
    const [listed] = (await listCertificatesForLearner(certificate.userId)).filter((c) => c.id === certificate.id)
    expect(listed).toMatchObject({ cohortLabel: 'Orientasi 2026', materialLabel: `Materi edisi ${getContentEdition()}` })
    expect(await verifyCertificate(certificate.code)).toMatchObject({ cohortName: 'Orientasi 2026', materialLabel: `Materi edisi ${getContentEdition()}` })

    const text = pdfText(await renderCertificatePdf((await findDownloadableCertificate(admin, certificate.id))!))
    expect(text).toContain('Orientasi 2026')
    expect(text).not.toContain('Orientasi ASN Baru')
    expect(text).toContain(getContentEdition())
    expect(text).toContain(DEMO_SIGNER.signerName)
    expect(text).toContain(DEMO_SIGNER.signerTitle)
    expect(text).toContain(`NIP ${DEMO_SIGNER.signerNip}`)
    expect(text).not.toContain('DICABUT')
  })
})

describe('a revoked certificate', () => {
  it('downloads as a different, stamped copy, whoever revoked it: an admin, or HR rejecting the NIP claim', async () => {
    const { attemptId } = await passedLearner()
    const certificate = (await issueCertificateIfEligible(attemptId))!
    const before = await renderCertificatePdf((await findDownloadableCertificate(admin, certificate.id))!)
    const adminUser = await seedUser(db, { name: 'Admin Cabut', email: 'admin-cabut@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })
    await revokeCertificate(adminUser.id, certificate.id, 'Data kelulusan keliru')
    const after = await renderCertificatePdf((await findDownloadableCertificate(admin, certificate.id))!)
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false)
    const revokedAt = (await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).revokedAt!
    const date = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(revokedAt)
    expect(pdfText(after)).toContain(`DICABUT pada ${date}: sertifikat ini tidak berlaku.`)
    expect(pdfText(after)).not.toContain('Data kelulusan keliru')
    expect((await listCertificatesForLearner(certificate.userId))[0]).toMatchObject({ status: 'dicabut' })

    // HR rejects a claimed NIP (issue 10): the same fields, so the same stamped copy and status.
    const claimant = await passedLearner({ identityStatus: 'claimed' })
    const claimed = (await issueCertificateIfEligible(claimant.attemptId))!
    const hr = await seedUser(db, { name: 'HR Uji', email: 'hr-cabut@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId })
    await db.$transaction((tx) =>
      rejectClaimInTx(tx, { userId: claimant.user.id, nip: claimant.user.nip!, officer: { id: hr.id, agencyId }, reason: 'Bukan pegawai kami', now: new Date(), via: 'verifikasi' }),
    )
    const rejected = (await findDownloadableCertificate(admin, claimed.id))!
    expect(rejected).toMatchObject({ revokedAt: expect.any(Date), revokedById: hr.id })
    expect(pdfText(await renderCertificatePdf(rejected))).toContain('DICABUT pada')
    expect(await verifyCertificate(claimed.code)).toMatchObject({ status: 'dicabut' })
    expect(JSON.stringify(await verifyCertificate(claimed.code))).not.toContain('Bukan pegawai kami')
  })
})

describe('no certificate while the signer is a placeholder', () => {
  it("a pass left without its certificate by a crash is issued by the scheduler's next tick, once, with its email", async () => {
    const { user, attemptId } = await passedLearner()
    expect(await countPendingCertificates(user.id)).toBe(1)
    const tick = () => runSchedulerTick({ db, provider: databaseProvider, baseUrl: 'https://bijak.contoh.go.id' })
    expect((await tick()).certificates.issued).toBeGreaterThanOrEqual(1)
    expect(await countPendingCertificates(user.id)).toBe(0)
    const certificates = await db.certificate.findMany({ where: { userId: user.id } })
    expect(certificates.map((certificate) => certificate.attemptId)).toEqual([attemptId])
    expect(await db.outboxMessage.count({ where: { userId: user.id, kind: 'certificate-issued' } })).toBe(1)
    expect((await tick()).certificates.issued).toBe(0)
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(1)
  })

  it('a pass waits (pending), the learner is told, and saving a real signer issues it', async () => {
    const saved = await db.setting.findMany({ where: { key: { in: ['signerName', 'signerTitle', 'signerNip'] } } })
    await db.setting.deleteMany({ where: { key: { in: ['signerName', 'signerTitle', 'signerNip'] } } })
    try {
      const { user, attemptId } = await passedLearner()
      expect(await issueCertificateIfEligible(attemptId)).toBeNull()
      expect(await issuePendingCertificates(user.id)).toEqual([])
      expect(await issueWaitingCertificates()).toBe(0)
      expect(await countPendingCertificates(user.id)).toBe(1)
      expect(await getCertificateIssuing()).toMatchObject({ ready: false, placeholders: ['signerName', 'signerTitle', 'signerNip'], waiting: expect.any(Number) })

      // The admin sets a name and title but not yet the NIP: still nothing.
      const adminUser = await seedUser(db, { name: 'Admin', email: 'admin-ttd@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })
      const form = (values: Record<string, string>) => {
        const current = Object.fromEntries(SETTING_FIELDS.map((field) => [field.key, field]))
        return { ...Object.fromEntries(Object.entries(current).map(([key, field]) => [key, formatSettingValue(field, settingsNow[key as keyof typeof settingsNow])])), ...values }
      }
      let settingsNow = await getCourseSettings()
      expect(await updateCourseSettings(adminUser.id, form({ signerName: DEMO_SIGNER.signerName, signerTitle: DEMO_SIGNER.signerTitle }))).toMatchObject({ ok: true })
      expect(await issueWaitingCertificates()).toBe(0)
      expect(await getCertificateIssuing()).toMatchObject({ ready: false, placeholders: ['signerNip'] })

      settingsNow = await getCourseSettings()
      expect(await updateCourseSettings(adminUser.id, form({ signerNip: DEMO_SIGNER.signerNip }))).toMatchObject({ ok: true })
      expect(await getCertificateIssuing()).toMatchObject({ ready: true, placeholders: [] })
      // What saving the settings does next (app/(app)/admin/pengaturan/actions.ts).
      expect(await issueWaitingCertificates()).toBeGreaterThanOrEqual(1)
      expect(await countPendingCertificates(user.id)).toBe(0)
      const [certificate] = await listCertificatesForLearner(user.id)
      expect(certificate).toMatchObject({ attemptId, signerNip: DEMO_SIGNER.signerNip, signerName: DEMO_SIGNER.signerName })
    } finally {
      await db.setting.deleteMany({ where: { key: { in: ['signerName', 'signerTitle', 'signerNip'] } } })
      await db.setting.createMany({ data: saved.map(({ key, value }) => ({ key, value })) })
    }
  })
})
