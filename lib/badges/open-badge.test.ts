import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { verifyCredential } from '@digitalbazaar/vc'
import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { createHash, generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BadgeKeyError, newBadgeKeyPem, parseBadgeKey } from './badge-key'
import { createDocumentLoader } from './linked-data'
import {
  badgeFilename,
  badgeUrls,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  encodeStatusList,
  hashEmail,
  issuerDocuments,
  loadBadgeKey,
  signCredential,
  STATUS_LIST_LENGTH,
} from './open-badge'

const BASE = 'https://bijak.example.go.id'
const input = {
  publicBaseUrl: BASE,
  verifyUrl: `${BASE}/verify/ABCDEFGHJKMNPQRSTVWXYZ23`,
  number: 'BBS/2026/000123',
  version: 1,
  courseTitle: 'Bijak Bermedia Sosial bagi ASN',
  jp: 2,
  score: 86.67,
  passMark: 80,
  issuedAt: new Date('2026-03-01T03:00:00.000Z'),
  validUntil: new Date('2027-03-01T03:00:00.000Z'),
  identityHash: hashEmail('Budi@Example.go.id', 'c0ffee'),
  salt: 'c0ffee',
  statusIndex: 7,
}

const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })

async function setUp(revoked: number[] = []) {
  const key = await loadBadgeKey(newBadgeKeyPem(), BASE)
  const documents = issuerDocuments(BASE, key)
  const at = new Date('2026-06-01T00:00:00Z')
  documents.set(badgeUrls(BASE).statusList, await signCredential(buildStatusListCredential(BASE, revoked, at), key, at, documents))
  return { key, documents }
}

/** The independent verifier: @digitalbazaar/vc with the status list library's checkStatus. */
function verify(credential: unknown, documents: Map<string, unknown>) {
  const documentLoader = createDocumentLoader(documents)
  return verifyCredential({
    credential,
    suite: suite(),
    documentLoader,
    checkStatus: (options) => checkStatus({ ...options, documentLoader, suite: suite(), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true }),
    now: new Date('2026-06-01T00:00:00Z'),
  })
}

function statusOf(result: unknown): boolean | undefined {
  return (result as { results?: { status: boolean }[] }).results?.[0]?.status
}

describe('Open Badges 3.0 credential', () => {
  it('verifies with @digitalbazaar/vc and a loader that holds only the bundled contexts and the issuer documents', async () => {
    const { key, documents } = await setUp()
    const credential = await signCredential(buildOpenBadgeCredential(input), key, input.issuedAt, documents)
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: key.keyId, proofPurpose: 'assertionMethod', created: '2026-03-01T03:00:00Z' })
    const result = await verify(credential, documents)
    expect(result.error).toBeUndefined()
    expect(result.verified).toBe(true)
  })

  it('is the same document when made twice (deterministic per version)', async () => {
    const { key, documents } = await setUp()
    const a = await signCredential(buildOpenBadgeCredential(input), key, input.issuedAt, documents)
    const b = await signCredential(buildOpenBadgeCredential(input), key, input.issuedAt, documents)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('fails verification when a field is changed, or with another key', async () => {
    const { key, documents } = await setUp()
    const credential = await signCredential(buildOpenBadgeCredential(input), key, input.issuedAt, documents)
    const tampered = structuredClone(credential)
    tampered.credentialSubject.achievement.criteria.narrative = tampered.credentialSubject.achievement.criteria.narrative.replace('80', '50')
    expect((await verify(credential, documents)).verified).toBe(true)
    const result = await verify(tampered, documents)
    expect(result.verified).toBe(false)
    expect(JSON.stringify(result)).toMatch(/Invalid signature/)

    const other = await loadBadgeKey(newBadgeKeyPem(), BASE)
    const forged = await signCredential(buildOpenBadgeCredential(input), { ...other, keyId: key.keyId }, input.issuedAt, documents)
    const forgedResult = await verify(forged, documents)
    expect(forgedResult.verified).toBe(false)
    expect(JSON.stringify(forgedResult)).toMatch(/Invalid signature/)
  })

  it('carries the OB 3.0 fields: types, hashed email identifier, achievement with criteria and JP, validity, status entry', async () => {
    const credential = buildOpenBadgeCredential(input)
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(credential.issuer.id).toBe(`${BASE}/api/badges/issuer`)
    expect(credential.credentialSubject.identifier[0]).toEqual({
      type: 'IdentityObject',
      identityHash: 'sha256$' + createHash('sha256').update('budi@example.go.id' + 'c0ffee').digest('hex'),
      identityType: 'emailAddress',
      hashed: true,
      salt: 'c0ffee',
    })
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain('nilai minimal 80')
    expect(credential.credentialSubject.achievement.creditsAvailable).toBe(2)
    expect(credential.validFrom).toBe('2026-03-01T03:00:00.000Z')
    expect(credential.validUntil).toBe('2027-03-01T03:00:00.000Z')
    expect(credential.credentialStatus).toEqual({
      id: `${BASE}/api/badges/status/revocation#7`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: `${BASE}/api/badges/status/revocation`,
    })
  })

  it('refuses to load anything that is not bundled or given (no network)', async () => {
    await expect(createDocumentLoader()('https://example.org/context.json')).rejects.toThrow(/not available offline/)
  })
})

describe('status list', () => {
  it('encodes bits as the spec says (MSB first), read back by @digitalbazaar/vc-bitstring-status-list', async () => {
    const list = await decodeList({ encodedList: encodeStatusList([0, 7, 9, STATUS_LIST_LENGTH - 1]) })
    expect(list.length).toBe(STATUS_LIST_LENGTH)
    expect([0, 1, 7, 8, 9, 10, STATUS_LIST_LENGTH - 1].map((index) => list.getStatus(index))).toEqual([true, false, true, false, true, false, true])
    expect(() => encodeStatusList([STATUS_LIST_LENGTH])).toThrow(RangeError)
  })

  it('a signed list makes checkStatus read a listed credential as revoked and another as not', async () => {
    const { key, documents } = await setUp([7])
    const revoked = await signCredential(buildOpenBadgeCredential(input), key, input.issuedAt, documents)
    const kept = await signCredential(buildOpenBadgeCredential({ ...input, statusIndex: 8 }), key, input.issuedAt, documents)
    // The proof and the list both verify; the status (the bit) is what says "revoked".
    const revokedResult = await verify(revoked, documents)
    expect(revokedResult.verified).toBe(true)
    expect(statusOf(revokedResult.statusResult)).toBe(true)
    const keptResult = await verify(kept, documents)
    expect(keptResult.verified).toBe(true)
    expect(statusOf(keptResult.statusResult)).toBe(false)
  })

  it('a list signed by another key is not believed', async () => {
    const { key, documents } = await setUp([7])
    const other = await loadBadgeKey(newBadgeKeyPem(), BASE)
    const at = new Date('2026-06-01T00:00:00Z')
    documents.set(badgeUrls(BASE).statusList, await signCredential(buildStatusListCredential(BASE, [], at), { ...other, keyId: key.keyId }, at, documents))
    const credential = await signCredential(buildOpenBadgeCredential(input), key, input.issuedAt, documents)
    expect((await verify(credential, documents)).verified).toBe(false)
  })
})

describe('keys', () => {
  it('accepts an Ed25519 PKCS#8 PEM (also with \\n escapes or as base64:), refuses others with one line', () => {
    const pem = newBadgeKeyPem()
    expect(parseBadgeKey(pem).asymmetricKeyType).toBe('ed25519')
    expect(parseBadgeKey(pem.replace(/\n/g, '\\n')).asymmetricKeyType).toBe('ed25519')
    expect(parseBadgeKey(`base64:${Buffer.from(pem).toString('base64')}`).asymmetricKeyType).toBe('ed25519')
    expect(() => parseBadgeKey('-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----')).toThrow(BadgeKeyError)
    expect(() => parseBadgeKey('/nonexistent/badge.pem')).toThrow(/cannot be read.*ENOENT/)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'badge-key-')), 'badge.pem')
    writeFileSync(file, pem)
    expect(parseBadgeKey(file).asymmetricKeyType).toBe('ed25519')
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(() => parseBadgeKey(rsa)).toThrow(/must be an Ed25519 key, not rsa/)
  })

  it('names the file after the certificate number and version', () => {
    expect(badgeFilename('BBS/2026/000123', 2)).toBe('open-badge-BBS-2026-000123-v2.json')
  })
})
