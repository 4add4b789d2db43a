/**
 * Renders one sample certificate for design review, without a database.
 *   npx tsx scripts/cert-sample.ts [out.pdf]
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { createCertificateRenderer } from '../lib/certificates/render-certificate'
import { sampleCertificateData } from '../lib/certificates/sample-certificate-data'

const out = path.resolve(process.argv[2] ?? 'certificate-sample.pdf')
const renderer = createCertificateRenderer()
const bytes = await renderer.render(sampleCertificateData())
writeFileSync(out, bytes)
console.log(`Wrote ${out} (${(bytes.length / 1024).toFixed(1)} KiB)`)
