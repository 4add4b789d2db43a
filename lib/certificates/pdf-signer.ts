import { constants, createPrivateKey, generateKeyPair, privateEncrypt, randomBytes, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils'

/**
 * Signs a certificate's PDF once, at issuing (decision 046). Pluggable (product decision
 * "Certificates"): a local PKCS#12 file now (createKeyPdfSigner), a remote signing service later
 * behind the same interface. The signature is PAdES-compatible: a CMS SignedData
 * (`adbe.pkcs7.detached`, SHA-256, RSA) over the whole file except the signature itself, in an
 * invisible signature field, so the visible layout is unchanged.
 */
export interface PdfSigner {
  /** The signer certificate's subject, e.g. "CN=…, O=…" (shown on /verify). */
  readonly subject: string
  readonly notBefore: Date
  readonly notAfter: Date
  /** Whether the certificate is self-signed (the demo's key, or an explicit production choice). */
  readonly selfSigned: boolean
  sign(pdf: Uint8Array, at: Date): Promise<SignedPdf>
}

export type SignedPdf = { bytes: Uint8Array; signedAt: Date; subject: string }

/** A private key and its certificate (from a PKCS#12 file, or the demo's stored pair). */
export type SigningIdentity = { privateKey: KeyObject; certificate: forge.pki.Certificate; chain: forge.pki.Certificate[] }

/** Why a signing key cannot be used; `kind` picks the start-up line. */
export class SigningKeyError extends Error {
  constructor(
    readonly kind: 'password' | 'format' | 'no-key' | 'not-rsa',
    message: string,
  ) {
    super(message)
    this.name = 'SigningKeyError'
  }
}

const generateKeyPairAsync = promisify(generateKeyPair)

/** The object identifiers used here (forge types its table as possibly missing). */
const OIDS = {
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const

/** The DigestInfo prefix of SHA-256 (RFC 8017 §9.2 note 1): RSASSA-PKCS1-v1_5 signs prefix ‖ digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')
/**
 * Room for the CMS in the file, in hex digits (@signpdf's `signatureLength`): twice the bytes of the
 * certificates it carries, the RSA signature, and 1 KiB for the structure and signed attributes.
 * Sized per key rather than @signpdf's fixed 8,192 digits, which would add ~6 KiB of zeros to every file.
 */
function signatureLength(identity: SigningIdentity): number {
  const certificates = [identity.certificate, ...identity.chain].reduce((sum, cert) => sum + forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).length(), 0)
  const modulusBytes = Math.ceil((identity.privateKey.asymmetricKeyDetails?.modulusLength ?? 4096) / 8)
  return 2 * (certificates + modulusBytes + 1024)
}

export function certificateSubject(certificate: forge.pki.Certificate): string {
  return certificate.subject.attributes
    .filter((attribute) => attribute.shortName || attribute.name)
    .reverse()
    .map((attribute) => `${attribute.shortName ?? attribute.name}=${String(attribute.value)}`)
    .join(', ')
}

function isSelfSigned(certificate: forge.pki.Certificate): boolean {
  try {
    return certificate.isIssuer(certificate) && certificate.verify(certificate)
  } catch {
    return false
  }
}

/**
 * Reads a PKCS#12 file (.p12/.pfx) with its password: the RSA private key and the certificate
 * that matches it, plus any other certificates in the file (the chain, sent in the signature).
 * Parsed once (node-forge, pure JavaScript: ~50–300 ms depending on the file's key derivation);
 * signing then uses Node's crypto with the key.
 */
export function readP12(p12: Uint8Array, password: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')))
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
  } catch (error) {
    const message = (error as Error).message ?? ''
    if (/password|mac|invalid|decrypt/i.test(message) && !/too few bytes|asn\.?1|der/i.test(message)) {
      throw new SigningKeyError('password', 'wrong password, or the file is damaged')
    }
    throw new SigningKeyError('format', 'is not a PKCS#12 (.p12/.pfx) file')
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? []
  const keyBags = [...bags(OIDS.pkcs8ShroudedKeyBag), ...bags(OIDS.keyBag)]
  const certificates = bags(OIDS.certBag).flatMap((bag) => (bag.cert ? [bag.cert] : []))
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined
  if (!key) {
    // forge leaves `key` null (with the raw ASN.1 in `asn1`) for a key it cannot read, e.g. EC.
    if (keyBags.length > 0) throw new SigningKeyError('not-rsa', 'holds a key that is not RSA (only RSA keys are supported)')
    throw new SigningKeyError('no-key', 'holds no private key')
  }
  const certificate = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0
  })
  if (!certificate) {
    // forge leaves `cert` null for a certificate it cannot read: an EC key, or an RSA key signed
    // by an EC authority (an ECDSA signature).
    if (bags(OIDS.certBag).some((bag) => !bag.cert)) {
      throw new SigningKeyError('not-rsa', 'holds a certificate with an EC key or an EC signature, e.g. from an EC authority (only RSA is supported)')
    }
    throw new SigningKeyError('no-key', 'holds no certificate for its private key')
  }
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key))
  return { privateKey, certificate, chain: certificates.filter((cert) => cert !== certificate) }
}

/** The demo's stored pair (PEM), or any key + certificate given as PEM. */
export function identityFromPem(keyPem: string, certificatePem: string): SigningIdentity {
  return { privateKey: createPrivateKey(keyPem), certificate: forge.pki.certificateFromPem(certificatePem), chain: [] }
}

/** forge's `key.sign(md)` answered by Node's crypto (OpenSSL's RSA): RSASSA-PKCS1-v1_5 of forge's SHA-256 digest. */
function nodeRsaSigner(privateKey: KeyObject) {
  return {
    sign(md: forge.md.MessageDigest) {
      const digest = Buffer.from(md.digest().getBytes(), 'binary')
      return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest])).toString('binary')
    },
  } as unknown as forge.pki.rsa.PrivateKey
}

/**
 * A new self-signed signing identity (the demo's, made on first use; and tests'). The RSA key
 * comes from Node's crypto in its thread pool (forge's pure-JS key generation takes seconds, and
 * a synchronous one would stall every request of the process meanwhile); the certificate is built
 * by forge and signed by Node's crypto.
 */
export async function createSelfSignedIdentity(options: { commonName: string; organization: string; validFrom?: Date; validYears?: number }): Promise<{ keyPem: string; certificatePem: string }> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 })
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  // A positive serial number (the first byte below 0x80).
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`
  const from = options.validFrom ?? new Date()
  certificate.validity.notBefore = new Date(from.getTime() - 60_000)
  certificate.validity.notAfter = new Date(from)
  certificate.validity.notAfter.setFullYear(from.getFullYear() + (options.validYears ?? 10))
  const name = [
    { name: 'countryName', value: 'ID' },
    { name: 'organizationName', value: options.organization },
    { name: 'commonName', value: options.commonName },
  ]
  certificate.setSubject(name)
  certificate.setIssuer(name)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ])
  certificate.sign(nodeRsaSigner(privateKey), forge.md.sha256.create())
  return { keyPem, certificatePem: forge.pki.certificateToPem(certificate) }
}

/** A PKCS#12 file of a key and certificate given as PEM (tests, and `npm run certificates:p12`-style tooling). */
export function p12FromPem(keyPem: string, certificatePem: string, password: string): Uint8Array {
  const key = forge.pki.privateKeyFromPem(createPrivateKey(keyPem).export({ type: 'pkcs1', format: 'pem' }).toString())
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [forge.pki.certificateFromPem(certificatePem)], password, { algorithm: 'aes256' })
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'))
}

/**
 * @signpdf's Signer with the RSA step in Node's crypto: forge builds the CMS structure and hashes
 * the attributes, and asks `key.sign(md)` for the signature; we answer with an RSASSA-PKCS1-v1_5
 * signature of forge's digest made by OpenSSL (forge's own RSA in JavaScript costs far more:
 * decision 046's figures).
 */
class NodeCryptoCmsSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super()
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const { privateKey, certificate, chain } = this.identity
    const p7 = forge.pkcs7.createSignedData()
    p7.content = forge.util.createBuffer(content.toString('binary'))
    p7.addCertificate(certificate)
    for (const cert of chain) p7.addCertificate(cert)
    p7.addSigner({
      key: nodeRsaSigner(privateKey),
      certificate,
      digestAlgorithm: OIDS.sha256,
      // The order Adobe and the EU's DSS validator expect (as @signpdf/signer-p12).
      authenticatedAttributes: [
        { type: OIDS.contentType, value: OIDS.data },
        { type: OIDS.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: OIDS.messageDigest },
      ],
    })
    p7.sign({ detached: true })
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary')
  }
}

/**
 * The local signer: the PDF from pdf-lib gets an invisible signature field with a placeholder,
 * and @signpdf fills it with the CMS made by NodeCryptoCmsSigner.
 */
export function createKeyPdfSigner(identity: SigningIdentity, details: { reason?: string; location?: string; contactInfo?: string } = {}): PdfSigner {
  const cms = new NodeCryptoCmsSigner(identity)
  const length = signatureLength(identity)
  const subject = certificateSubject(identity.certificate)
  const commonName = String(identity.certificate.subject.getField('CN')?.value ?? subject)
  return {
    subject,
    notBefore: identity.certificate.validity.notBefore,
    notAfter: identity.certificate.validity.notAfter,
    selfSigned: isSelfSigned(identity.certificate),
    async sign(pdf, at) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false })
      pdflibAddPlaceholder({
        pdfDoc: doc,
        reason: details.reason ?? 'Sertifikat pelatihan',
        location: details.location ?? 'Indonesia',
        contactInfo: details.contactInfo ?? '',
        name: commonName,
        signingTime: at,
        signatureLength: length,
        subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
      })
      // Without object streams: 1–4 ms faster than with them, for ~2 KiB more (decision 046).
      const prepared = await doc.save({ useObjectStreams: false })
      const signed = await new SignPdf().sign(Buffer.from(prepared), cms, at)
      return { bytes: new Uint8Array(signed), signedAt: at, subject }
    },
  }
}
