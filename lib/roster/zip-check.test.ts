import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { HEADER, readAll, readError, xlsxBytes } from './test-helpers'
import { checkXlsxZip, InflateLimitError, storedZipStream } from './zip-check'

const PNS = '198609262015052001'
const MiB = 1024 * 1024

const workbook = () =>
  xlsxBytes((sheet) => {
    sheet.addRow(HEADER)
    sheet.addRow([PNS, 'Ani', 'ani@contoh.go.id', 'PNS', 'Umum'])
  })

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i
  throw new Error('no EOCD')
}

/**
 * A workbook with one more local entry, of `inflatedSize` zero bytes deflated, placed just
 * before the central directory, which does not list it: a streaming reader following local
 * headers meets it; a check of the central directory alone never does.
 */
function withHiddenEntry(xlsx: Buffer, name: string, inflatedSize: number): Buffer {
  const eocd = findEocd(xlsx)
  const directoryOffset = xlsx.readUInt32LE(eocd + 16)
  const data = deflateRawSync(Buffer.alloc(inflatedSize))
  const fileName = Buffer.from(name)
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(20, 4)
  header.writeUInt16LE(8, 8) // deflated
  header.writeUInt32LE(0, 14) // CRC not checked by anyone who trusts the directory
  header.writeUInt32LE(data.length, 18)
  header.writeUInt32LE(inflatedSize, 22)
  header.writeUInt16LE(fileName.length, 26)
  const hidden = Buffer.concat([header, fileName, data])
  const out = Buffer.concat([xlsx.subarray(0, directoryOffset), hidden, xlsx.subarray(directoryOffset)])
  out.writeUInt32LE(directoryOffset + hidden.length, findEocd(out) + 16)
  return out
}

/** The same workbook with the central directory's uncompressed size of `name` set to `size`. */
function withDeclaredSize(xlsx: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(xlsx)
  const eocd = findEocd(out)
  let p = out.readUInt32LE(eocd + 16)
  for (let i = 0; i < out.readUInt16LE(eocd + 10); i++) {
    const nameLength = out.readUInt16LE(p + 28)
    if (out.toString('utf8', p + 46, p + 46 + nameLength) === name) out.writeUInt32LE(size, p + 24)
    p += 46 + nameLength + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32)
  }
  return out
}

describe('XLSX: what the reader inflates is what was checked, and capped', () => {
  it('reads a well-formed workbook as before', async () => {
    expect((await readAll(await workbook())).map((row) => row.cells.name)).toEqual(['Ani'])
  })

  it('refuses a local entry that the central directory does not list (a hidden ZIP bomb)', async () => {
    // 8 MB of zeros in ~8 kB, against a 1 MB cap: before, the reader inflated it all unchecked.
    for (const name of ['xl/worksheets/sheet9.xml', 'xl/sharedStrings.xml', 'zz/padding.bin']) {
      const crafted = withHiddenEntry(await workbook(), name, 8 * MiB)
      expect(crafted.length).toBeLessThan(40_000)
      const error = await readError(crafted, { maxUncompressedBytes: MiB })
      expect(error.code, name).toBe('unreadable-xlsx')
      expect(error.message).toBe(
        'Berkas XLSX tidak dapat dibaca: berisi bagian tersembunyi yang tidak tercantum dalam daftar isi berkas. ' +
          'Buka berkas di Excel lalu simpan ulang sebagai .xlsx atau CSV UTF-8.',
      )
    }
  })

  it('caps the bytes inflated while reading whatever the directory declares', async () => {
    // The directory says the worksheet is 10 bytes; it inflates to far more.
    const lying = withDeclaredSize(await workbook(), 'xl/worksheets/sheet1.xml', 10)
    const error = await readError(lying)
    expect(error.code).toBe('unreadable-xlsx')
    expect(error.message).toContain('isinya terlalu besar setelah dibuka')
  })

  it('storedZipStream counts in the inflate stream and stops at the cap', { timeout: 30_000 }, async () => {
    const big = withDeclaredSize(await workbook(), 'xl/worksheets/sheet1.xml', 10)
    const bomb = await xlsxBytes((sheet) => {
      sheet.addRow(HEADER)
      for (let i = 0; i < 20_000; i++) sheet.addRow([PNS, 'Nama yang sama berulang-ulang', 'a@contoh.go.id', 'PNS', 'Umum'])
    })
    for (const [bytes, cap] of [
      [bomb, 256 * 1024],
      [big, 10 * MiB],
    ] as const) {
      const check = await checkXlsxZip(bytes, Number.MAX_SAFE_INTEGER)
      expect(check.ok).toBe(true)
      if (!check.ok) return
      let streamed = 0
      let thrown: unknown
      try {
        for await (const chunk of storedZipStream(bytes, check.layout, cap)) streamed += chunk.length
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(InflateLimitError)
      // Stopped at the first inflated chunk past the cap (zlib chunks are 16 kB).
      expect(streamed).toBeLessThanOrEqual(cap + 64 * 1024)
    }
  })

  it('storedZipStream re-sends a checked workbook as stored entries a ZIP reader accepts', async () => {
    const bytes = await workbook()
    const check = await checkXlsxZip(bytes, 32 * MiB)
    if (!check.ok) throw new Error('workbook refused')
    const parts: Buffer[] = []
    for await (const chunk of storedZipStream(bytes, check.layout, 32 * MiB)) parts.push(chunk)
    const stored = Buffer.concat(parts)
    const again = await checkXlsxZip(stored, 32 * MiB)
    expect(again.ok && again.entries).toEqual(check.entries)
  })
})
