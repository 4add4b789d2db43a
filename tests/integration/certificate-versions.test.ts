import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  certificatePdfForDownload,
  renderCertificatePdf,
  findDownloadableCertificate,
  issueCertificateIfEligible,
  revokeCertificate,
  verifyCertificate,
} from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { nameCorrectionRequestSchema } from '@/lib/privacy/name-correction'
import { decideNameCorrection, listNameCorrectionsForAgency, listOwnNameCorrections, requestNameCorrection } from '@/lib/privacy/name-correction.server'
import { personalDataOf } from '@/lib/privacy/personal-data.server'
import { seedUser } from '@/prisma/seed/seeders'
import { SELF_SIGNED_SUBJECT } from '@/lib/certificates/signing-key.server'
import { flipByte, pdfSignatures, pdfText, signedByteRange } from '../poppler'
import { passedPostTestAttempt, refusal, seedAgencies, uniqueNip } from './helpers'

type Seeded = Awaited<ReturnType<typeof seedAgencies>>
let agency: Seeded['agency']
let officer: { id: string; agencyId: string }
let otherOfficer: { id: string; agencyId: string }
let cohortId: string
let n = 0
const provider = process.env.TEST_DB_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite'
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const VALID = 'Signature Validation: Signature is Valid.'
const admin = { id: 'nobody', capabilities: { admin: true, scope: null } } as unknown as Parameters<typeof findDownloadableCertificate>[0]

beforeAll(async () => {
  const seeded = await seedAgencies()
  agency = seeded.agency
  officer = { id: (await seedUser(db, { name: 'HR Versi', email: 'hr-versi@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })).id, agencyId: agency.id }
  otherOfficer = {
    id: (await seedUser(db, { name: 'HR Lain', email: 'hr-lain@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: seeded.otherAgency.id })).id,
    agencyId: seeded.otherAgency.id,
  }
  cohortId = (await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi Versi' } })).id
})

/** A learner of the agency with a certificate issued the normal way. */
async function certified(name = `Peserta Versi ${n}`) {
  const i = n++
  const user = await seedUser(db, {
    name,
    email: `versi-${i}@contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(),
    employmentType: 'PNS',
    agencyId: agency.id,
    unitId: agency.units[0]!.id,
    identityStatus: 'verified',
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
  const attempt = await passedPostTestAttempt(user.id, enrolment.id)
  const certificate = (await issueCertificateIfEligible(attempt.id))!
  return { user, certificate }
}

async function download(certificateId: string) {
  return certificatePdfForDownload((await findDownloadableCertificate(admin, certificateId))!)
}

async function setPublicBaseUrl(url: string) {
  await db.setting.upsert({ where: { key: 'publicBaseUrl' }, create: { key: 'publicBaseUrl', value: JSON.stringify(url) }, update: { value: JSON.stringify(url) } })
}

describe('certificate versions', () => {
  it('issues version 1 with the certificate and stores its file: every download is the same bytes, whose SHA-256 /verify shows', async () => {
    const { user, certificate } = await certified()
    const versions = await db.certificateVersion.findMany({ where: { certificateId: certificate.id } })
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ version: 1, fullName: user.name, reason: 'Terbit', nameCorrectionId: null })
    expect(versions[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)

    const first = await download(certificate.id)
    // What the file would be drawn with changes (the public address is printed in the QR code
    // and under it); the stored file does not.
    await setPublicBaseUrl('https://sertifikat-lain.contoh.go.id')
    try {
      const second = await download(certificate.id)
      expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true)
      expect(sha(second.pdf)).toBe(versions[0]!.sha256)
    } finally {
      await db.setting.delete({ where: { key: 'publicBaseUrl' } })
    }
    const verified = (await verifyCertificate(certificate.code))!
    expect(verified.currentVersion).toMatchObject({ version: 1, sha256: sha(first.pdf) })
    expect(verified.supersededVersions).toEqual([])
    expect(pdfText(first.pdf)).toContain(user.name)
  })

  it('gives a certificate issued before versions existed (version 1 without a file, as the migration leaves it) a stored file and hash on first read', async () => {
    const { certificate } = await certified()
    await db.certificateVersion.updateMany({ where: { certificateId: certificate.id }, data: { pdf: null, sha256: null } })
    const verified = (await verifyCertificate(certificate.code))!
    expect(verified.currentVersion.sha256).toMatch(/^[0-9a-f]{64}$/)
    const downloaded = await download(certificate.id)
    expect(sha(downloaded.pdf)).toBe(verified.currentVersion.sha256)
    // And one with no version row at all (written by hand): version 1 is made then.
    await db.certificateVersion.deleteMany({ where: { certificateId: certificate.id } })
    // Signed anew (decision 046: the signing time is the time of signing), so a new file and hash.
    const again = (await verifyCertificate(certificate.code))!
    expect(again.currentVersion).toMatchObject({ version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(pdfSignatures((await download(certificate.id)).pdf)).toContain(VALID)
  })

  it('downloads a revoked certificate as a stamped copy that is not the stored file', async () => {
    const { certificate } = await certified()
    const valid = await download(certificate.id)
    await revokeCertificate(officer.id, certificate.id, 'Diterbitkan karena kesalahan data')
    const revoked = await download(certificate.id)
    expect(revoked.sha256).toBeNull()
    expect(sha(revoked.pdf)).not.toBe(sha(valid.pdf))
    expect(pdfText(revoked.pdf)).toContain('DICABUT')
    const verified = (await verifyCertificate(certificate.code))!
    expect(verified).toMatchObject({ status: 'dicabut', currentVersion: { version: 1, sha256: sha(valid.pdf) } })
  })
})

describe('signed certificates (decision 046)', () => {
  it('signs the file once at issuing: pdfsig reads a valid signature in the stored bytes, the SHA-256 is of the signed file, every download is those bytes', async () => {
    const before = new Date()
    const { certificate } = await certified()
    const stored = (await db.certificateVersion.findFirstOrThrow({ where: { certificateId: certificate.id } }))!
    const bytes = new Uint8Array(stored.pdf!)
    expect(stored.sha256).toBe(sha(bytes))
    const report = pdfSignatures(bytes)
    expect(report).toContain(VALID)
    expect(report).toContain('Signature Type: adbe.pkcs7.detached')
    expect(report).toContain(`Signer Certificate Common Name: ${SELF_SIGNED_SUBJECT.commonName}`)
    expect(stored.signerSubject).toBe(`CN=${SELF_SIGNED_SUBJECT.commonName}, O=${SELF_SIGNED_SUBJECT.organization}, C=ID`)
    expect(stored.signedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)
    expect(stored.signedAt!.getTime()).toBeLessThanOrEqual(Date.now())

    const first = await download(certificate.id)
    const second = await download(certificate.id)
    expect(Buffer.from(first.pdf).equals(Buffer.from(bytes))).toBe(true)
    expect(Buffer.from(second.pdf).equals(Buffer.from(bytes))).toBe(true)
    // One byte changed inside the signed range: no longer valid.
    const [, firstLength] = signedByteRange(bytes)
    expect(pdfSignatures(flipByte(bytes, Math.floor(firstLength / 3)))).not.toContain(VALID)

    const verified = (await verifyCertificate(certificate.code))!
    expect(verified.currentVersion).toMatchObject({ sha256: sha(bytes), signedAt: stored.signedAt, signerSubject: stored.signerSubject })
  })

  it('makes the self-signed key once and keeps it in the database: every certificate is signed by the same one', async () => {
    const a = await certified()
    const b = await certified()
    const keys = await db.signingKey.findMany()
    expect(keys).toHaveLength(1)
    const [va, vb] = await Promise.all([a, b].map(({ certificate }) => db.certificateVersion.findFirstOrThrow({ where: { certificateId: certificate.id } })))
    expect(va!.signerSubject).toBe(vb!.signerSubject)
    // The certificate in each signature (the CMS, hex in /Contents) is the stored one.
    const der = Buffer.from(keys[0]!.certificatePem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').toString('hex')
    for (const version of [va!, vb!]) expect(Buffer.from(version.pdf!).toString('latin1')).toContain(der)
  })

  it('keeps a file stored before signing as it was (its hash stays true); /verify says it is not signed', async () => {
    const { certificate } = await certified()
    const unsignedFile = Buffer.from(await renderCertificatePdf((await findDownloadableCertificate(admin, certificate.id))!))
    await db.certificateVersion.updateMany({ where: { certificateId: certificate.id }, data: { pdf: unsignedFile, sha256: sha(unsignedFile), signedAt: null, signerSubject: null } })
    const downloaded = await download(certificate.id)
    expect(Buffer.from(downloaded.pdf).equals(unsignedFile)).toBe(true)
    expect(pdfSignatures(downloaded.pdf)).toContain('does not contain any signatures')
    const verified = (await verifyCertificate(certificate.code))!
    expect(verified.currentVersion).toMatchObject({ sha256: sha(unsignedFile), signedAt: null, signerSubject: null })
  })

  it('downloads a revoked certificate as a stamped copy that is not signed', async () => {
    const { certificate } = await certified()
    await revokeCertificate(officer.id, certificate.id, 'Uji tanda tangan')
    const revoked = await download(certificate.id)
    expect(pdfText(revoked.pdf)).toContain('DICABUT')
    expect(pdfSignatures(revoked.pdf)).toContain('does not contain any signatures')
  })
})

describe('name correction', () => {
  it('validates the request in Bahasa Indonesia', () => {
    const empty = nameCorrectionRequestSchema.safeParse({ name: ' ', reason: 'x' })
    expect(empty.success).toBe(false)
    const messages = empty.error!.issues.map((issue) => issue.message)
    expect(messages).toContain('Nama lengkap wajib diisi.')
    expect(messages.some((message) => message.startsWith('Tulis alasan koreksi nama'))).toBe(true)
    expect(nameCorrectionRequestSchema.safeParse({ name: 'A'.repeat(201), reason: 'Sesuai SK CPNS' }).success).toBe(false)
    expect(nameCorrectionRequestSchema.safeParse({ name: 'Budi <script>', reason: 'Sesuai SK CPNS' }).success).toBe(false)
    expect(nameCorrectionRequestSchema.safeParse({ name: 'Budi', reason: 'x'.repeat(501) }).success).toBe(false)
  })

  it('approval renames the person and reissues each valid certificate as version 2 with the same number; /verify lists version 1 as superseded', async () => {
    const { user, certificate } = await certified('Budi Santosa')
    const before = await download(certificate.id)
    const request = await requestNameCorrection(user, { name: 'Budi Santoso, S.Kom.', reason: 'Sesuai SK CPNS nomor 800/12' })
    expect(await refusal(requestNameCorrection(user, { name: 'Budi Santoso', reason: 'Permintaan kedua' }))).toMatchObject({ status: 409 })

    const queue = await listNameCorrectionsForAgency(officer)
    expect(queue.pending.map((row) => row.id)).toContain(request.id)
    expect((await listNameCorrectionsForAgency(otherOfficer)).pending.map((row) => row.id)).not.toContain(request.id)
    // Another agency's HR: refused exactly like an unknown request, and nothing changes.
    expect(await refusal(decideNameCorrection(otherOfficer, { decision: 'setujui', requestId: request.id }))).toMatchObject({ status: 404 })
    expect(await refusal(decideNameCorrection(otherOfficer, { decision: 'setujui', requestId: 'tidak-ada' }))).toMatchObject({ status: 404 })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Budi Santosa')

    const result = await decideNameCorrection(officer, { decision: 'setujui', requestId: request.id })
    expect(result.reissued).toEqual([certificate.number])
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Budi Santoso, S.Kom.')
    const stored = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })
    expect(stored).toMatchObject({ number: certificate.number, code: certificate.code, fullName: 'Budi Santoso, S.Kom.' })

    const after = await download(certificate.id)
    expect(after.version).toBe(2)
    expect(pdfText(after.pdf)).toContain('Budi Santoso, S.Kom.')
    expect(pdfText(after.pdf)).toContain(certificate.number)
    expect(sha(after.pdf)).not.toBe(sha(before.pdf))
    expect(Buffer.from((await download(certificate.id)).pdf).equals(Buffer.from(after.pdf))).toBe(true)

    const verified = (await verifyCertificate(certificate.code))!
    expect(verified.fullName).toBe('Budi Santoso, S.Kom.')
    expect(verified.currentVersion).toMatchObject({ version: 2, sha256: sha(after.pdf), reason: 'Koreksi nama (disetujui admin kepegawaian)' })
    expect(verified.supersededVersions).toEqual([expect.objectContaining({ version: 1, sha256: sha(before.pdf) })])
    expect(verified.supersededBecause[1]).toBe('Koreksi nama (disetujui admin kepegawaian)')
    // The person's own words stay private.
    expect(JSON.stringify(verified)).not.toContain('800/12')

    const actions = (await db.auditLog.findMany({ where: { OR: [{ targetId: user.id }, { targetId: certificate.id }] }, select: { action: true } })).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['name-correction.requested', 'name-correction.approved', 'certificate.reissued']))
    expect(await refusal(decideNameCorrection(officer, { decision: 'tolak', requestId: request.id, reason: 'Terlambat sekali' }))).toMatchObject({ status: 409 })
    // The person is told by email, once, with the certificate reissued under the same number.
    const told = await db.outboxMessage.findMany({ where: { userId: user.id, kind: 'name-correction-decided' } })
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ subject: 'Koreksi nama Anda di Bijak Bermedia Sosial disetujui', toName: 'Budi Santoso, S.Kom.' })
    expect(told[0]!.text).toContain(certificate.number)

    const own = await listOwnNameCorrections(user.id)
    expect(own[0]).toMatchObject({ status: 'approved', requestedName: 'Budi Santoso, S.Kom.' })
    const data = (await personalDataOf(user.id))!
    expect(data.certificates[0]!.versions.map((v) => v.version)).toEqual([1, 2])
    expect(data.nameCorrections).toHaveLength(1)
    // A new request is possible once the first is decided.
    await requestNameCorrection(user, { name: 'Budi Santoso, S.Kom., M.Kom.', reason: 'Lulus magister' })
  })

  it('rejection changes nothing but the request, and the person reads the reason', async () => {
    const { user, certificate } = await certified('Siti Aminah')
    const request = await requestNameCorrection(user, { name: 'Siti Aminah Lubis', reason: 'Nama keluarga tertinggal' })
    await decideNameCorrection(officer, { decision: 'tolak', requestId: request.id, reason: 'Tidak sesuai data kepegawaian' })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Siti Aminah')
    expect(await db.certificateVersion.count({ where: { certificateId: certificate.id } })).toBe(1)
    expect(await listOwnNameCorrections(user.id)).toEqual([expect.objectContaining({ status: 'rejected', decisionNote: 'Tidak sesuai data kepegawaian' })])
    expect(await db.auditLog.count({ where: { action: 'name-correction.rejected', targetId: user.id } })).toBe(1)
    const told = await db.outboxMessage.findMany({ where: { userId: user.id, kind: 'name-correction-decided' } })
    expect(told.map((message) => message.subject)).toEqual(['Koreksi nama Anda di Bijak Bermedia Sosial ditolak'])
    expect(told[0]!.text).toContain('Alasan: Tidak sesuai data kepegawaian')
  })

  it('reissues only valid certificates: a revoked one keeps its name and version', async () => {
    const { user, certificate } = await certified('Andi Wijaya')
    await revokeCertificate(officer.id, certificate.id, 'Uji pencabutan sertifikat')
    const request = await requestNameCorrection(user, { name: 'Andi Wijayakusuma', reason: 'Sesuai akta kelahiran' })
    expect((await decideNameCorrection(officer, { decision: 'setujui', requestId: request.id })).reissued).toEqual([])
    expect(await db.certificateVersion.count({ where: { certificateId: certificate.id } })).toBe(1)
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).fullName).toBe('Andi Wijaya')
  })

  it('refuses the same name, HR deciding their own request, and too many requests', async () => {
    const { user } = await certified('Rina Marlina')
    expect(await refusal(requestNameCorrection(user, { name: '  Rina   Marlina ', reason: 'Tidak ada perubahan' }))).toMatchObject({ status: 422 })
    const own = await requestNameCorrection({ id: officer.id }, { name: 'HR Versi Benar', reason: 'Salah ketik saat dibuat' })
    expect(await refusal(decideNameCorrection(officer, { decision: 'setujui', requestId: own.id }))).toMatchObject({ status: 403 })
    // The limit counts every request, refused or not (3 a day): the second is accepted, the third
    // refused as a second open one, the fourth by the limit.
    await requestNameCorrection(user, { name: 'Rina Marlina Sari', reason: 'Nama lengkap' })
    expect(await refusal(requestNameCorrection(user, { name: 'Rina Marlina S.', reason: 'Nama lengkap' }))).toMatchObject({ status: 409 })
    const limited = await refusal(requestNameCorrection(user, { name: 'Rina M. Sari', reason: 'Nama lengkap' }))
    expect(limited).toMatchObject({ status: 429 })
    expect(limited.userMessage).toMatch(/Coba lagi dalam \d+ jam/)
  })

  it('is atomic: when reissuing fails half-way, the name, the request and the certificates stay as they were', async () => {
    const a = await certified('Dewi Lestari')
    // A second valid certificate of the same person (a refresher), so the failure comes after one
    // certificate has been reissued inside the transaction.
    const refresherCohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2027, name: 'Penyegaran Versi' } })
    const enrolment = await db.enrolment.create({ data: { userId: a.user.id, cohortId: refresherCohort.id, cycleKey: 'refresher-2027' } })
    const second = (await issueCertificateIfEligible((await passedPostTestAttempt(a.user.id, enrolment.id)).id))!
    expect(second).toBeTruthy()
    const failOn = second.id
    if (provider === 'sqlite') {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER fail_version BEFORE INSERT ON certificate_version WHEN NEW."certificateId" = '${failOn}' AND NEW."version" = 2 BEGIN SELECT RAISE(ABORT, 'gagal uji'); END`,
      )
    } else {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION fail_version() RETURNS trigger AS $$ BEGIN IF NEW."certificateId" = '${failOn}' AND NEW."version" = 2 THEN RAISE EXCEPTION 'gagal uji'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      )
      await db.$executeRawUnsafe(`CREATE TRIGGER fail_version BEFORE INSERT ON certificate_version FOR EACH ROW EXECUTE FUNCTION fail_version()`)
    }
    const request = await requestNameCorrection(a.user, { name: 'Dewi Lestari Putri', reason: 'Sesuai KTP elektronik' })
    try {
      await expect(decideNameCorrection(officer, { decision: 'setujui', requestId: request.id })).rejects.toThrow()
    } finally {
      await db.$executeRawUnsafe(provider === 'sqlite' ? 'DROP TRIGGER fail_version' : 'DROP TRIGGER fail_version ON certificate_version')
      if (provider === 'postgresql') await db.$executeRawUnsafe('DROP FUNCTION fail_version()')
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: a.user.id } })).name).toBe('Dewi Lestari')
    expect((await db.nameCorrectionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('pending')
    expect(await db.certificateVersion.count({ where: { certificateId: { in: [a.certificate.id, second.id] } } })).toBe(2)
    expect((await db.certificate.findMany({ where: { userId: a.user.id }, select: { fullName: true } })).map((c) => c.fullName)).toEqual(['Dewi Lestari', 'Dewi Lestari'])
    expect(await db.auditLog.count({ where: { action: { in: ['name-correction.approved', 'certificate.reissued'] }, targetId: { in: [a.user.id, a.certificate.id, second.id] } } })).toBe(0)
    expect(await db.outboxMessage.count({ where: { userId: a.user.id, kind: 'name-correction-decided' } })).toBe(0)
    // Then it goes through.
    expect((await decideNameCorrection(officer, { decision: 'setujui', requestId: request.id })).reissued).toHaveLength(2)
  })
})
