/**
 * Reads a PDF the way an auditor's tools do: poppler's pdftotext and pdfinfo (Debian
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
