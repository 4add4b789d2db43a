/**
 * Integrity check of an XLSX (ZIP) file held in memory, run before exceljs sees it.
 *
 * Why: exceljs's streaming reader (through unzipper) never settles on a truncated or
 * corrupted ZIP — the promise just hangs — and it would happily inflate a ZIP bomb into a temp
 * file. Reading the central directory and inflating every entry once (output discarded, CRC
 * checked, total size capped) turns those cases into a clear message in a fraction of a second.
 */
import { createInflateRaw } from 'node:zlib'

export type ZipCheck =
  | { ok: true; entries: string[] }
  | { ok: false; reason: 'truncated' | 'corrupt' | 'not-xlsx' | 'encrypted' | 'too-big' | 'unsupported' }

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return c
}

interface Entry {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  localOffset: number
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff)
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i
  }
  return -1
}

function readCentralDirectory(buf: Buffer): Entry[] | 'truncated' | 'unsupported' {
  if (buf.length < 22) return 'truncated'
  const eocd = findEocd(buf)
  if (eocd < 0) return 'truncated'
  const count = buf.readUInt16LE(eocd + 10)
  const size = buf.readUInt32LE(eocd + 12)
  const offset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || offset === 0xffffffff) return 'unsupported' // ZIP64: no roster needs it
  if (offset + size > eocd) return 'truncated'
  const entries: Entry[] = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) return 'truncated'
    const nameLength = buf.readUInt16LE(p + 28)
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    })
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return entries
}

async function inflatedCrc(data: Buffer, budget: { left: number }): Promise<number | 'too-big'> {
  const inflater = createInflateRaw()
  inflater.end(data)
  let crc = 0xffffffff
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    budget.left -= chunk.length
    if (budget.left < 0) {
      inflater.destroy()
      return 'too-big'
    }
    crc = crc32Update(crc, chunk)
  }
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * Checks that `buf` is a complete, uncorrupted ZIP that looks like an XLSX workbook and that
 * inflates to at most `maxUncompressedBytes` in total.
 */
export async function checkXlsxZip(buf: Buffer, maxUncompressedBytes: number): Promise<ZipCheck> {
  const entries = readCentralDirectory(buf)
  if (typeof entries === 'string') return { ok: false, reason: entries }
  const names = entries.map((e) => e.name)
  if (!names.includes('xl/workbook.xml') || !names.some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    return { ok: false, reason: 'not-xlsx' }
  }
  const budget = { left: maxUncompressedBytes }
  for (const entry of entries) {
    if (entry.flags & 1) return { ok: false, reason: 'encrypted' }
    const p = entry.localOffset
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) return { ok: false, reason: 'corrupt' }
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28)
    const end = start + entry.compressedSize
    if (end > buf.length) return { ok: false, reason: 'truncated' }
    const data = buf.subarray(start, end)
    let crc: number | 'too-big'
    if (entry.method === 0) {
      budget.left -= data.length
      crc = budget.left < 0 ? 'too-big' : (crc32Update(0xffffffff, data) ^ 0xffffffff) >>> 0
    } else if (entry.method === 8) {
      try {
        crc = await inflatedCrc(data, budget)
      } catch {
        return { ok: false, reason: 'corrupt' }
      }
    } else {
      return { ok: false, reason: 'unsupported' }
    }
    if (crc === 'too-big') return { ok: false, reason: 'too-big' }
    if (crc !== entry.crc) return { ok: false, reason: 'corrupt' }
  }
  return { ok: true, entries: names }
}
