/**
 * Page geometry, type sizes and text fitting for the certificate.
 * Units are PDF points (1/72 inch). Pure: no pdf-lib import.
 */

/** ISO A4 landscape: 297 × 210 mm. */
export const PAGE_WIDTH = 841.89
export const PAGE_HEIGHT = 595.28

export const MARGIN = 56
export const FRAME_OUTER_INSET = 18
export const FRAME_INNER_INSET = 25
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

export const LINE_HEIGHT = 1.22

/** Font sizes: max is what short text gets, min is the smallest before wrapping. */
export const FONT_SIZES = {
  courseTitle: { max: 13, min: 9 },
  title: 40,
  number: 10.5,
  label: 8,
  presentedTo: 12,
  name: { max: 30, min: 17 },
  employeeId: 11.5,
  agency: { max: 11.5, min: 8.5 },
  statement: { max: 12, min: 9.5 },
  detailValue: 11,
  detailValueMin: 8,
  signer: { max: 10.5, min: 8 },
  signerName: { max: 11.5, min: 8.5 },
  verifyUrl: { max: 7.5, min: 5.5 },
  footer: 7,
} as const

export const NAME_BLOCK = { width: 640, height: 2 * 19 * LINE_HEIGHT }
/** Unit and agency together; 3 lines only when both are long (up to 450 characters). */
export const AGENCY_BLOCK = { width: 620, maxLines: 3, height: 3 * 9.5 * LINE_HEIGHT }
export const STATEMENT_BLOCK = { width: 600 }
export const QR_SIZE = 78
export const SIGNER_BLOCK = { width: 250 }
export const VERIFY_BLOCK = { width: 230 }

/** Anything that measures text like pdf-lib's PDFFont. Width must scale linearly with size. */
export interface TextMeasurer {
  widthOfTextAtSize(text: string, size: number): number
}

export interface FitTextOptions {
  maxSize: number
  minSize: number
  /** Lines allowed once the minimum size is reached (default 2). */
  maxLines?: number
  /** Size decrement while searching (default 0.5 pt). */
  step?: number
  /** If set, lines × size × lineHeight must not exceed this. */
  maxHeight?: number
  /** Default LINE_HEIGHT. */
  lineHeight?: number
  /** Smallest size ever used when even minSize in maxLines does not fit (default 4 pt). */
  floorSize?: number
}

export interface FittedText {
  lines: string[]
  size: number
  /** False when the text needed a size below minSize (it is still complete, never cut). */
  fits: boolean
}

const EPSILON = 1e-6

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment)
}

/** Collapses runs of whitespace (incl. newlines and tabs) to one space and trims. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Fits text into `maxWidth`: one line shrinking from maxSize to minSize; then
 * up to `maxLines` lines (wrapping at spaces, balanced when two lines) at the
 * largest size that fits; a word wider than the line is broken between
 * characters as a last resort. Never drops characters: if nothing fits, it
 * keeps shrinking below minSize down to floorSize (fits = false), and at
 * floorSize it uses as many lines as needed.
 */
export function fitText(
  text: string,
  measurer: TextMeasurer,
  maxWidth: number,
  options: FitTextOptions,
): FittedText {
  const {
    maxSize,
    minSize,
    maxLines = 2,
    step = 0.5,
    maxHeight = Number.POSITIVE_INFINITY,
    lineHeight = LINE_HEIGHT,
    floorSize = Math.min(4, minSize),
  } = options
  if (!(maxSize >= minSize && minSize > 0 && step > 0 && maxWidth > 0)) {
    throw new RangeError('fitText: need maxSize >= minSize > 0, step > 0, maxWidth > 0')
  }
  const normalized = normalizeSpaces(text)
  if (normalized === '') return { lines: [], size: maxSize, fits: true }

  // Widths at size 1, memoised; pdf-lib widths scale linearly with size.
  const unitWidths = new Map<string, number>()
  const unitWidth = (s: string): number => {
    let w = unitWidths.get(s)
    if (w === undefined) {
      w = measurer.widthOfTextAtSize(s, 1)
      unitWidths.set(s, w)
    }
    return w
  }
  const fitsWidth = (s: string, size: number) => unitWidth(s) * size <= maxWidth + EPSILON
  const fitsHeight = (lines: number, size: number) =>
    lines * size * lineHeight <= maxHeight + EPSILON || lines === 1

  const sizes = (from: number, to: number): number[] => {
    const out: number[] = []
    for (let s = from; s >= to - EPSILON; s -= step) out.push(Math.round(s * 1000) / 1000)
    if (out.length === 0 || Math.abs(out[out.length - 1]! - to) > EPSILON) out.push(to)
    return out
  }

  // 1. One line, shrinking.
  for (const size of sizes(maxSize, minSize)) {
    if (fitsWidth(normalized, size)) return { lines: [normalized], size, fits: true }
  }

  // 2. Wrap to maxLines at the largest size that fits.
  if (maxLines >= 2) {
    for (const size of sizes(maxSize, minSize)) {
      const lines = wrap(size, maxLines)
      if (lines && fitsHeight(lines.length, size)) return { lines, size, fits: true }
    }
  }

  // 3. Last resort: below minSize, still never cutting characters.
  if (floorSize < minSize) {
    for (const size of sizes(minSize - step, floorSize)) {
      const lines = wrap(size, Math.max(1, maxLines))
      if (lines && fitsHeight(lines.length, size)) return { lines, size, fits: false }
    }
  }
  const lines = wrap(floorSize, Number.POSITIVE_INFINITY) ?? [normalized]
  return { lines, size: floorSize, fits: false }

  function wrap(size: number, limit: number): string[] | null {
    const unlimited = limit === Number.POSITIVE_INFINITY
    const lines: string[] = []
    let current = ''
    let brokeWord = false
    for (const word of normalized.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`
      if (fitsWidth(candidate, size)) {
        current = candidate
      } else if (fitsWidth(word, size)) {
        lines.push(current)
        current = word
      } else {
        // A word wider than the line: fill the rest of this line, then break
        // it between graphemes. No characters are lost.
        brokeWord = true
        let line = current === '' ? '' : `${current} `
        for (const g of splitGraphemes(word)) {
          if (fitsWidth(line + g, size)) {
            line += g
          } else if (line.trim() === '') {
            if (!unlimited) return null // one grapheme wider than the line
            line = g
          } else {
            lines.push(line.trimEnd())
            line = g
          }
        }
        current = line
      }
      if (lines.length > limit) return null
    }
    if (current !== '') lines.push(current)
    if (lines.length > limit) return null
    if (lines.length === 2 && !brokeWord) return balanceTwoLines(size) ?? lines
    return lines
  }

  /** Picks the break between words that makes the longer of two lines as short as possible. */
  function balanceTwoLines(size: number): string[] | null {
    const words = normalized.split(' ')
    let best: string[] | null = null
    let bestWidth = Number.POSITIVE_INFINITY
    for (let k = 1; k < words.length; k++) {
      const a = words.slice(0, k).join(' ')
      const b = words.slice(k).join(' ')
      if (!fitsWidth(a, size) || !fitsWidth(b, size)) continue
      const w = Math.max(unitWidth(a), unitWidth(b))
      if (w < bestWidth - EPSILON) {
        bestWidth = w
        best = [a, b]
      }
    }
    return best
  }
}
