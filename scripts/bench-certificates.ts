/**
 * Renders 1,000 certificates in one process (after a warm-up) and prints the
 * median and p95 milliseconds per certificate and the average file size; then the same
 * certificates rendered and signed (decision 046: the PKCS#12 signer with a 2048-bit RSA key, as
 * storeVersionPdf does), and for comparison @signpdf's stock P12Signer (forge's RSA, the P12
 * parsed per signature) on a few. The last line is one JSON object with the figures.
 *   npx tsx scripts/bench-certificates.ts [count]
 */
import { performance } from 'node:perf_hooks'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import { PDFDocument } from 'pdf-lib'
import { createKeyPdfSigner, createSelfSignedIdentity, identityFromPem, p12FromPem } from '../lib/certificates/pdf-signer'
import { formatCertificateNumber } from '../lib/certificates/certificate-number'
import { createCertificateRenderer } from '../lib/certificates/render-certificate'
import { SAMPLE_PUBLIC_BASE_URL, sampleCertificateData } from '../lib/certificates/sample-certificate-data'
import { buildVerifyUrl, newVerificationCode } from '../lib/certificates/verification-code'

const count = Number(process.argv[2] ?? 1000)
const warmUp = 50
const names = [
  'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.',
  "Muh. Ma'ruf O'Neil, S.H.",
  'José Ñúñez Pérez, S.E.',
  'Andi Besse Tenri Awaru Daeng Matasa, S.Sos., M.A.P.',
  'Siti Rahayu',
]

const renderer = createCertificateRenderer()

function dataFor(k: number) {
  const code = newVerificationCode()
  return sampleCertificateData({
    name: names[k % names.length],
    number: formatCertificateNumber(2026, (k % 999_999) + 1),
    verificationCode: code,
    verifyUrl: buildVerifyUrl(SAMPLE_PUBLIC_BASE_URL, code),
    score: 80 + (k % 21),
  })
}

for (let k = 0; k < warmUp; k++) await renderer.render(dataFor(k))

const times: number[] = []
let totalBytes = 0
const started = performance.now()
for (let k = 0; k < count; k++) {
  const data = dataFor(k)
  const t0 = performance.now()
  const bytes = await renderer.render(data)
  times.push(performance.now() - t0)
  totalBytes += bytes.length
}
const wallMs = performance.now() - started

// Rendered and signed, as storeVersionPdf makes a version's file.
const pem = await createSelfSignedIdentity({ commonName: 'Bench Signer', organization: 'Bijak Bermedia Sosial' })
const signer = createKeyPdfSigner(identityFromPem(pem.keyPem, pem.certificatePem))
for (let k = 0; k < warmUp; k++) await signer.sign(await renderer.render(dataFor(k)), new Date())
const signedTimes: number[] = []
const signOnlyTimes: number[] = []
let signedBytes = 0
for (let k = 0; k < count; k++) {
  const data = dataFor(k)
  const t0 = performance.now()
  const pdf = await renderer.render(data)
  const t1 = performance.now()
  const signed = await signer.sign(pdf, new Date())
  const t2 = performance.now()
  signedTimes.push(t2 - t0)
  signOnlyTimes.push(t2 - t1)
  signedBytes += signed.bytes.length
}

// @signpdf's stock P12Signer for comparison (a new one per signature: it consumes its P12 buffer).
const stockCount = Math.min(30, count)
const p12 = Buffer.from(p12FromPem(pem.keyPem, pem.certificatePem, 'bench'))
const stockTimes: number[] = []
const sample = await renderer.render(dataFor(0))
for (let k = 0; k < stockCount + 3; k++) {
  const t0 = performance.now()
  const doc = await PDFDocument.load(sample, { updateMetadata: false })
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'bench', location: 'bench', contactInfo: '', name: 'bench', signingTime: new Date() })
  await new SignPdf().sign(Buffer.from(await doc.save({ useObjectStreams: false })), new P12Signer(p12, { passphrase: 'bench' }))
  if (k >= 3) stockTimes.push(performance.now() - t0)
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d
const median = (values: number[], q = 0.5) => {
  const sorted = [...values].sort((a, b) => a - b)
  return round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN)
}
const result = {
  count,
  medianMs: median(times),
  p95Ms: median(times, 0.95),
  maxMs: round(Math.max(...times)),
  avgKiB: round(totalBytes / count / 1024),
  totalSeconds: round(wallMs / 1000),
  /** Rendered and signed, per certificate (decision 046). */
  signedMedianMs: median(signedTimes),
  signedP95Ms: median(signedTimes, 0.95),
  signOnlyMedianMs: median(signOnlyTimes),
  signedAvgKiB: round(signedBytes / count / 1024),
  /** The signature alone with @signpdf's stock P12Signer, on stockCount certificates. */
  stockP12SignMedianMs: median(stockTimes),
  stockCount,
}

console.log(`Rendered ${count} certificates (after ${warmUp} warm-up renders) in ${result.totalSeconds} s`)
console.log(`median ${result.medianMs} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms per certificate`)
console.log(`average file size ${result.avgKiB} KiB`)
console.log(`signed: median ${result.signedMedianMs} ms, p95 ${result.signedP95Ms} ms per certificate (signature alone ${result.signOnlyMedianMs} ms), ${result.signedAvgKiB} KiB`)
console.log(`@signpdf's stock P12Signer: ${result.stockP12SignMedianMs} ms per signature (median of ${stockCount})`)
console.log(JSON.stringify(result))
