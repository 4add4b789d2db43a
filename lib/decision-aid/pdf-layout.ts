/**
 * Page layout of the "Sebelum unggah" PDF: one A4 portrait page, the flow as numbered questions in
 * two columns, each with its "Ya → …" and "Tidak → …" branch (an outcome is printed where it is
 * reached). Pure: measures text through an interface, draws nothing (render-decision-aid-pdf.ts
 * does). Units are PDF points.
 */
import { formatLongDate } from '@/lib/format/indonesian'
import { type DecisionFlow, findNode, OUTCOME_LABELS, type OutcomeKind, questionNumber } from './flow'

/** ISO A4 portrait: 210 × 297 mm. */
export const PAGE_WIDTH = 595.28
export const PAGE_HEIGHT = 841.89
export const MARGIN = 40
export const COLUMN_GAP = 20
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
export const COLUMN_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2
export const LINE_HEIGHT = 1.28
/** Room for the number in front of each question. */
export const NUMBER_WIDTH = 16

export const FONT_SIZES = {
  course: 9,
  title: 20,
  intro: 9.5,
  /** Questions and branches: the largest that fits, down to the minimum. */
  body: { max: 10, min: 7, step: 0.25 },
  sourcesHeading: 8.5,
  sources: 7.5,
} as const

export type FontStyle = 'regular' | 'bold'
export type Tone = 'text' | 'muted' | 'primary' | OutcomeKind

export interface TextMeasurer {
  widthOfTextAtSize(text: string, size: number): number
}
export type Measurers = Record<FontStyle, TextMeasurer>

export type Run = { text: string; style: FontStyle; tone: Tone }
/** One piece of text at its place: x, baseline y (from the bottom, as PDF counts). */
export type PlacedRun = Run & { x: number; y: number; size: number }
export type Rule = { x1: number; x2: number; y: number }

export type DecisionAidSource = { title: string; publisher: string; date?: string }

export type DecisionAidPageInput = {
  flow: DecisionFlow
  courseName: string
  sources: DecisionAidSource[]
  /** Printed in the footer, e.g. "Materi edisi 2026.2". */
  footnote?: string
}

export type DecisionAidPage = {
  runs: PlacedRun[]
  rules: Rule[]
  bodySize: number
  /** False if even the smallest body size overflows the page (a test fails on it). */
  fits: boolean
}

type Line = { runs: (Run & { dx: number })[] }

/** Splits runs into words (keeping their style) and fills lines no wider than `width`. */
export function wrapRuns(runs: Run[], width: number, size: number, measure: Measurers): Line[] {
  const words: Run[] = []
  for (const run of runs) {
    for (const part of run.text.split(/(\s+)/)) if (part && !/^\s+$/.test(part)) words.push({ ...run, text: part })
  }
  const space = (style: FontStyle) => measure[style].widthOfTextAtSize(' ', size)
  const lines: Line[] = []
  let current: Line = { runs: [] }
  let x = 0
  for (const word of words) {
    const w = measure[word.style].widthOfTextAtSize(word.text, size)
    const gap = current.runs.length ? space(word.style) : 0
    if (current.runs.length && x + gap + w > width) {
      lines.push(current)
      current = { runs: [] }
      x = 0
    }
    const dx = current.runs.length ? x + space(word.style) : 0
    current.runs.push({ ...word, dx })
    x = dx + w
  }
  if (current.runs.length) lines.push(current)
  // Neighbouring words of the same style become one run (fewer text objects, cleaner copy-paste).
  return lines.map((line) => {
    const merged: Line['runs'] = []
    for (const run of line.runs) {
      const last = merged.at(-1)
      if (last && last.style === run.style && last.tone === run.tone) last.text += ` ${run.text}`
      else merged.push({ ...run })
    }
    return { runs: merged }
  })
}

/** The runs of one branch: "Ya → lanjut ke 4" or "Tidak → JANGAN UNGGAH. <advice>". */
export function branchRuns(flow: DecisionFlow, answer: 'Ya' | 'Tidak', target: string): Run[] {
  const node = findNode(flow, target)
  const head: Run = { text: `${answer} →`, style: 'bold', tone: 'primary' }
  if (!node) throw new Error(`unknown node ${target}`)
  if (node.kind === 'question') return [head, { text: `lanjut ke ${questionNumber(flow, node.id)}`, style: 'regular', tone: 'text' }]
  return [
    head,
    { text: `${OUTCOME_LABELS[node.outcome].toUpperCase()}.`, style: 'bold', tone: node.outcome },
    { text: node.text, style: 'regular', tone: 'text' },
  ]
}

type Block = { number: number; lines: { indent: number; line: Line }[] }

function questionBlocks(flow: DecisionFlow, size: number, measure: Measurers): Block[] {
  const width = COLUMN_WIDTH - NUMBER_WIDTH
  return flow.questions.map((item, index) => ({
    number: index + 1,
    lines: [
      ...wrapRuns([{ text: item.text, style: 'bold', tone: 'text' }], width, size, measure),
      ...wrapRuns(branchRuns(flow, 'Ya', item.yes), width, size, measure),
      ...wrapRuns(branchRuns(flow, 'Tidak', item.no), width, size, measure),
    ].map((line) => ({ indent: NUMBER_WIDTH, line })),
  }))
}

const blockHeight = (block: Block, size: number) => block.lines.length * size * LINE_HEIGHT
const blockGap = (size: number) => size * 0.9

/** The split of blocks into two columns (in order) with the shorter tallest column. */
function balance(blocks: Block[], size: number): { left: Block[]; right: Block[]; height: number } {
  const heightOf = (list: Block[]) => list.reduce((sum, b, i) => sum + blockHeight(b, size) + (i ? blockGap(size) : 0), 0)
  let best = { left: blocks, right: [] as Block[], height: heightOf(blocks) }
  for (let k = 1; k < blocks.length; k++) {
    const left = blocks.slice(0, k)
    const right = blocks.slice(k)
    const height = Math.max(heightOf(left), heightOf(right))
    if (height < best.height) best = { left, right, height }
  }
  return best
}

export function sourceLine(source: DecisionAidSource): string {
  return `${source.publisher}, “${source.title}”${source.date ? `, ${formatLongDate(new Date(source.date))}` : ''}.`
}

/** Lays the whole page out; the body takes the largest size at which everything fits. */
export function layoutDecisionAidPage(input: DecisionAidPageInput, measure: Measurers): DecisionAidPage {
  const runs: PlacedRun[] = []
  const rules: Rule[] = []
  const place = (lines: Line[], x: number, top: number, size: number): number => {
    let y = top
    for (const line of lines) {
      y -= size * LINE_HEIGHT
      for (const run of line.runs) runs.push({ text: run.text, style: run.style, tone: run.tone, x: x + run.dx, y: y + size * 0.25, size })
    }
    return y
  }

  // Header, full width.
  let y = PAGE_HEIGHT - MARGIN
  y = place(wrapRuns([{ text: input.courseName.toUpperCase(), style: 'bold', tone: 'primary' }], CONTENT_WIDTH, FONT_SIZES.course, measure), MARGIN, y, FONT_SIZES.course)
  y = place(wrapRuns([{ text: input.flow.title, style: 'bold', tone: 'text' }], CONTENT_WIDTH, FONT_SIZES.title, measure), MARGIN, y - 2, FONT_SIZES.title)
  const intro =
    'Mulai dari pertanyaan 1 setiap kali Anda hendak mengunggah, meneruskan, atau berkomentar. Jawab Ya atau Tidak, lalu ikuti tanda panah sampai tiba pada salah satu hasil: Unggah, Ubah dulu, atau Jangan unggah.'
  y = place(wrapRuns([{ text: intro, style: 'regular', tone: 'muted' }], CONTENT_WIDTH, FONT_SIZES.intro, measure), MARGIN, y - 4, FONT_SIZES.intro)
  y -= 8
  rules.push({ x1: MARGIN, x2: PAGE_WIDTH - MARGIN, y })
  const bodyTop = y - 6

  // Footer, full width, from the bottom up: its height decides the room left for the body.
  const footerLines = [
    ...wrapRuns([{ text: 'Sumber', style: 'bold', tone: 'text' }], CONTENT_WIDTH, FONT_SIZES.sourcesHeading, measure).map((line) => ({ line, size: FONT_SIZES.sourcesHeading })),
    ...input.sources.flatMap((source) =>
      wrapRuns([{ text: sourceLine(source), style: 'regular', tone: 'muted' }], CONTENT_WIDTH, FONT_SIZES.sources, measure).map((line) => ({ line, size: FONT_SIZES.sources })),
    ),
    ...wrapRuns(
      [{ text: `Ditulis ulang dengan kata-kata sendiri dari sumber di atas.${input.footnote ? ` ${input.footnote}` : ''}`, style: 'regular', tone: 'muted' }],
      CONTENT_WIDTH,
      FONT_SIZES.sources,
      measure,
    ).map((line) => ({ line, size: FONT_SIZES.sources })),
  ]
  const footerHeight = footerLines.reduce((sum, item) => sum + item.size * LINE_HEIGHT, 0)
  const footerTop = MARGIN + footerHeight
  let fy = footerTop
  for (const { line, size } of footerLines) fy = place([line], MARGIN, fy, size)
  rules.push({ x1: MARGIN, x2: PAGE_WIDTH - MARGIN, y: footerTop + 8 })
  const room = bodyTop - (footerTop + 16)

  // Body: the largest size whose balanced columns fit the room.
  const { max, min, step } = FONT_SIZES.body
  let size = max
  let split = balance(questionBlocks(input.flow, size, measure), size)
  while (split.height > room && size - step >= min) {
    size -= step
    split = balance(questionBlocks(input.flow, size, measure), size)
  }
  for (const [column, blocks] of [split.left, split.right].entries()) {
    const x = MARGIN + column * (COLUMN_WIDTH + COLUMN_GAP)
    let top = bodyTop
    for (const [index, block] of blocks.entries()) {
      if (index) top -= blockGap(size)
      runs.push({ text: String(block.number), style: 'bold', tone: 'primary', x, y: top - size * LINE_HEIGHT + size * 0.25, size })
      for (const { indent, line } of block.lines) top = place([line], x + indent, top, size)
    }
  }
  return { runs, rules, bodySize: size, fits: split.height <= room }
}
