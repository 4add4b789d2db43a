import { readFile } from 'node:fs/promises'
import { createKeyPdfSigner, readP12, SigningKeyError, type PdfSigner } from './pdf-signer'

/** The signing settings of the environment (lib/env.ts). */
export type SigningEnv = { CERT_SIGNING_P12?: string; CERT_SIGNING_PASSWORD?: string }

/** Days before the signing certificate's expiry from which the admin page warns. */
export const SIGNING_CERTIFICATE_WARN_DAYS = 30

/** The signer details written into every signature (the /Reason and /Location of the PDF). */
export const SIGNATURE_DETAILS = { reason: 'Sertifikat pelatihan Bijak Bermedia Sosial', location: 'Indonesia' }

/** A configured key that cannot be used: its message is the one line printed at start-up. */
export class SigningConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SigningConfigError'
  }
}

function describeSource(value: string): string {
  return value.startsWith('base64:') ? 'base64:…' : value
}

/**
 * The configured PKCS#12 file as a signer: read from the path (or `base64:…`), opened with the
 * password. Any problem is a SigningConfigError whose message is one line in Bahasa Indonesia and
 * English naming the variable (no stack): start-up prints it and stops.
 */
export async function loadP12Signer(source: SigningEnv & { CERT_SIGNING_P12: string }): Promise<PdfSigner> {
  const value = source.CERT_SIGNING_P12
  const where = describeSource(value)
  let bytes: Uint8Array
  if (value.startsWith('base64:')) {
    bytes = Buffer.from(value.slice('base64:'.length), 'base64')
    if (bytes.length === 0) throw new SigningConfigError('CERT_SIGNING_P12 kosong (is empty): base64:… must hold the PKCS#12 file')
  } else {
    try {
      bytes = await readFile(value)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      throw new SigningConfigError(`CERT_SIGNING_P12 tidak dapat dibaca (cannot be read): ${where} (${code})`)
    }
  }
  if (source.CERT_SIGNING_PASSWORD === undefined) throw new SigningConfigError('CERT_SIGNING_PASSWORD wajib diisi bersama CERT_SIGNING_P12 (is required with CERT_SIGNING_P12)')
  try {
    return createKeyPdfSigner(readP12(bytes, source.CERT_SIGNING_PASSWORD), SIGNATURE_DETAILS)
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error
    const line = {
      password: `CERT_SIGNING_PASSWORD salah untuk CERT_SIGNING_P12 (wrong password for ${where})`,
      format: `CERT_SIGNING_P12 bukan berkas PKCS#12 .p12/.pfx (is not a PKCS#12 file): ${where}`,
      'no-key': `CERT_SIGNING_P12 tidak memuat kunci privat dengan sertifikatnya (holds no private key with its certificate): ${where}`,
      'not-rsa': `CERT_SIGNING_P12 memuat kunci atau sertifikat selain RSA, mis. sertifikat yang diterbitkan otoritas ber-EC (holds a non-RSA key or certificate; only RSA is supported): ${where}`,
    }[error.kind]
    throw new SigningConfigError(line)
  }
}

export type SigningCertificateState = 'valid' | 'expiring' | 'expired' | 'not-yet-valid'

/** Whether the signing certificate is in force at `now`, or expires within SIGNING_CERTIFICATE_WARN_DAYS. */
export function signingCertificateState(signer: Pick<PdfSigner, 'notBefore' | 'notAfter'>, now = new Date()): SigningCertificateState {
  if (now < signer.notBefore) return 'not-yet-valid'
  if (now > signer.notAfter) return 'expired'
  if (signer.notAfter.getTime() - now.getTime() < SIGNING_CERTIFICATE_WARN_DAYS * 86_400_000) return 'expiring'
  return 'valid'
}

/**
 * Start-up check (instrumentation.ts): a configured PKCS#12 file that cannot be read or opened
 * stops the process with one line on stderr and no stack. Nothing to check without
 * CERT_SIGNING_P12: the self-signed key is made on first use (the database may still be
 * migrating when the server starts). A certificate that is expired or about to be is only
 * reported (the admin page says so too): certificates keep being issued and signed.
 */
export async function exitUnlessSigningKeyLoads(source: SigningEnv, load: () => Promise<PdfSigner> = () => loadP12Signer({ ...source, CERT_SIGNING_P12: source.CERT_SIGNING_P12 ?? '' })): Promise<void> {
  if (!source.CERT_SIGNING_P12) return
  try {
    const loaded = await load()
    const state = signingCertificateState(loaded)
    if (state !== 'valid') console.warn(`certificates: the signing certificate ${loaded.subject} is ${state} (valid ${loaded.notBefore.toISOString()} – ${loaded.notAfter.toISOString()})`)
  } catch (error) {
    if (!(error instanceof SigningConfigError)) throw error
    console.error(`Invalid environment: ${error.message}`)
    process.exit(1)
  }
}
