import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import forge from 'node-forge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flipByte, pdfSignatures, pdfText, signedByteRange } from '../../tests/poppler'
import { createKeyPdfSigner, createSelfSignedIdentity, identityFromPem, p12FromPem, readP12, SigningKeyError, type PdfSigner } from './pdf-signer'
import { createCertificateRenderer } from './render-certificate'
import { sampleCertificateData } from './sample-certificate-data'
import { exitUnlessSigningKeyLoads, loadP12Signer, SigningConfigError, signingCertificateState } from './signing-key'

const VALID = 'Signature Validation: Signature is Valid.'
const at = new Date('2026-12-02T03:04:05Z')
let dir: string
let unsigned: Uint8Array
let pem: { keyPem: string; certificatePem: string }
let signer: PdfSigner

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bbs-signer-'))
  unsigned = await createCertificateRenderer().render(sampleCertificateData())
  pem = await createSelfSignedIdentity({ commonName: 'Penguji Tanda Tangan', organization: 'BKPSDM Contoh' })
  signer = createKeyPdfSigner(identityFromPem(pem.keyPem, pem.certificatePem), { reason: 'Uji', location: 'Jakarta' })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The page drawn by poppler at 40 dpi (PPM bytes): what a reader sees. */
function drawn(bytes: Uint8Array, name: string): Buffer {
  const file = path.join(dir, `${name}.pdf`)
  writeFileSync(file, bytes)
  execFileSync('pdftoppm', ['-r', '40', '-singlefile', file, path.join(dir, name)])
  return readFileSync(path.join(dir, `${name}.ppm`))
}

describe('the PKCS#12 PDF signer', () => {
  it('signs so that poppler reads one valid adbe.pkcs7.detached signature over the whole file, at the given time, by the key', async () => {
    const signed = await signer.sign(unsigned, at)
    expect(signed.signedAt).toEqual(at)
    expect(signed.subject).toBe('CN=Penguji Tanda Tangan, O=BKPSDM Contoh, C=ID')
    const report = pdfSignatures(signed.bytes)
    expect(report).toContain(VALID)
    expect(report).toContain('Signature Type: adbe.pkcs7.detached')
    expect(report).toContain('Signing Hash Algorithm: SHA-256')
    expect(report).toContain('Signer Certificate Common Name: Penguji Tanda Tangan')
    expect(report).toContain('Signing Time: Dec 02 2026 03:04:05')
    expect(report).toContain('Total document signed')
    // Self-signed: the signature is valid, the issuer is not one poppler trusts.
    expect(report).not.toContain('Certificate is Trusted')
    expect(signer.selfSigned).toBe(true)
  })

  it('is no longer valid when one byte inside the signed range changes (in the page content and in the trailer)', async () => {
    const { bytes } = await signer.sign(unsigned, at)
    const [, firstLength, secondStart] = signedByteRange(bytes)
    for (const offset of [Math.floor(firstLength / 2), bytes.length - 20, secondStart + 1]) {
      const report = pdfSignatures(flipByte(bytes, offset))
      expect(report, `byte ${offset}`).not.toContain(VALID)
    }
  })

  it('leaves the visible page unchanged: same text, same pixels', async () => {
    const { bytes } = await signer.sign(unsigned, at)
    expect(pdfText(bytes)).toBe(pdfText(unsigned))
    expect(drawn(bytes, 'signed').equals(drawn(unsigned, 'unsigned'))).toBe(true)
  })

  it('reads a PKCS#12 file, refuses a wrong password, a file that is not PKCS#12 and one without a key', () => {
    const p12 = p12FromPem(pem.keyPem, pem.certificatePem, 'kata-sandi-p12')
    const identity = readP12(p12, 'kata-sandi-p12')
    expect(createKeyPdfSigner(identity).subject).toBe(signer.subject)
    expect(() => readP12(p12, 'salah')).toThrow(SigningKeyError)
    expect(() => readP12(p12, 'salah')).toThrow(expect.objectContaining({ kind: 'password' }))
    expect(() => readP12(new TextEncoder().encode('bukan berkas p12'), 'x')).toThrow(expect.objectContaining({ kind: 'format' }))
    const certificateOnly = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(null, [forge.pki.certificateFromPem(pem.certificatePem)], 'x', { algorithm: 'aes256' })).getBytes()
    expect(() => readP12(Buffer.from(certificateOnly, 'binary'), 'x')).toThrow(expect.objectContaining({ kind: 'no-key' }))
  })

  it('reads an OpenSSL 3 PKCS#12 file (AES-256, PBKDF2) and refuses its EC key with a clear reason', async () => {
    const openssl = (args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' })
    if (openssl(['version']).status !== 0) return expect.fail('openssl is needed for this test (Debian openssl)')
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-out', 'rsa.crt', '-days', '30', '-subj', '/C=ID/O=Contoh/CN=OpenSSL Signer'])
    openssl(['pkcs12', '-export', '-inkey', 'rsa.key', '-in', 'rsa.crt', '-out', 'rsa.p12', '-passout', 'pass:rahasia'])
    const fromOpenSsl = createKeyPdfSigner(readP12(readFileSync(path.join(dir, 'rsa.p12')), 'rahasia'))
    expect(fromOpenSsl.subject).toBe('CN=OpenSSL Signer, O=Contoh, C=ID')
    expect(pdfSignatures((await fromOpenSsl.sign(unsigned, at)).bytes)).toContain(VALID)
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.key'])
    openssl(['req', '-x509', '-key', 'ec.key', '-out', 'ec.crt', '-days', '30', '-subj', '/CN=EC'])
    openssl(['pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.crt', '-out', 'ec.p12', '-passout', 'pass:x'])
    expect(() => readP12(readFileSync(path.join(dir, 'ec.p12')), 'x')).toThrow(expect.objectContaining({ kind: 'not-rsa' }))
    // An RSA signer issued by an EC authority, the authority's certificate in the file: the same
    // reason, not "is not a PKCS#12 file".
    openssl(['req', '-new', '-key', 'rsa.key', '-out', 'leaf.csr', '-subj', '/CN=RSA under EC'])
    openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ec.crt', '-CAkey', 'ec.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '30'])
    openssl(['pkcs12', '-export', '-inkey', 'rsa.key', '-in', 'leaf.crt', '-certfile', 'ec.crt', '-out', 'chain.p12', '-passout', 'pass:x'])
    expect(readFileSync(path.join(dir, 'chain.p12')).length).toBeGreaterThan(0)
    expect(() => readP12(readFileSync(path.join(dir, 'chain.p12')), 'x')).toThrow(expect.objectContaining({ kind: 'not-rsa', message: expect.stringMatching(/EC signature/) }))
  })
})

describe('the configured key (CERT_SIGNING_P12)', () => {
  it('loads from a path or base64 with the right password', async () => {
    const p12 = p12FromPem(pem.keyPem, pem.certificatePem, 'benar')
    const file = path.join(dir, 'signer.p12')
    writeFileSync(file, p12)
    expect((await loadP12Signer({ CERT_SIGNING_P12: file, CERT_SIGNING_PASSWORD: 'benar' })).subject).toBe(signer.subject)
    expect((await loadP12Signer({ CERT_SIGNING_P12: `base64:${Buffer.from(p12).toString('base64')}`, CERT_SIGNING_PASSWORD: 'benar' })).subject).toBe(signer.subject)
  })

  it.each([
    ['a wrong password', 'signer.p12', 'keliru', /^CERT_SIGNING_PASSWORD salah untuk CERT_SIGNING_P12 \(wrong password for .*signer\.p12\)$/],
    ['a missing password', 'signer.p12', undefined, /^CERT_SIGNING_PASSWORD wajib diisi bersama CERT_SIGNING_P12/],
    ['a missing file', 'tidak-ada.p12', 'benar', /^CERT_SIGNING_P12 tidak dapat dibaca \(cannot be read\): .*tidak-ada\.p12 \(ENOENT\)$/],
    ['a file that is not PKCS#12', 'bukan.p12', 'benar', /^CERT_SIGNING_P12 bukan berkas PKCS#12/],
  ])('refuses %s with one line', async (_, name, password, line) => {
    writeFileSync(path.join(dir, 'signer.p12'), p12FromPem(pem.keyPem, pem.certificatePem, 'benar'))
    writeFileSync(path.join(dir, 'bukan.p12'), 'bukan')
    const error = await loadP12Signer({ CERT_SIGNING_P12: path.join(dir, name), CERT_SIGNING_PASSWORD: password }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SigningConfigError)
    expect((error as Error).message).toMatch(line)
    expect((error as Error).message).not.toContain('\n')
  })

  it('stops start-up with one line on stderr and status 1 for a wrong password, and starts with the right one', () => {
    const file = path.join(dir, 'start.p12')
    writeFileSync(file, p12FromPem(pem.keyPem, pem.certificatePem, 'benar'))
    const start = (password: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('./lib/certificates/signing-key.ts').then((m) => m.exitUnlessSigningKeyLoads(${JSON.stringify({ CERT_SIGNING_P12: file, CERT_SIGNING_PASSWORD: password })})).then(() => console.log('started'))`], {
        encoding: 'utf8',
        cwd: path.resolve(import.meta.dirname, '../..'),
      })
    const refused = start('keliru')
    expect(refused.status).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toBe(`Invalid environment: CERT_SIGNING_PASSWORD salah untuk CERT_SIGNING_P12 (wrong password for ${file})\n`)
    const started = start('benar')
    expect(started.stderr).toBe('')
    expect(started.stdout).toBe('started\n')
    expect(started.status).toBe(0)
  }, 60_000)

  it('starts with an expired signing certificate, saying so on stderr (the admin page says it too), and still signs validly', async () => {
    const old = await createSelfSignedIdentity({ commonName: 'Kunci Lama', organization: 'Contoh', validFrom: new Date('2020-01-01'), validYears: 1 })
    const file = path.join(dir, 'expired.p12')
    writeFileSync(file, p12FromPem(old.keyPem, old.certificatePem, 'benar'))
    const warnings: string[] = []
    const realWarn = console.warn
    console.warn = (line: string) => warnings.push(line)
    try {
      await exitUnlessSigningKeyLoads({ CERT_SIGNING_P12: file, CERT_SIGNING_PASSWORD: 'benar' })
    } finally {
      console.warn = realWarn
    }
    expect(warnings).toEqual([expect.stringMatching(/^certificates: the signing certificate CN=Kunci Lama, O=Contoh, C=ID is expired \(valid 2019-12-31T23:59:00.000Z – 2021-01-01/)])
    const expired = await loadP12Signer({ CERT_SIGNING_P12: file, CERT_SIGNING_PASSWORD: 'benar' })
    expect(pdfSignatures((await expired.sign(unsigned, at)).bytes)).toContain(VALID)
  })

  it('says when the signing certificate is expired, expires within 30 days, or is not yet valid', () => {
    const signerValid = { notBefore: new Date('2026-01-01'), notAfter: new Date('2027-01-01') }
    expect(signingCertificateState(signerValid, new Date('2026-06-01'))).toBe('valid')
    expect(signingCertificateState(signerValid, new Date('2026-12-15'))).toBe('expiring')
    expect(signingCertificateState(signerValid, new Date('2027-01-02'))).toBe('expired')
    expect(signingCertificateState(signerValid, new Date('2025-12-31'))).toBe('not-yet-valid')
  })
})
