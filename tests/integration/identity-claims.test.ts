import { beforeAll, describe, expect, it } from 'vitest'
import { getQuizStatus, startAttempt } from '@/lib/assessment/attempts.server'
import { verifyCertificate } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { importRosterUpload, previewRosterUpload } from '@/lib/hr/roster-import.server'
import { confirmClaim, listClaimants, rejectClaim } from '@/lib/identity/identity-review.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip, refusal } from './helpers'

type Seeded = Awaited<ReturnType<typeof seedAgencies>>
let agency: Seeded['agency']
let otherAgency: Seeded['otherAgency']
let officer: { id: string; agencyId: string }
let otherOfficer: { id: string; agencyId: string }
let cohortId: string
let n = 0

beforeAll(async () => {
  ;({ agency, otherAgency } = await seedAgencies())
  officer = { id: (await seedUser(db, { name: 'HR A', email: 'hr-a@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })).id, agencyId: agency.id }
  otherOfficer = {
    id: (await seedUser(db, { name: 'HR B', email: 'hr-b@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: otherAgency.id })).id,
    agencyId: otherAgency.id,
  }
  cohortId = (await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi Identitas' } })).id
})

/** A self-registered (claimed) learner of `agencyId`. */
async function claimant(name: string, agencyId = agency.id) {
  const i = n++
  const unitId = agencyId === agency.id ? agency.units[0]!.id : otherAgency.units[0]!.id
  return seedUser(db, { name, email: `klaim-${i}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip: uniqueNip(), employmentType: 'PNS', agencyId, unitId, identityStatus: 'claimed' })
}

/** A certificate issued to the user under their current NIP (what the squatter may have earned). */
async function certificateFor(user: { id: string; name: string; nip: string | null }) {
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
  const attempt = await db.quizAttempt.create({
    data: { userId: user.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 't', seed: 's', items: '{}', expiresAt: new Date(), submittedAt: new Date(), score: 90, passed: true },
  })
  const i = n++
  return db.certificate.create({
    data: {
      number: `BBS/2026/9${String(i).padStart(5, '0')}`,
      year: 2026,
      sequence: 900_000 + i,
      code: `a2c${String(i).padStart(21, '0')}`,
      userId: user.id,
      enrolmentId: enrolment.id,
      cycleKey: 'onboarding',
      attemptId: attempt.id,
      fullName: user.name,
      nip: user.nip,
      agencyName: agency.name,
      courseTitle: 'Bijak Bermedia Sosial',
      contentVersion: 't',
      score: 90,
      jp: 2,
      completedAt: new Date(),
      validUntil: new Date(Date.now() + 365 * 86_400_000),
      signerName: 'Penandatangan',
      signerTitle: 'Kepala',
    },
  })
}

function roster(rows: Array<[nip: string, name: string, email: string]>, unit = agency.units[0]!.name) {
  const text = ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', ...rows.map(([nip, name, email]) => `${nip};${name};${email};PNS;${unit}`)].join('\r\n')
  return { body: (async function* () { yield Buffer.from(text, 'utf8') })(), fileName: 'daftar.csv' }
}
const upload = (rows: Array<[string, string, string]>) => () => roster(rows)

describe('roster import and claimed NIPs', () => {
  it('verifies a claimant of this agency whose name matches the roster (method roster), and creates new accounts verified (method import)', async () => {
    const person = await claimant('ni luh putu ayu saraswati')
    const newNip = uniqueNip()
    const rows = upload([
      [person.nip!, 'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.', person.email],
      [newNip, 'Pegawai Baru', `baru-${newNip}@contoh.go.id`],
    ])
    const preview = await previewRosterUpload(officer, rows())
    expect(preview.counts).toMatchObject({ rows: 2, create: 1, verify: 1, conflict: 0, unchanged: 1 })

    const counts = await importRosterUpload(officer, rows())
    expect(counts).toMatchObject({ create: 1, verify: 1 })
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      identityStatus: 'verified',
      identityMethod: 'roster',
      identityVerifiedById: officer.id,
      identityVerifiedAt: expect.any(Date),
    })
    expect(await db.user.findUniqueOrThrow({ where: { nip: newNip } })).toMatchObject({ identityStatus: 'verified', identityMethod: 'import', identityVerifiedById: officer.id })
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'identity.verified', targetId: person.id } })
    expect(audit).toMatchObject({ actorId: officer.id, agencyId: agency.id })
    expect(JSON.parse(audit.details)).toEqual({ nip: person.nip, method: 'roster' })
  })

  it('refuses (422) an import whose conflict has no decision, writing nothing', async () => {
    const squatter = await claimant('Penyerobot Satu')
    const rows = upload([[squatter.nip!, 'Siti Aminah', `siti-${squatter.nip}@contoh.go.id`]])
    const preview = await previewRosterUpload(officer, rows())
    expect(preview.conflicts).toEqual([
      expect.objectContaining({
        nip: squatter.nip,
        rosterName: 'Siti Aminah',
        claimant: expect.objectContaining({
          name: 'Penyerobot Satu',
          sameAgency: true,
          email: squatter.email,
          unitName: agency.units[0]!.name,
          registeredAt: squatter.createdAt.toISOString(),
        }),
        allowed: ['konfirmasi', 'tolak'],
      }),
    ])
    expect(JSON.stringify(preview)).not.toContain(squatter.id)
    const users = await db.user.count()
    const audits = await db.auditLog.count()
    const refused = await refusal(importRosterUpload(officer, rows()))
    expect(refused.status).toBe(422)
    expect(refused.userMessage).toMatch(/belum diputuskan \(baris 2\).*konfirmasi pengklaim.*tolak klaim/)
    expect(await db.user.count()).toBe(users)
    expect(await db.auditLog.count()).toBe(audits)
    expect((await db.user.findUniqueOrThrow({ where: { id: squatter.id } })).identityStatus).toBe('claimed')
  })

  it('rejecting in the import releases the NIP, revokes the certificates under it, audits, and creates the real person verified', async () => {
    const squatter = await claimant('Penyerobot Dua')
    const certificate = await certificateFor(squatter)
    expect(await verifyCertificate(certificate.code)).toMatchObject({ status: 'berlaku', holderIdentityVerified: false })
    const nip = squatter.nip!
    const counts = await importRosterUpload(officer, roster([[nip, 'Siti Aminah', `siti-${nip}@contoh.go.id`]]), new Map([[nip, 'tolak' as const]]))
    expect(counts).toMatchObject({ create: 1, claimsRejected: 1, claimsConfirmed: 0 })

    expect(await db.user.findUniqueOrThrow({ where: { id: squatter.id } })).toMatchObject({
      nip: null,
      rejectedNip: nip,
      identityStatus: 'rejected',
      identityRejectedAt: expect.any(Date),
    })
    const real = await db.user.findUniqueOrThrow({ where: { nip } })
    expect(real).toMatchObject({ name: 'Siti Aminah', identityStatus: 'verified', identityMethod: 'import', claimedAt: null, agencyId: agency.id })
    const revoked = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })
    expect(revoked).toMatchObject({ revokedById: officer.id, revokedAt: expect.any(Date) })
    expect(revoked.revokedReason).toMatch(/^Klaim NIP ditolak oleh admin kepegawaian: tidak sesuai daftar pegawai/)
    expect(await verifyCertificate(certificate.code)).toMatchObject({ status: 'dicabut', holderIdentityVerified: false })
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'identity.rejected', targetId: squatter.id } })
    expect(audit).toMatchObject({ actorId: officer.id, agencyId: agency.id })
    expect(JSON.parse(audit.details)).toMatchObject({ nip, via: 'impor', revokedCertificates: [certificate.number] })
    // The squatter's history is kept.
    expect(await db.quizAttempt.count({ where: { userId: squatter.id } })).toBe(1)
  })

  it('confirming in the import verifies the claimant (method hr); confirming one of another agency is refused', async () => {
    const mine = await claimant('Nama Panggilan')
    const foreign = await claimant('Penyerobot Lintas', otherAgency.id)
    const rows = (list: Array<[string, string, string]>) => roster(list)
    await importRosterUpload(officer, rows([[mine.nip!, 'Nama Resmi Lengkap', mine.email]]), new Map([[mine.nip!, 'konfirmasi' as const]]))
    expect(await db.user.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ identityStatus: 'verified', identityMethod: 'hr', identityVerifiedById: officer.id, nip: mine.nip })

    const foreignRow: Array<[string, string, string]> = [[foreign.nip!, 'Pemilik Asli', `asli-${foreign.nip}@contoh.go.id`]]
    const preview = await previewRosterUpload(officer, rows(foreignRow))
    expect(preview.conflicts[0]?.claimant).toEqual({ name: 'Penyerobot Lintas', nameMatches: false, sameAgency: false, email: null, unitName: null, registeredAt: null })
    const refused = await refusal(importRosterUpload(officer, rows(foreignRow), new Map([[foreign.nip!, 'konfirmasi' as const]])))
    expect(refused).toMatchObject({ status: 422, userMessage: expect.stringMatching(/hanya "tolak klaim"/) })
    expect(await db.user.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ identityStatus: 'claimed', agencyId: otherAgency.id })

    // Rejecting a squatter who picked another agency: audited in both agencies; not moved.
    await importRosterUpload(officer, rows(foreignRow), new Map([[foreign.nip!, 'tolak' as const]]))
    expect(await db.user.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ identityStatus: 'rejected', nip: null, agencyId: otherAgency.id })
    const entries = await db.auditLog.findMany({ where: { action: 'identity.rejected', targetId: foreign.id } })
    expect(entries.map((entry) => entry.agencyId).sort()).toEqual([agency.id, otherAgency.id].sort())
    expect(await db.user.findUniqueOrThrow({ where: { nip: foreign.nip! } })).toMatchObject({ name: 'Pemilik Asli', agencyId: agency.id, identityStatus: 'verified' })
  })

  it('does not move a verified person of another agency, and points to mutasi', async () => {
    const nip = uniqueNip()
    const person = await seedUser(db, { name: 'Pegawai B', email: `b-${nip}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip, agencyId: otherAgency.id, unitId: otherAgency.units[0]!.id })
    const preview = await previewRosterUpload(officer, roster([[nip, 'Pegawai B', person.email]]))
    expect(preview.rejections[0]?.reasons[0]).toMatch(/instansi lain.*mutasi/i)
    expect(preview.blocker).not.toBeNull()
    await refusal(importRosterUpload(officer, roster([[nip, 'Pegawai B', person.email]])))
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).agencyId).toBe(otherAgency.id)
  })
})

describe('review queue (Verifikasi peserta)', () => {
  it("lists this agency's claimants only", async () => {
    const mine = await claimant('Antre Satu')
    const foreign = await claimant('Antre Lain', otherAgency.id)
    const ids = (await listClaimants(officer)).map((person) => person.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(foreign.id)
  })

  it('confirms a claimant: verified by hr, audited', async () => {
    const person = await claimant('Dikonfirmasi')
    expect(await confirmClaim(officer, { userId: person.id })).toMatchObject({ ok: true })
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ identityStatus: 'verified', identityMethod: 'hr', identityVerifiedById: officer.id })
    expect(await db.auditLog.count({ where: { action: 'identity.verified', targetId: person.id, actorId: officer.id, agencyId: agency.id } })).toBe(1)
    // Deciding again (a stale page) changes nothing.
    expect(await refusal(confirmClaim(officer, { userId: person.id }))).toMatchObject({ status: 404 })
  })

  it('rejects with a required reason: NIP released, certificates revoked with the reason, audited with the numbers', async () => {
    const person = await claimant('Ditolak')
    const certificate = await certificateFor(person)
    expect(await rejectClaim(officer, { userId: person.id, reason: ' ' })).toEqual({ ok: false, fieldErrors: { reason: expect.stringMatching(/Tulis alasan/) } })
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).identityStatus).toBe('claimed')

    expect(await rejectClaim(officer, { userId: person.id, reason: 'Bukan pegawai kami' })).toMatchObject({ ok: true })
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ nip: null, rejectedNip: person.nip, identityStatus: 'rejected' })
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({
      revokedReason: 'Klaim NIP ditolak oleh admin kepegawaian: Bukan pegawai kami',
      revokedById: officer.id,
    })
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'identity.rejected', targetId: person.id } })
    expect(JSON.parse(audit.details)).toEqual({ nip: person.nip, reason: 'Bukan pegawai kami', via: 'verifikasi', revokedCertificates: [certificate.number] })
    // The real person can now register with the NIP.
    expect(await db.user.findUnique({ where: { nip: person.nip! } })).toBeNull()
  })

  it('a rejected claimant, lessons done, cannot start a post-test (no NIP, no certificate)', async () => {
    const person = await claimant('Ditolak Uji')
    await db.lessonProgress.createMany({
      data: getLessonOutline().map((lesson) => ({ userId: person.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
    })
    expect((await getQuizStatus(person, 'posttest')).blockedReason).toBeNull()
    await rejectClaim(officer, { userId: person.id, reason: 'Bukan pegawai kami' })
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } })
    expect((await getQuizStatus(after, 'posttest')).blockedReason).toMatch(/Uji akhir memerlukan NIP/)
    expect(await refusal(startAttempt(after, 'posttest'))).toMatchObject({ status: 429 })
    expect(await db.quizAttempt.count({ where: { userId: person.id, kind: 'posttest' } })).toBe(0)
  })

  it("refuses another agency's officer, whatever the id, and changes nothing", async () => {
    const person = await claimant('Milik A')
    const audits = await db.auditLog.count()
    expect(await refusal(confirmClaim(otherOfficer, { userId: person.id }))).toMatchObject({ status: 404 })
    expect(await refusal(rejectClaim(otherOfficer, { userId: person.id, reason: 'Serangan lintas instansi' }))).toMatchObject({ status: 404 })
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ identityStatus: 'claimed', nip: person.nip })
    expect(await db.auditLog.count()).toBe(audits)
  })

  it('refuses an officer deciding their own claim', async () => {
    const self = await seedUser(db, { name: 'HR Mengklaim', email: 'hr-klaim@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', nip: uniqueNip(), agencyId: agency.id, identityStatus: 'claimed' })
    expect(await refusal(confirmClaim({ id: self.id, agencyId: agency.id }, { userId: self.id }))).toMatchObject({ status: 403 })
    expect((await db.user.findUniqueOrThrow({ where: { id: self.id } })).identityStatus).toBe('claimed')
  })
})

describe('/verify shows whether the holder was verified', () => {
  it('reads the holder’s current status', async () => {
    const person = await claimant('Sertifikat Klaim')
    const certificate = await certificateFor(person)
    expect(await verifyCertificate(certificate.code)).toMatchObject({ status: 'berlaku', holderIdentityVerified: false })
    await confirmClaim(officer, { userId: person.id })
    expect(await verifyCertificate(certificate.code)).toMatchObject({ status: 'berlaku', holderIdentityVerified: true })
  })
})
