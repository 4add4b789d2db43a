import 'server-only'
import { randomBytes } from 'node:crypto'
import { ensureCurrentVersionPdf } from '@/lib/certificates/certificates.server'
import { buildVerifyUrl } from '@/lib/certificates/verification-code'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { env } from '@/lib/env.server'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { newBadgeKeyPem } from './badge-key'
import {
  buildOpenBadgeCredential,
  buildStatusListCredential,
  encodeStatusList,
  hashEmail,
  issuerDocuments,
  issuerProfile,
  keyDocument,
  loadBadgeKey,
  signCredential,
  type BadgeKey,
} from './open-badge'

/** The one row of `badge_signing_key`. */
const GENERATED_ID = 'generated'
const MAX_TRIES = 10

/** The PEM of the badge key: BADGE_SIGNING_KEY, or the generated one in the database (made on first use; two instances at once keep one). */
async function badgeKeyPem(): Promise<string> {
  if (env.BADGE_SIGNING_KEY) return env.BADGE_SIGNING_KEY
  const row = await db.badgeSigningKey.findUnique({ where: { id: GENERATED_ID } })
  if (row) return row.keyPem
  try {
    return (await db.badgeSigningKey.create({ data: { id: GENERATED_ID, keyPem: newBadgeKeyPem() } })).keyPem
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return (await db.badgeSigningKey.findUniqueOrThrow({ where: { id: GENERATED_ID } })).keyPem
  }
}

let loaded: { base: string; key: Promise<BadgeKey> } | null = null

/** The issuer key with its ids under the public base URL (the admin may change the URL: reloaded then). */
export async function getBadgeKey(publicBaseUrl?: string): Promise<{ key: BadgeKey; base: string }> {
  const base = publicBaseUrl ?? (await getCourseSettings()).publicBaseUrl
  if (!loaded || loaded.base !== base) {
    const key = badgeKeyPem().then((pem) => loadBadgeKey(pem, base))
    // Not cached on failure: a database that was unreachable may be back on the next call.
    key.catch(() => {
      if (loaded?.key === key) loaded = null
    })
    loaded = { base, key }
  }
  return { key: await loaded.key, base }
}

/** The issuer Profile served at /api/badges/issuer. */
export async function getIssuerProfile() {
  const { key, base } = await getBadgeKey()
  return issuerProfile(base, key)
}

/** The key document served at /api/badges/keys/<publicKeyMultibase>, or null for any other key. */
export async function getKeyDocument(publicKeyMultibase: string) {
  const { key, base } = await getBadgeKey()
  return key.publicKeyMultibase === publicKeyMultibase ? keyDocument(base, key) : null
}

/**
 * The certificate's badge record, made the first time its credential is asked for: the next free
 * status index (the unique index settles two at once: the loser takes the next), a random salt,
 * the hash of the holder's email, the pass mark in force.
 */
export async function ensureCertificateBadge(certificateId: string) {
  const existing = await db.certificateBadge.findUnique({ where: { certificateId } })
  if (existing) return existing
  const [{ passMark }, { user }] = await Promise.all([
    getCourseSettings(),
    db.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { user: { select: { email: true } } } }),
  ])
  const email = user.email
  const salt = randomBytes(16).toString('hex')
  for (let tryNumber = 1; ; tryNumber++) {
    const last = await db.certificateBadge.aggregate({ _max: { statusIndex: true } })
    try {
      return await db.certificateBadge.create({
        data: { certificateId, statusIndex: (last._max.statusIndex ?? -1) + 1, salt, identityHash: hashEmail(email, salt), passMark },
      })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      const made = await db.certificateBadge.findUnique({ where: { certificateId } })
      if (made) return made
      if (tryNumber >= MAX_TRIES) throw error
    }
  }
}

type BadgeCertificate = {
  id: string
  number: string
  code: string
  courseTitle: string
  jp: number
  score: number
  validUntil: Date
}

/**
 * The signed Open Badges credential of the certificate's current version. Rebuilt on every
 * download from stored fields and signed with the version's issue time as the proof's time:
 * Ed25519 is deterministic, so each download of a version is the same bytes (as long as the
 * key and the public address stay). A revoked certificate's credential is the same document; its
 * bit in the status list says it is revoked.
 */
export async function openBadgeForDownload(certificate: BadgeCertificate) {
  const [badge, version, { key, base }] = await Promise.all([
    ensureCertificateBadge(certificate.id),
    ensureCurrentVersionPdf(certificate.id),
    getBadgeKey(),
  ])
  const credential = buildOpenBadgeCredential({
    publicBaseUrl: base,
    verifyUrl: buildVerifyUrl(base, certificate.code),
    number: certificate.number,
    version: version.version,
    courseTitle: certificate.courseTitle,
    jp: certificate.jp,
    score: certificate.score,
    passMark: badge.passMark,
    issuedAt: version.issuedAt,
    validUntil: certificate.validUntil,
    identityHash: badge.identityHash,
    salt: badge.salt,
    statusIndex: badge.statusIndex,
  })
  return { credential: await signCredential(credential, key, version.issuedAt, issuerDocuments(base, key)), version: version.version }
}

let statusListCache: { base: string; keyId: string; encodedList: string; document: Record<string, unknown> } | null = null

/**
 * The signed revocation list: bit i is set when the certificate with status index i is revoked.
 * Read from the database on every call (one indexed query), signed again only when a bit or the
 * address changed since the last call in this process, so a revocation shows at once here and
 * within the response's cache time elsewhere.
 */
export async function getStatusListCredential() {
  const { key, base } = await getBadgeKey()
  const revoked = await db.certificateBadge.findMany({ where: { certificate: { revokedAt: { not: null } } }, select: { statusIndex: true } })
  const indexes = revoked.map((row) => row.statusIndex)
  const encodedList = encodeStatusList(indexes)
  if (statusListCache && statusListCache.base === base && statusListCache.keyId === key.keyId && statusListCache.encodedList === encodedList) return statusListCache.document
  const at = new Date()
  // Whole seconds: the proof's `created` has no milliseconds either.
  at.setMilliseconds(0)
  const document = await signCredential(buildStatusListCredential(base, indexes, at), key, at, issuerDocuments(base, key))
  statusListCache = { base, keyId: key.keyId, encodedList, document }
  return document
}
