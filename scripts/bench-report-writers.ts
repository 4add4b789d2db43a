/**
 * Measures the report writers alone (no database): 100,000 synthetic completion rows from an
 * async generator → CSV into a discarding sink, and → XLSX into a temporary file; then a bulk
 * ZIP of 5,000 fake 64 KiB "PDFs" into a discarding sink. For each: time to first byte, total
 * time and peak RSS (sampled every 10 ms). Readable lines first, one JSON object last.
 *   npx tsx scripts/bench-report-writers.ts [rows] [zipEntries]
 * Targets (issue): CSV < 5 s, XLSX < 20 s for 100,000 rows, peak RSS < 300 MB.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { PassThrough, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { completionCsv } from '../lib/reports/csv'
import { sampleCompletionRows } from '../lib/reports/sample-rows'
import { completionXlsx } from '../lib/reports/xlsx'
import { streamZip, type ZipEntry } from '../lib/reports/zip'

const rowCount = Number(process.argv[2] ?? 100_000)
const zipEntries = Number(process.argv[3] ?? 5_000)
const MB = 1024 * 1024
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d

interface PhaseResult {
  ttfbMs: number
  totalMs: number
  bytes: number
  peakRssMB: number
  startRssMB: number
}

/** A /dev/null-like sink that counts bytes and notes when the first one arrived. */
class Sink extends Writable {
  bytes = 0
  firstAt = Number.NaN
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    if (this.bytes === 0) this.firstAt = performance.now()
    this.bytes += chunk.length
    callback()
  }
}

async function measure(run: () => Promise<{ firstAt: number; bytes: number }>): Promise<PhaseResult> {
  globalThis.gc?.()
  const startRss = process.memoryUsage.rss()
  let peak = startRss
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 10)
  const started = performance.now()
  const { firstAt, bytes } = await run()
  const totalMs = performance.now() - started
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage.rss())
  return {
    ttfbMs: round(firstAt - started, 2),
    totalMs: round(totalMs),
    bytes,
    peakRssMB: round(peak / MB),
    startRssMB: round(startRss / MB),
  }
}

const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'))
try {
  const csv = await measure(async () => {
    const sink = new Sink()
    await pipeline(completionCsv(sampleCompletionRows(rowCount), { delimiter: ';' }), sink)
    return { firstAt: sink.firstAt, bytes: sink.bytes }
  })
  console.log(
    `CSV  ${rowCount} rows: first byte ${csv.ttfbMs} ms, total ${round(csv.totalMs / 1000, 2)} s, ` +
      `${round(csv.bytes / MB)} MiB, peak RSS ${csv.peakRssMB} MB (start ${csv.startRssMB} MB)`,
  )

  const file = join(dir, 'laporan.xlsx')
  const xlsx = await measure(async () => {
    const tap = new PassThrough()
    let firstAt = Number.NaN
    tap.once('data', () => (firstAt = performance.now()))
    const toFile = pipeline(tap, createWriteStream(file))
    await completionXlsx(sampleCompletionRows(rowCount), tap)
    await toFile
    return { firstAt, bytes: statSync(file).size }
  })
  console.log(
    `XLSX ${rowCount} rows: first byte ${xlsx.ttfbMs} ms, total ${round(xlsx.totalMs / 1000, 2)} s, ` +
      `${round(xlsx.bytes / MB)} MiB, peak RSS ${xlsx.peakRssMB} MB (start ${xlsx.startRssMB} MB)`,
  )

  const pdf = new Uint8Array(64 * 1024).fill(37)
  const zip = await measure(async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let k = 0; k < zipEntries; k++) {
        yield { name: `${k}.pdf`, data: async () => pdf.slice() } // a fresh buffer, like a render
      }
    }
    const sink = new Sink()
    await streamZip(entries(), sink)
    return { firstAt: sink.firstAt, bytes: sink.bytes }
  })
  console.log(
    `ZIP  ${zipEntries} × 64 KiB: first byte ${zip.ttfbMs} ms, total ${round(zip.totalMs / 1000, 2)} s, ` +
      `${round(zip.bytes / MB)} MiB, peak RSS ${zip.peakRssMB} MB (start ${zip.startRssMB} MB)`,
  )

  const maxRssMB = round(process.resourceUsage().maxRSS / 1024)
  const targetsMet = csv.totalMs < 5_000 && xlsx.totalMs < 20_000 && maxRssMB < 300
  console.log(`process peak RSS ${maxRssMB} MB; targets (CSV < 5 s, XLSX < 20 s, RSS < 300 MB) ${targetsMet ? 'met' : 'NOT met'}`)
  console.log(JSON.stringify({ rows: rowCount, csv, xlsx, zip: { entries: zipEntries, ...zip }, maxRssMB, targetsMet }))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
