import { createHash, createPublicKey } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import { parseBadgeKey } from './badge-key'
import { createDocumentLoader, MULTIKEY_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './linked-data'

/**
 * Open Badges 3.0 credentials (issue 16 §2, decision 050): a W3C VC 2.0 `OpenBadgeCredential`
 * per certificate version, a Bitstring Status List for revocation, both signed with a Data
 * Integrity proof (`eddsa-rdfc-2022`) by the issuer's Ed25519 key. Pure: the database parts are
 * in badges.server.ts.
 */

/** Bits in the status list: the spec's minimum (16 KiB), so one entry hides among 131,072. */
export const STATUS_LIST_LENGTH = 131_072
export const ISSUER_NAME = 'Bijak Bermedia Sosial'

/** The stable public addresses of the issuer's documents under the app's public base URL. */
export function badgeUrls(publicBaseUrl: string) {
  const base = new URL(publicBaseUrl)
  const root = `${base.origin}${base.pathname.replace(/\/+$/, '')}`
  return {
    root,
    issuer: `${root}/api/badges/issuer`,
    /** The key's document; its id carries the public key so a rotated key gets a new address. */
    key: (publicKeyMultibase: string) => `${root}/api/badges/keys/${publicKeyMultibase}`,
    statusList: `${root}/api/badges/status/revocation`,
    achievement: `${root}/api/badges/issuer#achievement`,
  }
}

export type BadgeKey = {
  keyPair: Ed25519Multikey.Ed25519KeyPair
  publicKeyMultibase: string
  /** The verification method's id (the key document's URL). */
  keyId: string
}

/** The signing key pair (Multikey) of a PKCS#8 PEM Ed25519 key, with its key id under the base URL. */
export async function loadBadgeKey(pem: string, publicBaseUrl: string): Promise<BadgeKey> {
  const privateKey = parseBadgeKey(pem)
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, unknown>
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as Record<string, unknown>
  const urls = badgeUrls(publicBaseUrl)
  const probe = await Ed25519Multikey.fromJwk({ jwk: publicJwk })
  const keyId = urls.key(probe.publicKeyMultibase)
  const keyPair = await Ed25519Multikey.fromJwk({ jwk, secretKey: true, id: keyId, controller: urls.issuer })
  return { keyPair, publicKeyMultibase: keyPair.publicKeyMultibase, keyId }
}

/** The issuer's Profile (OB 3.0), also the controller document of its key: `assertionMethod` lists it. */
export function issuerProfile(publicBaseUrl: string, key: Pick<BadgeKey, 'keyId'>) {
  const urls = badgeUrls(publicBaseUrl)
  return {
    '@context': [
      VC_V2_CONTEXT,
      OB_V3_CONTEXT,
      // Neither context defines a top-level assertionMethod; verifiers read it from here.
      { assertionMethod: { '@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set' } },
    ],
    id: urls.issuer,
    type: ['Profile'],
    name: ISSUER_NAME,
    url: urls.root,
    description: 'Kursus daring Bijak Bermedia Sosial bagi Aparatur Sipil Negara.',
    assertionMethod: [key.keyId],
  }
}

/** The public key document (a Multikey) at its id. */
export function keyDocument(publicBaseUrl: string, key: Pick<BadgeKey, 'keyId' | 'publicKeyMultibase'>) {
  return {
    '@context': MULTIKEY_CONTEXT,
    id: key.keyId,
    type: 'Multikey',
    controller: badgeUrls(publicBaseUrl).issuer,
    publicKeyMultibase: key.publicKeyMultibase,
  }
}

/** The documents a verifier dereferences, by URL: the issuer profile and the key. */
export function issuerDocuments(publicBaseUrl: string, key: BadgeKey): Map<string, unknown> {
  return new Map<string, unknown>([
    [badgeUrls(publicBaseUrl).issuer, issuerProfile(publicBaseUrl, key)],
    [key.keyId, keyDocument(publicBaseUrl, key)],
  ])
}

/** "sha256$" + hex SHA-256 of the lower-case email followed by the salt (OB 3.0 IdentityObject). */
export function hashEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`
}

export type OpenBadgeInput = {
  publicBaseUrl: string
  /** The certificate's /verify address: the credential's id is it with the version as a fragment. */
  verifyUrl: string
  number: string
  version: number
  courseTitle: string
  jp: number
  score: number
  passMark: number
  /** The version's issue time (validFrom, and the proof's `created`). */
  issuedAt: Date
  validUntil: Date
  identityHash: string
  salt: string
  statusIndex: number
}

function jpLabel(jp: number): string {
  return String(jp).replace('.', ',')
}

/** The unsigned credential of one certificate version. Same input, same document. */
export function buildOpenBadgeCredential(input: OpenBadgeInput) {
  const urls = badgeUrls(input.publicBaseUrl)
  const jp = jpLabel(input.jp)
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `${input.verifyUrl}#open-badge-v${input.version}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${input.courseTitle} (${jp} JP)`,
    description: `Sertifikat ${input.number}, versi ${input.version}. Status terkini: ${input.verifyUrl}`,
    issuer: { id: urls.issuer, type: ['Profile'], name: ISSUER_NAME, url: urls.root },
    validFrom: input.issuedAt.toISOString(),
    validUntil: input.validUntil.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: input.identityHash, identityType: 'emailAddress', hashed: true, salt: input.salt }],
      creditsEarned: input.jp,
      achievement: {
        id: urls.achievement,
        type: ['Achievement'],
        achievementType: 'Course',
        name: input.courseTitle,
        description: `Pelatihan daring ${input.courseTitle} sebanyak ${jp} jam pelajaran (JP).`,
        criteria: {
          narrative: `Menyelesaikan seluruh pelajaran kursus daring ${input.courseTitle} dan lulus post-test dengan nilai minimal ${input.passMark} dari 100 (nilai yang diraih: ${input.score}). Bobot pelatihan: ${jp} JP.`,
        },
        creditsAvailable: input.jp,
        fieldOfStudy: 'Literasi digital dan etika bermedia sosial',
      },
    },
    credentialStatus: {
      id: `${urls.statusList}#${input.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(input.statusIndex),
      statusListCredential: urls.statusList,
    },
  }
}

/**
 * Signs a credential with a Data Integrity proof (eddsa-rdfc-2022) made at `created`. Ed25519
 * signatures are deterministic, so the same credential, key and time give the same bytes.
 */
export async function signCredential<T extends Record<string, unknown>>(credential: T, key: BadgeKey, created: Date, documents: Map<string, unknown>): Promise<T & { proof: Record<string, unknown> }> {
  const signer = key.keyPair.signer()
  signer.id = key.keyId
  const suite = new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: created })
  const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader: createDocumentLoader(documents), now: created })
  return signed as T & { proof: Record<string, unknown> }
}

/**
 * The list's `encodedList`: bit i set when index i is revoked (bit 0 the most significant bit of
 * the first byte), GZIP-compressed, multibase base64url without padding ('u' prefix).
 */
export function encodeStatusList(setIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): string {
  const bytes = new Uint8Array(length / 8)
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new RangeError(`status index out of range: ${index}`)
    bytes[index >> 3]! |= 0x80 >> (index & 7)
  }
  return `u${gzipSync(bytes).toString('base64url')}`
}

/** The unsigned status list credential with the given revoked indexes, valid from `at`. */
export function buildStatusListCredential(publicBaseUrl: string, revokedIndexes: Iterable<number>, at: Date) {
  const urls = badgeUrls(publicBaseUrl)
  return {
    '@context': [VC_V2_CONTEXT],
    id: urls.statusList,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuer,
    validFrom: at.toISOString(),
    credentialSubject: {
      id: `${urls.statusList}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(revokedIndexes),
    },
  }
}

/** A filename for the downloaded credential, e.g. `open-badge-BBS-2026-000123-v1.json`. */
export function badgeFilename(number: string, version: number): string {
  return `open-badge-${number.replace(/[^A-Za-z0-9]+/g, '-')}-v${version}.json`
}

/** The media type of a VC 2.0 credential secured with an embedded proof. */
export const BADGE_MEDIA_TYPE = 'application/vc+ld+json'
