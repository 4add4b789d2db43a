/**
 * Renders 1,000 certificates in one process (after a warm-up) and prints the
 * median and p95 milliseconds per certificate and the average file size.
 * The last line is one JSON object with the figures.
 *   npx tsx scripts/bench-certificates.ts [count]
 */
import { performance } from 'node:perf_hooks'
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

times.sort((a, b) => a - b)
const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d
const result = {
  count,
  medianMs: round(pick(0.5)),
  p95Ms: round(pick(0.95)),
  maxMs: round(times[times.length - 1] ?? Number.NaN),
  avgKiB: round(totalBytes / count / 1024),
  totalSeconds: round(wallMs / 1000),
}

console.log(`Rendered ${count} certificates (after ${warmUp} warm-up renders) in ${result.totalSeconds} s`)
console.log(`median ${result.medianMs} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms per certificate`)
console.log(`average file size ${result.avgKiB} KiB`)
console.log(JSON.stringify(result))
