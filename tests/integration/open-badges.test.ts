import { gunzipSync } from 'node:zlib'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { verifyCredential } from '@digitalbazaar/vc'
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as issuerRoute } from '@/app/api/badges/issuer/route'
import { GET as keyRoute } from '@/app/api/badges/keys/[key]/route'
import { GET as statusRoute } from '@/app/api/badges/status/revocation/route'
import { ensureCertificateBadge, getBadgeKey, openBadgeForDownload } from '@/lib/badges/badges.server'
import { BUNDLED_CONTEXTS } from '@/lib/badges/linked-data'
import { hashEmail } from '@/lib/badges/open-badge'
import { issueCertificateIfEligible, revokeCertificate } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { anonymiseExpiredCertificates } from '@/lib/privacy/compliance-retention.server'
import { personalDataOf } from '@/lib/privacy/personal-data.server'
import { seedUser } from '@/prisma/seed/seeders'
import { passedPostTestAttempt, seedAgencies, uniqueNip } from './helpers'

// Open Badges 3.0 credentials of issued certificates (decision 050), verified with
// @digitalbazaar/vc and the status list library, not with our code. Their document loader holds
// the bundled contexts and answers our own URLs by calling the app's route handlers, as a
// verifier on the network would fetch them; anything else is refused.

let agencyId: string
let unitId: string
let cohortId: string
let adminId: string
let n = 0

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  unitId = seeded.agency.units[0]!.id
  adminId = (await seedUser(db, { name: 'Admin Lencana', email: 'admin-lencana@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })).id
  cohortId = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi Lencana' } })).id
})

async function certified() {
  const i = n++
  const user = await seedUser(db, {
    name: `Peserta Lencana ${i}`,
    email: `Lencana-${i}@Contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(),
    employmentType: 'PNS',
    agencyId,
    unitId,
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
  const certificate = (await issueCertificateIfEligible((await passedPostTestAttempt(user.id, enrolment.id)).id))!
  return { user, certificate }
}

type Served = { status: number; contentType: string | null; cache: string | null; body: unknown }

/** What a verifier on the network gets for one of our URLs: the app's route handler's answer. */
async function served(url: string): Promise<Served> {
  const { pathname } = new URL(url)
  const request = new Request(url)
  let response: Response
  if (pathname === '/api/badges/issuer') response = await issuerRoute(request, { params: Promise.resolve({}) })
  else if (pathname === '/api/badges/status/revocation') response = await statusRoute(request, { params: Promise.resolve({}) })
  else if (pathname.startsWith('/api/badges/keys/')) response = await keyRoute(request, { params: Promise.resolve({ key: pathname.split('/').at(-1)! }) })
  else throw new Error(`not one of ours: ${url}`)
  return { status: response.status, contentType: response.headers.get('content-type'), cache: response.headers.get('cache-control'), body: await response.json() }
}

async function documentLoader(url: string) {
  const context = BUNDLED_CONTEXTS.get(url)
  if (context) return { contextUrl: null, documentUrl: url, document: structuredClone(context) }
  const answer = await served(url.split('#')[0]!)
  if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`)
  return { contextUrl: null, documentUrl: url, document: answer.body }
}

const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })

function verify(credential: unknown) {
  return verifyCredential({
    credential,
    suite: suite(),
    documentLoader,
    checkStatus: (options) => checkStatus({ ...options, documentLoader, suite: suite(), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true }),
  })
}

function revokedStatus(result: Awaited<ReturnType<typeof verify>>): boolean | undefined {
  return (result.statusResult?.results as { status: boolean }[] | undefined)?.[0]?.status
}

/** The bit of `index` in the served list, decoded by hand as the spec says (multibase 'u', GZIP, MSB first). */
async function servedBit(index: number): Promise<boolean> {
  const list = (await served('http://localhost:3000/api/badges/status/revocation')).body as { credentialSubject: { encodedList: string } }
  const encoded = list.credentialSubject.encodedList
  expect(encoded.startsWith('u')).toBe(true)
  const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))
  expect(bytes.length).toBe(131_072 / 8)
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0
}

describe('Open Badges credentials', () => {
  it('a passing learner’s badge verifies with an independent verifier, fetching our issuer profile, key and status list', async () => {
    const { user, certificate } = await certified()
    const { credential, version } = await openBadgeForDownload(certificate)
    expect(version).toBe(1)
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    const badge = (await db.certificateBadge.findUnique({ where: { certificateId: certificate.id } }))!
    // The recipient is the salted hash of the email as stored (lower-cased), nothing else about them.
    expect(credential.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: badge.salt, identityHash: hashEmail(user.email, badge.salt) }])
    expect(JSON.stringify(credential)).not.toContain(user.email)
    expect(JSON.stringify(credential)).not.toContain(user.name)
    expect(credential.validUntil).toBe(certificate.validUntil.toISOString())
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain('nilai minimal 80')
    const result = await verify(credential)
    expect(result.error).toBeUndefined()
    expect(result.verified).toBe(true)
    expect(revokedStatus(result)).toBe(false)
    // "Data saya" lists what the badge holds about the person.
    const data = (await personalDataOf(user.id))!
    expect(data.certificates[0]!.badge).toMatchObject({ statusIndex: badge.statusIndex, identityHash: badge.identityHash, salt: badge.salt })
  })

  it('is the same bytes on every download, with a stable status index per certificate', async () => {
    const { certificate } = await certified()
    const first = JSON.stringify((await openBadgeForDownload(certificate)).credential)
    const second = JSON.stringify((await openBadgeForDownload(certificate)).credential)
    expect(second).toBe(first)
    const { certificate: other } = await certified()
    const [a, b] = await Promise.all([ensureCertificateBadge(certificate.id), ensureCertificateBadge(other.id)])
    expect(a.statusIndex).not.toBe(b.statusIndex)
    expect((await ensureCertificateBadge(certificate.id)).statusIndex).toBe(a.statusIndex)
  })

  it('gives concurrent first downloads of different certificates different indexes', async () => {
    const made = await Promise.all([certified(), certified(), certified(), certified()])
    const badges = await Promise.all(made.map(({ certificate }) => ensureCertificateBadge(certificate.id)))
    expect(new Set(badges.map((badge) => badge.statusIndex)).size).toBe(4)
  })

  it('a tampered badge fails verification', async () => {
    const { certificate } = await certified()
    const { credential } = await openBadgeForDownload(certificate)
    const tampered = structuredClone(credential)
    tampered.validUntil = '2099-12-31T00:00:00.000Z'
    const result = await verify(tampered)
    expect(result.verified).toBe(false)
    expect(JSON.stringify(result.error ?? result)).toMatch(/Invalid signature/)
  })

  it('revoking the certificate flips its bit in the served, signed list; other badges stay valid', async () => {
    const { certificate } = await certified()
    const { certificate: kept } = await certified()
    const { credential } = await openBadgeForDownload(certificate)
    const { credential: keptCredential } = await openBadgeForDownload(kept)
    const index = Number(credential.credentialStatus.statusListIndex)
    expect(await servedBit(index)).toBe(false)

    await revokeCertificate(adminId, certificate.id, 'Data kelulusan tidak sah')
    expect(await servedBit(index)).toBe(true)
    const result = await verify(credential)
    expect(revokedStatus(result)).toBe(true)
    const keptResult = await verify(keptCredential)
    expect(keptResult.verified).toBe(true)
    expect(revokedStatus(keptResult)).toBe(false)

    // A badge first downloaded after the revocation reads as revoked too.
    const { certificate: late } = await certified()
    await revokeCertificate(adminId, late.id, 'Data kelulusan tidak sah')
    expect(revokedStatus(await verify((await openBadgeForDownload(late)).credential))).toBe(true)
  })

  it('serves the issuer profile, key and list publicly with their media types and short caching', async () => {
    const { key } = await getBadgeKey()
    const issuer = await served('http://localhost:3000/api/badges/issuer')
    expect(issuer).toMatchObject({ status: 200, contentType: 'application/ld+json', cache: 'public, max-age=300' })
    expect(issuer.body).toMatchObject({ id: 'http://localhost:3000/api/badges/issuer', type: ['Profile'], assertionMethod: [key.keyId] })
    const keyDocument = await served(key.keyId)
    expect(keyDocument).toMatchObject({ status: 200, body: { type: 'Multikey', controller: 'http://localhost:3000/api/badges/issuer', publicKeyMultibase: key.publicKeyMultibase } })
    expect((await served('http://localhost:3000/api/badges/keys/z6MkAnotherKey')).status).toBe(404)
    const list = await served('http://localhost:3000/api/badges/status/revocation')
    expect(list).toMatchObject({ status: 200, contentType: 'application/vc+ld+json', cache: 'public, max-age=60' })
    expect(list.body).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: 'http://localhost:3000/api/badges/issuer', proof: { cryptosuite: 'eddsa-rdfc-2022' } })
  })

  it('makes one issuer key, kept in the database for every instance', async () => {
    await getBadgeKey()
    expect(await db.badgeSigningKey.count()).toBe(1)
  })

  it('forgets the recipient hash when the certificate is anonymised, keeping its status index', async () => {
    const { certificate } = await certified()
    const badge = await ensureCertificateBadge(certificate.id)
    await db.certificate.update({ where: { id: certificate.id }, data: { validUntil: new Date('2000-01-01T00:00:00Z') } })
    await anonymiseExpiredCertificates(db, new Date())
    expect(await db.certificateBadge.findUnique({ where: { certificateId: certificate.id } })).toMatchObject({ statusIndex: badge.statusIndex, identityHash: '', salt: '' })
  })
})
