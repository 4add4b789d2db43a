import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { OUTCOME_LABELS, SEBELUM_UNGGAH } from './flow'
import { type DecisionAidSource, sourceLine } from './pdf-layout'
import { renderDecisionAidPdf } from './render-decision-aid-pdf'

// Checked with poppler's own tools, as a reader's PDF viewer would see the file.
const allSources = parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../content/sources.yaml'), 'utf8')) as Record<string, DecisionAidSource>
const sources = SEBELUM_UNGGAH.sources.map((id) => allSources[id]!)
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

let file = ''
let info = ''
let text = ''
beforeAll(async () => {
  const bytes = await renderDecisionAidPdf({
    flow: SEBELUM_UNGGAH,
    courseName: 'Bijak Bermedia Sosial',
    sources,
    footnote: 'Materi edisi 2026.2, 1 Desember 2026.',
    date: new Date('2026-12-01T00:00:00+07:00'),
  })
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sebelum-unggah-')), 'sebelum-unggah.pdf')
  fs.writeFileSync(file, bytes)
  info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
}, 30_000)

describe('the "Sebelum unggah" PDF', () => {
  it('is exactly one A4 page', () => {
    expect(info).toMatch(/^Pages:\s+1$/m)
    expect(info).toMatch(/^Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/m)
  })

  it('says what it is, for which course, in Indonesian', () => {
    expect(info).toMatch(/^Title:\s+Sebelum unggah: alur keputusan — Bijak Bermedia Sosial$/m)
    expect(text).toContain('Sebelum unggah: alur keputusan')
    expect(text).toContain('BIJAK BERMEDIA SOSIAL')
  })

  it('prints every question with both branches, and every outcome where it is reached', () => {
    for (const [index, question] of SEBELUM_UNGGAH.questions.entries()) {
      expect(text, question.id).toContain(`${index + 1} ${squash(question.text)}`)
    }
    for (const outcome of SEBELUM_UNGGAH.outcomes) {
      expect(text, outcome.id).toContain(`${OUTCOME_LABELS[outcome.outcome].toUpperCase()}. ${squash(outcome.text)}`)
    }
    const branches = text.match(/(Ya|Tidak) →/g) ?? []
    expect(branches).toHaveLength(2 * SEBELUM_UNGGAH.questions.length)
  })

  it('names its sources', () => {
    for (const source of sources) expect(text).toContain(squash(sourceLine(source)))
    expect(text).toContain('Materi edisi 2026.2, 1 Desember 2026.')
  })

  it('embeds its fonts (no font the reader must have)', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    const rows = fonts.trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+Geist-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/)
  })
})
