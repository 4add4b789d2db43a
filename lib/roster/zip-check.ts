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
  | { ok: true; entries: string[]; layout: ZipEntry[] }
  | { ok: false; reason: 'truncated' | 'corrupt' | 'not-xlsx' | 'encrypted' | 'too-big' | 'unsupported' | 'hidden-entries' }

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

export interface ZipEntry {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
  /** Where the entry's compressed data starts (after its local header). */
  dataStart: number
}
type Entry = Omit<ZipEntry, 'dataStart'>

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff)
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i
  }
  return -1
}

function readCentralDirectory(buf: Buffer): { entries: Entry[]; offset: number } | 'truncated' | 'unsupported' {
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
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    })
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return { entries, offset }
}

const DESCRIPTOR_SIGNATURE = 0x08074b50

/** Where an entry's bytes end: its data, and the data descriptor after it when flag bit 3 is set. */
function localEnd(buf: Buffer, entry: Entry, dataEnd: number): number {
  if (!(entry.flags & 8)) return dataEnd
  return dataEnd + 4 <= buf.length && buf.readUInt32LE(dataEnd) === DESCRIPTOR_SIGNATURE ? dataEnd + 16 : dataEnd + 12
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
  const directory = readCentralDirectory(buf)
  if (typeof directory === 'string') return { ok: false, reason: directory }
  const { entries } = directory
  const names = entries.map((e) => e.name)
  if (!names.includes('xl/workbook.xml') || !names.some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    return { ok: false, reason: 'not-xlsx' }
  }
  const budget = { left: maxUncompressedBytes }
  const layout: ZipEntry[] = []
  // The local entries must follow one another from the first byte to the central directory,
  // each one listed there: a streaming reader follows local headers, so bytes the directory
  // does not account for (a hidden entry) would be read without being checked.
  let expectedOffset = 0
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.flags & 1) return { ok: false, reason: 'encrypted' }
    const p = entry.localOffset
    if (p !== expectedOffset) return { ok: false, reason: p > expectedOffset ? 'hidden-entries' : 'corrupt' }
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) return { ok: false, reason: 'corrupt' }
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28)
    const end = start + entry.compressedSize
    if (end > buf.length) return { ok: false, reason: 'truncated' }
    expectedOffset = localEnd(buf, entry, end)
    layout.push({ ...entry, dataStart: start })
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
  if (expectedOffset !== directory.offset) return { ok: false, reason: expectedOffset < directory.offset ? 'hidden-entries' : 'corrupt' }
  return { ok: true, entries: names, layout }
}

/** Thrown by storedZipStream when the entries inflate to more than allowed. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`inflated past ${limit} bytes`)
    this.name = 'InflateLimitError'
  }
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16LE(value)
  return b
}
function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(value >>> 0)
  return b
}

/**
 * The checked entries of `buf` again, as a ZIP whose entries are stored (not compressed), for
 * a streaming reader (exceljs). All inflating happens here, counted in the inflate stream:
 * past `maxUncompressedBytes` in total, or past an entry's declared size, it throws
 * InflateLimitError, whatever the directory claimed. The reader never sees a byte the central
 * directory does not list, and never inflates anything itself.
 */
export async function* storedZipStream(buf: Buffer, layout: readonly ZipEntry[], maxUncompressedBytes: number): AsyncGenerator<Buffer> {
  let inflated = 0
  let offset = 0
  const central: Buffer[] = []
  for (const entry of layout) {
    const name = Buffer.from(entry.name, 'utf8')
    const size = entry.uncompressedSize
    // version 2.0, flags 0x0800 (UTF-8 name), method 0 (stored), time/date 0
    const header = [u16(20), u16(0x0800), u16(0), u16(0), u16(0), u32(entry.crc), u32(size), u32(size), u16(name.length), u16(0)]
    const local = Buffer.concat([u32(LOCAL_SIGNATURE), ...header, name])
    central.push(Buffer.concat([u32(CENTRAL_SIGNATURE), u16(20), ...header, u16(0), u16(0), u16(0), u32(0), u32(offset), name]))
    yield local
    offset += local.length
    const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
    let written = 0
    const count = (chunk: Buffer) => {
      inflated += chunk.length
      written += chunk.length
      if (inflated > maxUncompressedBytes || written > size) throw new InflateLimitError(maxUncompressedBytes)
    }
    if (entry.method === 0) {
      count(data)
      // No empty chunks: unzipper's stream stalls on one.
      if (data.length > 0) yield data
    } else {
      const inflater = createInflateRaw()
      inflater.end(data)
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          count(chunk)
          if (chunk.length > 0) yield chunk
        }
      } finally {
        inflater.destroy()
      }
    }
    if (written !== size) throw new InflateLimitError(maxUncompressedBytes)
    offset += size
  }
  const directory = Buffer.concat(central)
  yield directory
  yield Buffer.concat([u32(EOCD_SIGNATURE), u16(0), u16(0), u16(layout.length), u16(layout.length), u32(directory.length), u32(offset), u16(0)])
}
