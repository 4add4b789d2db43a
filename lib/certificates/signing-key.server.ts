import 'server-only'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { env } from '@/lib/env.server'
import { createKeyPdfSigner, createSelfSignedIdentity, identityFromPem, type PdfSigner } from './pdf-signer'
import { exitUnlessSigningKeyLoads as checkAtStartUp, loadP12Signer, SIGNATURE_DETAILS, signingCertificateState, type SigningEnv } from './signing-key'

/** The one row of `signing_key`. */
const SELF_SIGNED_ID = 'self-signed'
export const SELF_SIGNED_SUBJECT = { commonName: 'Penerbit Sertifikat Bijak Bermedia Sosial (self-signed)', organization: 'Bijak Bermedia Sosial' }

/**
 * The self-signed key kept in the database: read, or made and stored on the first call. Two
 * instances starting at once both try to insert the one row; the loser reads the winner's, so
 * every instance signs with the same key.
 */
export async function loadSelfSignedSigner(): Promise<PdfSigner> {
  let row = await db.signingKey.findUnique({ where: { id: SELF_SIGNED_ID } })
  if (!row) {
    const made = await createSelfSignedIdentity(SELF_SIGNED_SUBJECT)
    try {
      row = await db.signingKey.create({ data: { id: SELF_SIGNED_ID, ...made } })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      row = await db.signingKey.findUniqueOrThrow({ where: { id: SELF_SIGNED_ID } })
    }
  }
  return createKeyPdfSigner(identityFromPem(row.keyPem, row.certificatePem), SIGNATURE_DETAILS)
}

let signer: Promise<PdfSigner> | null = null

/** The signer of this process (decision 046): the configured PKCS#12 file, or the self-signed key in the database. */
export function getPdfSigner(source: SigningEnv = env): Promise<PdfSigner> {
  signer ??= (source.CERT_SIGNING_P12 ? loadP12Signer({ ...source, CERT_SIGNING_P12: source.CERT_SIGNING_P12 }) : loadSelfSignedSigner()).catch((error: unknown) => {
    // Not cached: a database that was unreachable may be back on the next call.
    signer = null
    throw error
  })
  return signer
}

/** Start-up check (instrumentation.ts): the configured key loads (and is kept for signing), or one line and exit. */
export function exitUnlessSigningKeyLoads(source: SigningEnv = env): Promise<void> {
  return checkAtStartUp(source, () => getPdfSigner(source))
}

/** For the admin page: who signs, until when, and whether that needs attention. */
export async function getSigningKeyStatus() {
  const loaded = await getPdfSigner()
  return {
    subject: loaded.subject,
    notBefore: loaded.notBefore,
    notAfter: loaded.notAfter,
    selfSigned: loaded.selfSigned,
    configured: !!env.CERT_SIGNING_P12,
    state: signingCertificateState(loaded),
  }
}
