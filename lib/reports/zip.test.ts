import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { crc32 } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { safeEntryName, streamZip, uniqueNamer, type ZipEntry } from './zip'

class Collect extends Writable {
  chunks: Buffer[] = []
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.chunks.push(chunk)
    callback()
  }
  bytes() {
    return Buffer.concat(this.chunks)
  }
}

interface CentralEntry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
  utf8: boolean
}

/** A tiny ZIP central-directory reader (no ZIP64; enough for test archives). */
function readCentralDirectory(zip: Buffer): CentralEntry[] {
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('no end-of-central-directory record')
  const count = zip.readUInt16LE(eocd + 10)
  let offset = zip.readUInt32LE(eocd + 16)
  const entries: CentralEntry[] = []
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central header at ${offset}`)
    const flags = zip.readUInt16LE(offset + 8)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    entries.push({
      utf8: (flags & 0x0800) !== 0,
      method: zip.readUInt16LE(offset + 10),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The stored (method 0) bytes of an entry, read through its local header. */
function storedData(zip: Buffer, entry: CentralEntry): Buffer {
  const at = entry.localOffset
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error('bad local header')
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  return zip.subarray(start, start + entry.compressedSize)
}

const tmp = mkdtempSync(join(tmpdir(), 'reports-zip-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`)

describe('safeEntryName and uniqueNamer', () => {
  it('keeps names relative and portable', () => {
    expect(safeEntryName('../../etc/passwd')).toBe('etc/passwd')
    expect(safeEntryName('/abs/a.pdf')).toBe('abs/a.pdf')
    expect(safeEntryName('C:\\x\\a.pdf')).toBe('C_/x/a.pdf')
    expect(safeEntryName('a<b>:"|?*.pdf')).toBe('a_b______.pdf')
    expect(safeEntryName('sertifikat/./a. ')).toBe('sertifikat/a')
    expect(safeEntryName('..')).toBe('file')
    expect(safeEntryName('198609262015052001_BBS-2026-000123.pdf')).toBe('198609262015052001_BBS-2026-000123.pdf')
  })

  it('de-duplicates case-insensitively before the extension', () => {
    const name = uniqueNamer()
    expect(['a.pdf', 'a.pdf', 'A.PDF', 'a (2).pdf', 'b', 'b', 'd.x/c', 'd.x/c'].map(name)).toEqual([
      'a.pdf',
      'a (2).pdf',
      'A (3).PDF',
      'a (2) (2).pdf',
      'b',
      'b (2)',
      'd.x/c',
      'd.x/c (2)',
    ])
  })
})

describe('streamZip', () => {
  it('writes a stored ZIP whose entries read back with the right names and bytes', async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: '198609262015052001_BBS-2026-000123.pdf', data: pdf('satu') }
      yield { name: '198609262015052001_BBS-2026-000123.pdf', data: async () => pdf('dua') }
      yield { name: 'sertifikat/199001012020121002_BBS-2026-000124.pdf', data: async () => pdf('tiga') }
      yield { name: '../../etc/evil.pdf', data: pdf('empat') }
      yield { name: "Ma'ruf é.pdf", data: pdf('lima') }
    }
    const out = new Collect()
    const result = await streamZip(entries(), out)
    const zip = out.bytes()
    expect(result).toEqual({ entries: 5, bytes: zip.length })

    const central = readCentralDirectory(zip)
    expect(central.map((e) => e.name)).toEqual([
      '198609262015052001_BBS-2026-000123.pdf',
      '198609262015052001_BBS-2026-000123 (2).pdf',
      'sertifikat/199001012020121002_BBS-2026-000124.pdf',
      'etc/evil.pdf',
      "Ma'ruf é.pdf",
    ])
    expect(central.every((e) => e.method === 0)).toBe(true) // stored
    expect(central.find((e) => e.name.startsWith('Ma'))!.utf8).toBe(true)
    const texts = ['satu', 'dua', 'tiga', 'empat', 'lima']
    central.forEach((entry, k) => {
      const data = storedData(zip, entry)
      expect(data.equals(Buffer.from(pdf(texts[k]!)))).toBe(true)
      expect(entry.crc).toBe(crc32(data))
      expect(entry.size).toBe(data.length)
    })

    // and the Debian unzip agrees
    const file = join(tmp, 'ok.zip')
    writeFileSync(file, zip)
    execFileSync('unzip', ['-tq', file])
    const listing = execFileSync('unzip', ['-Z1', file]).toString('utf8').trim().split('\n')
    expect(listing).toEqual(central.map((e) => e.name))
  })

  it('can deflate', async () => {
    const out = new Collect()
    await streamZip([{ name: 'a.txt', data: new TextEncoder().encode('a'.repeat(10_000)) }], out, {
      compression: 'deflate',
    })
    const [entry] = readCentralDirectory(out.bytes())
    expect(entry).toMatchObject({ name: 'a.txt', method: 8, size: 10_000 })
    expect(entry!.compressedSize).toBeLessThan(1_000)
  })

  it('writes an empty archive for no entries', async () => {
    const out = new Collect()
    await streamZip([], out)
    expect(readCentralDirectory(out.bytes())).toEqual([])
  })

  it('loads entries lazily and stops when the reader stalls', async () => {
    let loaded = 0
    const big = new Uint8Array(512 * 1024)
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let k = 0; k < 1_000; k++) {
        yield {
          name: `${k}.pdf`,
          data: async () => {
            loaded++
            return big
          },
        }
      }
    }
    const out = new PassThrough({ highWaterMark: 64 * 1024 })
    const writing = streamZip(entries(), out)
    writing.catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(loaded).toBeGreaterThan(0)
    expect(loaded).toBeLessThan(12) // ~6 MB of 500 MB: buffers, not the archive

    // reading resumes the flow; the whole archive arrives
    let bytes = 0
    out.on('data', (chunk: Buffer) => (bytes += chunk.length))
    const result = await writing
    expect(loaded).toBe(1_000)
    expect(result.entries).toBe(1_000)
    expect(bytes).toBe(result.bytes)
  })

  it('does not hang when the output is closed while the archive is being finished', async () => {
    const stalled = new Writable({ highWaterMark: 1024, write() {} }) // never acknowledges a write
    const writing = streamZip([{ name: 'a.pdf', data: new Uint8Array(4096) }], stalled)
    setTimeout(() => stalled.destroy(), 50)
    await expect(writing).rejects.toThrow(/closed before/)
  })

  it('fails and destroys the output when an entry cannot be loaded', async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: 'a.pdf', data: pdf('a') }
      yield {
        name: 'b.pdf',
        data: async () => {
          throw new Error('PDF render failed')
        },
      }
    }
    const out = new Collect()
    await expect(streamZip(entries(), out)).rejects.toThrow('PDF render failed')
    expect(out.destroyed).toBe(true)
  })

  it('stops pulling entries when the output is closed early', async () => {
    let pulled = 0
    let closed = false
    async function* entries(): AsyncGenerator<ZipEntry> {
      try {
        for (let k = 0; k < 100_000; k++) {
          pulled++
          yield { name: `${k}.pdf`, data: new Uint8Array(64 * 1024) }
        }
      } finally {
        closed = true
      }
    }
    const out = new PassThrough()
    const writing = streamZip(entries(), out)
    out.resume()
    setTimeout(() => out.destroy(), 30)
    await expect(writing).rejects.toThrow()
    expect(closed).toBe(true)
    expect(pulled).toBeLessThan(100_000)
  })
})
