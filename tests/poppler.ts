/**
 * Reads a PDF the way an auditor's tools do: poppler's pdftotext, pdfinfo and pdfsig (Debian
 * poppler-utils, installed by scripts/ensure-system-packages.sh). Used by integration and e2e tests.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

function withPdfFile<T>(bytes: Uint8Array, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-pdf-'))
  try {
    const file = path.join(dir, 'document.pdf')
    fs.writeFileSync(file, bytes)
    return read(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of a PDF as pdftotext reads it, whitespace collapsed to single spaces. */
export function pdfText(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '))
}

/** pdfinfo's report (pages, page size, title …). */
export function pdfInfo(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }))
}

/**
 * poppler's pdfsig report of a PDF's signatures, as printed (exit status ignored: pdfsig exits
 * non-zero for an invalid signature, which is what some tests look for).
 */
export function pdfSignatures(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => {
    try {
      return execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string }
      return `${stdout ?? ''}${stderr ?? ''}`
    }
  })
}

/** The byte at `offset` changed (a copy): one byte of a signed file altered. */
export function flipByte(bytes: Uint8Array, offset: number): Uint8Array {
  const copy = new Uint8Array(bytes)
  copy[offset] = copy[offset]! ^ 0x01
  return copy
}

/** The /ByteRange of a signed PDF's (first) signature: [start1, length1, start2, length2]. */
export function signedByteRange(bytes: Uint8Array): [number, number, number, number] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(Buffer.from(bytes).toString('latin1'))
  if (!match) throw new Error('no /ByteRange: the PDF is not signed')
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])]
}
