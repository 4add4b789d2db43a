import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  type RGB,
  closePath,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setCharacterSpacing,
  setFillingRgbColor,
} from 'pdf-lib'
import QRCode from 'qrcode'
import {
  type CertificateData,
  type CertificateDataInput,
  certificateDataSchema,
  employeeIdLabel,
} from './certificate-data'
import { formatLongDate, formatNumber, formatScore } from '@/lib/format/indonesian'
import {
  AGENCY_BLOCK,
  CONTENT_WIDTH,
  FONT_SIZES,
  FRAME_INNER_INSET,
  FRAME_OUTER_INSET,
  LINE_HEIGHT,
  MARGIN,
  NAME_BLOCK,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  QR_SIZE,
  SIGNER_BLOCK,
  STATEMENT_BLOCK,
  VERIFY_BLOCK,
  type FittedText,
  fitText,
  normalizeSpaces,
  splitGraphemes,
} from './layout'

/**
 * Draws certificates as one-page A4 landscape PDFs with pdf-lib.
 *
 * Font: Geist Sans Regular + Bold (SIL OFL 1.1), TTF copies shipped in
 * public/fonts/geist/ (the `geist` npm package does not export its font
 * files). Bytes are read once per process and parsed once per renderer; each
 * document embeds a subset of the glyphs it uses.
 */

export const CERTIFICATE_AUTHOR = 'Bijak Bermedia Sosial'
export const CERTIFICATE_CREATOR = 'Bijak Bermedia Sosial — modul sertifikat'
export const CERTIFICATE_PRODUCER = 'pdf-lib 1.17 (Bijak Bermedia Sosial)'
export const CERTIFICATE_LANGUAGE = 'id-ID'
/** Printed in place of a character (grapheme) the font cannot draw. */
export const MISSING_GLYPH_REPLACEMENT = '?'

export interface CertificateFontBytes {
  regular: Uint8Array
  bold: Uint8Array
}

export interface CertificateRendererOptions {
  /** Font bytes to use instead of the shipped Geist TTFs (TTF/OTF only, not WOFF2). */
  fonts?: CertificateFontBytes
  /** Directory holding Geist-Regular.ttf and Geist-Bold.ttf (default `<cwd>/public/fonts/geist`). */
  fontDirectory?: string
}

export interface CertificateRenderer {
  /** Validates the data and returns the PDF bytes. Throws a ZodError on invalid data. */
  render(data: CertificateDataInput): Promise<Uint8Array>
  /** Graphemes in `text` that the certificate font cannot draw (would print as "?"). */
  unsupportedCharacters(text: string): string[]
  /** `text` as it will be printed: spaces collapsed, NFC, missing glyphs replaced by "?". */
  printableText(text: string): string
}

const COLORS = {
  navy: rgb(0.106, 0.165, 0.29),
  gold: rgb(0.69, 0.553, 0.243),
  text: rgb(0.16, 0.19, 0.24),
  muted: rgb(0.38, 0.42, 0.49),
  revoked: rgb(0.75, 0.08, 0.1),
  faint: rgb(0.93, 0.91, 0.86),
  white: rgb(1, 1, 1),
  black: rgb(0, 0, 0),
} as const

// ---------------------------------------------------------------------------
// Fonts: bytes read once per process.

const fontBytesCache = new Map<string, CertificateFontBytes>()

export function loadCertificateFontBytes(
  fontDirectory = path.join(process.cwd(), 'public', 'fonts', 'geist'),
): CertificateFontBytes {
  let bytes = fontBytesCache.get(fontDirectory)
  if (!bytes) {
    bytes = {
      regular: new Uint8Array(readFileSync(path.join(fontDirectory, 'Geist-Regular.ttf'))),
      bold: new Uint8Array(readFileSync(path.join(fontDirectory, 'Geist-Bold.ttf'))),
    }
    fontBytesCache.set(fontDirectory, bytes)
  }
  return bytes
}

interface CoverageFont {
  hasGlyphForCodePoint(codePoint: number): boolean
}

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u

function makeTextSanitizer(fonts: CoverageFont[]) {
  const supported = (cp: number) => fonts.every((f) => f.hasGlyphForCodePoint(cp))
  const cache = new Map<string, string>()

  /** NFC, collapse whitespace, replace each grapheme the font lacks by "?". */
  function printableText(text: string): string {
    const cached = cache.get(text)
    if (cached !== undefined) return cached
    const normalized = normalizeSpaces(text.normalize('NFC'))
    let out = ''
    for (const grapheme of splitGraphemes(normalized)) {
      let printable = ''
      let ok = true
      for (const ch of grapheme) {
        const cp = ch.codePointAt(0)!
        if (supported(cp)) printable += ch
        else if (!DEFAULT_IGNORABLE.test(ch)) ok = false // ZWJ, variation selectors: drop
      }
      out += ok ? printable : MISSING_GLYPH_REPLACEMENT
    }
    if (cache.size > 5000) cache.clear()
    cache.set(text, out)
    return out
  }

  function unsupportedCharacters(text: string): string[] {
    const normalized = normalizeSpaces(text.normalize('NFC'))
    return splitGraphemes(normalized).filter(
      (g) => [...g].some((ch) => !supported(ch.codePointAt(0)!) && !DEFAULT_IGNORABLE.test(ch)),
    )
  }

  return { printableText, unsupportedCharacters }
}

type FontkitFont = ReturnType<typeof fontkit.create>

type FontkitGlyph = ReturnType<FontkitFont['glyphForCodePoint']>

/**
 * Makes `font.layout(text)` return the cmap glyphs of `text` with no
 * substitution or positioning (see createCertificateRenderer). Text is NFC
 * normalised before drawing, so precomposed letters (é, ñ) are used.
 *
 * Each code point gets its own glyph object carrying that code point: the
 * font is shared across documents, and fontkit's glyph cache keeps the
 * code points of whoever asked first (a composite "i" subset in one PDF
 * leaves the dotless-i glyph with none), which would drop "ı" from the next
 * PDF's ToUnicode map and so from copied or extracted text.
 */
function withCmapOnlyLayout(font: FontkitFont): FontkitFont {
  const glyphs = new Map<number, FontkitGlyph>()
  const glyphFor = (cp: number): FontkitGlyph => {
    let glyph = glyphs.get(cp)
    if (!glyph) {
      glyph = Object.create(font.glyphForCodePoint(cp), {
        codePoints: { value: [cp], enumerable: true },
      }) as FontkitGlyph
      glyphs.set(cp, glyph)
    }
    return glyph
  }
  const runs = new Map<string, ReturnType<FontkitFont['layout']>>()
  const layout = (text: string) => {
    let run = runs.get(text)
    if (!run) {
      const runGlyphs: FontkitGlyph[] = []
      for (const ch of text) runGlyphs.push(glyphFor(ch.codePointAt(0)!))
      run = { glyphs: runGlyphs, positions: [], script: 'latn', language: null, direction: 'ltr' } as unknown as ReturnType<
        FontkitFont['layout']
      >
      if (runs.size > 10_000) runs.clear()
      runs.set(text, run)
    }
    return run
  }
  Object.defineProperty(font, 'layout', { value: layout, configurable: true })
  return font
}

/** Six uppercase letters from a hash, for subset font names. */
function subsetTag(seed: string): string {
  const digest = createHash('sha256').update(seed).digest()
  let tag = ''
  for (let k = 0; k < 6; k++) tag += String.fromCharCode(65 + (digest[k]! % 26))
  return tag
}

// ---------------------------------------------------------------------------
// Drawing helpers.

interface Fonts {
  regular: PDFFont
  bold: PDFFont
}

type Align = 'left' | 'center' | 'right'

function xFor(align: Align, anchorX: number, width: number): number {
  if (align === 'center') return anchorX - width / 2
  if (align === 'right') return anchorX - width
  return anchorX
}

function drawLine(
  page: PDFPage,
  text: string,
  opts: { x: number; y: number; font: PDFFont; size: number; color: RGB; align?: Align; tracking?: number },
): number {
  const tracking = opts.tracking ?? 0
  const glyphCount = [...text].length
  const width =
    opts.font.widthOfTextAtSize(text, opts.size) + tracking * Math.max(0, glyphCount - 1)
  const x = xFor(opts.align ?? 'left', opts.x, width)
  if (tracking !== 0) page.pushOperators(setCharacterSpacing(tracking))
  page.drawText(text, { x, y: opts.y, font: opts.font, size: opts.size, color: opts.color })
  if (tracking !== 0) page.pushOperators(setCharacterSpacing(0))
  return width
}

/**
 * Draws fitted lines so the block's visual middle sits on `centerY`.
 * Returns the y of the lowest baseline.
 */
function drawFitted(
  page: PDFPage,
  fitted: FittedText,
  opts: { x: number; centerY?: number; topY?: number; font: PDFFont; color: RGB; align?: Align },
): number {
  const lineGap = fitted.size * LINE_HEIGHT
  const n = fitted.lines.length
  // Cap height of Geist ≈ 0.71 em: center caps within the block.
  const firstBaseline =
    opts.topY !== undefined
      ? opts.topY - fitted.size * 0.71
      : opts.centerY! + ((n - 1) * lineGap) / 2 - fitted.size * 0.355
  fitted.lines.forEach((line, i) => {
    drawLine(page, line, {
      x: opts.x,
      y: firstBaseline - i * lineGap,
      font: opts.font,
      size: fitted.size,
      color: opts.color,
      align: opts.align ?? 'center',
    })
  })
  return firstBaseline - (n - 1) * lineGap
}

/** QR code as vector rectangles: one path, horizontal runs merged, one fill. */
function drawQrCode(page: PDFPage, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const count = qr.modules.size
  const data = qr.modules.data
  const cell = size / count
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)]
  for (let row = 0; row < count; row++) {
    let col = 0
    while (col < count) {
      if (!data[row * count + col]) {
        col++
        continue
      }
      const start = col
      while (col < count && data[row * count + col]) col++
      // PDF y grows upwards; row 0 is the top.
      ops.push(rectangle(x + start * cell, y + size - (row + 1) * cell, (col - start) * cell, cell))
    }
  }
  ops.push(closePath(), fill(), popGraphicsState())
  page.pushOperators(...ops)
}

// ---------------------------------------------------------------------------

export function createCertificateRenderer(options: CertificateRendererOptions = {}): CertificateRenderer {
  const bytes = options.fonts ?? loadCertificateFontBytes(options.fontDirectory)
  // Parse each face once per renderer and hand the same fontkit Font to every
  // document (pdf-lib otherwise re-parses it for each PDF), with `layout`
  // replaced by a plain cmap lookup. pdf-lib only reads the glyph ids and
  // advance widths of a layout, never GPOS positions, so full OpenType
  // shaping bought nothing but cost ~80% of the render time (profiled), and
  // its only visible effect was Geist's ligatures ("->" drawn as an arrow,
  // "fi"), which a certificate should not apply to names anyway.
  const parsed = new Map<Uint8Array, FontkitFont>()
  for (const faceBytes of [bytes.regular, bytes.bold]) {
    parsed.set(faceBytes, withCmapOnlyLayout(fontkit.create(faceBytes)))
  }
  const sharedFontkit: typeof fontkit = {
    create: (buffer: Uint8Array) => parsed.get(buffer) ?? fontkit.create(buffer),
  }
  const sanitizer = makeTextSanitizer([...parsed.values()])
  const t = sanitizer.printableText

  async function render(input: CertificateDataInput): Promise<Uint8Array> {
    const data: CertificateData = certificateDataSchema.parse(input)
    const doc = await PDFDocument.create({ updateMetadata: false })
    doc.registerFontkit(sharedFontkit)
    // "ABCDEF+Name" marks a subset font (ISO 32000 9.6.4); the tag is derived
    // from the certificate so the same data gives the same bytes.
    const tag = subsetTag(`${data.number}|${data.verificationCode}`)
    const fonts: Fonts = {
      regular: await doc.embedFont(bytes.regular, { subset: true, customName: `${tag}+Geist-Regular` }),
      bold: await doc.embedFont(bytes.bold, { subset: true, customName: `${tag}+Geist-Bold` }),
    }
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT])
    setMetadata(doc, data)
    drawCertificate(page, fonts, data)
    return doc.save({ useObjectStreams: true })
  }

  function setMetadata(doc: PDFDocument, data: CertificateData): void {
    const revoked = data.revokedAt ? `DICABUT ${formatLongDate(data.revokedAt)} — ` : ''
    doc.setTitle(t(`${revoked}Sertifikat ${data.number} — ${data.name}`), { showInWindowTitleBar: true })
    doc.setAuthor(CERTIFICATE_AUTHOR)
    const material = data.contentEdition ? `materi edisi ${data.contentEdition}` : `versi materi ${data.contentVersion}`
    doc.setSubject(t(`${revoked}Sertifikat penyelesaian ${data.courseTitle} (${data.cohortLabel}), ${material}`))
    doc.setKeywords(['sertifikat', 'ASN', 'Bijak Bermedia Sosial', data.number])
    doc.setCreator(CERTIFICATE_CREATOR)
    doc.setProducer(CERTIFICATE_PRODUCER)
    doc.setCreationDate(data.issuedAt)
    doc.setModificationDate(data.issuedAt)
    doc.setLanguage(CERTIFICATE_LANGUAGE)
  }

  function drawCertificate(page: PDFPage, fonts: Fonts, data: CertificateData): void {
    const cx = PAGE_WIDTH / 2

    // Frame: navy outer rule, gold inner rule, small gold corner squares.
    const o = FRAME_OUTER_INSET
    const i = FRAME_INNER_INSET
    page.drawRectangle({
      x: o, y: o, width: PAGE_WIDTH - 2 * o, height: PAGE_HEIGHT - 2 * o,
      borderColor: COLORS.navy, borderWidth: 2.5,
    })
    page.drawRectangle({
      x: i, y: i, width: PAGE_WIDTH - 2 * i, height: PAGE_HEIGHT - 2 * i,
      borderColor: COLORS.gold, borderWidth: 0.75,
    })
    for (const [x, y] of [[i, i], [PAGE_WIDTH - i, i], [i, PAGE_HEIGHT - i], [PAGE_WIDTH - i, PAGE_HEIGHT - i]] as const) {
      page.drawRectangle({ x: x - 4, y: y - 4, width: 8, height: 8, color: COLORS.gold })
    }
    // Top band.
    page.drawRectangle({ x: cx - 40, y: PAGE_HEIGHT - i - 1.5, width: 80, height: 3, color: COLORS.navy })

    // Header.
    const course = fitText(t(data.courseTitle).toUpperCase(), fonts.bold, CONTENT_WIDTH - 80, {
      maxSize: FONT_SIZES.courseTitle.max, minSize: FONT_SIZES.courseTitle.min, maxLines: 1,
    })
    drawFitted(page, course, { x: cx, centerY: 522, font: fonts.bold, color: COLORS.gold })
    drawLine(page, 'SERTIFIKAT', {
      x: cx, y: 466, font: fonts.bold, size: FONT_SIZES.title, color: COLORS.navy, align: 'center', tracking: 5,
    })
    drawLine(page, `Nomor ${data.number}`, {
      x: cx, y: 442, font: fonts.regular, size: FONT_SIZES.number, color: COLORS.muted, align: 'center',
    })

    // Recipient.
    drawLine(page, 'diberikan kepada', {
      x: cx, y: 410, font: fonts.regular, size: FONT_SIZES.presentedTo, color: COLORS.muted, align: 'center',
    })
    const name = fitText(t(data.name), fonts.bold, NAME_BLOCK.width, {
      maxSize: FONT_SIZES.name.max, minSize: FONT_SIZES.name.min, maxLines: 2, maxHeight: NAME_BLOCK.height,
    })
    drawFitted(page, name, { x: cx, centerY: 375, font: fonts.bold, color: COLORS.navy })
    page.drawRectangle({ x: cx - 150, y: 347, width: 300, height: 0.75, color: COLORS.gold })
    drawLine(page, `${employeeIdLabel(data.employmentType)} ${data.nip}`, {
      x: cx, y: 328, font: fonts.regular, size: FONT_SIZES.employeeId, color: COLORS.text, align: 'center',
    })
    const agency = fitText(t(`${data.unitName}, ${data.agencyName}`), fonts.regular, AGENCY_BLOCK.width, {
      maxSize: FONT_SIZES.agency.max, minSize: FONT_SIZES.agency.min, maxLines: AGENCY_BLOCK.maxLines,
      maxHeight: AGENCY_BLOCK.height,
    })
    drawFitted(page, agency, { x: cx, topY: 314, font: fonts.regular, color: COLORS.text })

    // Statement.
    const statement = fitText(
      t(
        `telah menyelesaikan pelatihan daring ${data.courseTitle} dengan nilai ${formatScore(data.score)} dan dinyatakan lulus, ` +
          `sehingga memperoleh ${formatNumber(data.jp)} JP (jam pelajaran).`,
      ),
      fonts.regular,
      STATEMENT_BLOCK.width,
      {
        maxSize: FONT_SIZES.statement.max, minSize: FONT_SIZES.statement.min, maxLines: 3,
        maxHeight: 3 * FONT_SIZES.statement.max * LINE_HEIGHT,
      },
    )
    drawFitted(page, statement, { x: cx, topY: 270, font: fonts.regular, color: COLORS.text })

    // Details row: three columns with labels.
    const details: Array<[string, string]> = [
      ['KELOMPOK', t(data.cohortLabel)],
      ['TANGGAL SELESAI', formatLongDate(data.completedAt)],
      ['BERLAKU SAMPAI', formatLongDate(data.validUntil)],
      data.contentEdition ? ['EDISI MATERI', t(data.contentEdition)] : ['VERSI MATERI', t(data.contentVersion)],
    ]
    const colWidth = 165
    details.forEach(([label, value], k) => {
      const x = cx + (k - (details.length - 1) / 2) * colWidth
      drawLine(page, label, {
        x, y: 208, font: fonts.bold, size: FONT_SIZES.label, color: COLORS.gold, align: 'center', tracking: 1.2,
      })
      const v = fitText(value, fonts.bold, colWidth - 16, {
        maxSize: FONT_SIZES.detailValue, minSize: FONT_SIZES.detailValueMin, maxLines: 2,
        maxHeight: 2 * FONT_SIZES.detailValue * LINE_HEIGHT,
      })
      drawFitted(page, v, { x, topY: 199, font: fonts.bold, color: COLORS.navy })
      if (k > 0) {
        page.drawRectangle({ x: x - colWidth / 2, y: 186, width: 0.6, height: 30, color: COLORS.gold })
      }
    })

    // Verification: QR (vector) with the URL printed under it.
    const qrX = MARGIN
    const qrY = 76
    drawQrCode(page, data.verifyUrl, qrX, qrY, QR_SIZE)
    drawLine(page, 'Pindai untuk memeriksa keaslian:', {
      x: qrX + QR_SIZE + 10, y: qrY + QR_SIZE - 8, font: fonts.bold, size: 7.5, color: COLORS.navy,
    })
    const qrNote = fitText(
      'Buka kode QR atau alamat di bawahnya untuk melihat status dan masa berlaku sertifikat ini.',
      fonts.regular, 120, { maxSize: 7.5, minSize: 6.5, maxLines: 4 },
    )
    drawFitted(page, qrNote, { x: qrX + QR_SIZE + 10, topY: qrY + QR_SIZE - 16, font: fonts.regular, color: COLORS.muted, align: 'left' })
    const url = fitText(data.verifyUrl, fonts.regular, VERIFY_BLOCK.width, {
      maxSize: FONT_SIZES.verifyUrl.max, minSize: FONT_SIZES.verifyUrl.min, maxLines: 2,
    })
    drawFitted(page, url, { x: qrX, topY: qrY - 8, font: fonts.regular, color: COLORS.navy, align: 'left' })

    // Seal in the middle of the bottom area.
    const sealY = 110
    page.drawCircle({ x: cx, y: sealY, size: 34, borderColor: COLORS.gold, borderWidth: 1.5 })
    page.drawCircle({ x: cx, y: sealY, size: 29, borderColor: COLORS.gold, borderWidth: 0.5 })
    drawLine(page, 'BBS', { x: cx, y: sealY - 2, font: fonts.bold, size: 15, color: COLORS.gold, align: 'center', tracking: 1.5 })
    drawLine(page, 'ASN', { x: cx, y: sealY - 14, font: fonts.bold, size: 7, color: COLORS.gold, align: 'center', tracking: 1.5 })

    // Signer.
    const sx = PAGE_WIDTH - MARGIN - SIGNER_BLOCK.width / 2
    const placeDate = fitText(t(`${data.issuedPlace}, ${formatLongDate(data.issuedAt)}`), fonts.regular, SIGNER_BLOCK.width, {
      maxSize: FONT_SIZES.signer.max, minSize: FONT_SIZES.signer.min, maxLines: 1,
    })
    drawFitted(page, placeDate, { x: sx, topY: 168, font: fonts.regular, color: COLORS.text })
    const signerTitle = fitText(t(data.signerTitle), fonts.regular, SIGNER_BLOCK.width, {
      maxSize: FONT_SIZES.signer.max, minSize: FONT_SIZES.signer.min, maxLines: 2,
      maxHeight: 2 * FONT_SIZES.signer.max * LINE_HEIGHT,
    })
    drawFitted(page, signerTitle, { x: sx, topY: 153, font: fonts.regular, color: COLORS.text })
    const signerName = fitText(t(data.signerName), fonts.bold, SIGNER_BLOCK.width, {
      maxSize: FONT_SIZES.signerName.max, minSize: FONT_SIZES.signerName.min, maxLines: 2,
      maxHeight: 2 * FONT_SIZES.signerName.max * LINE_HEIGHT,
    })
    const nameBottom = drawFitted(page, signerName, { x: sx, topY: 92, font: fonts.bold, color: COLORS.navy })
    page.drawRectangle({ x: sx - 100, y: nameBottom - 5, width: 200, height: 0.6, color: COLORS.navy })
    if (data.signerNip) {
      drawLine(page, `NIP ${data.signerNip}`, {
        x: sx, y: nameBottom - 17, font: fonts.regular, size: FONT_SIZES.signer.min + 1, color: COLORS.text, align: 'center',
      })
    }

    // Footer.
    drawLine(
      page,
      'Dokumen ini diterbitkan secara elektronik. Keaslian dan masa berlakunya dapat diperiksa melalui kode QR.',
      { x: cx, y: 36, font: fonts.regular, size: FONT_SIZES.footer, color: COLORS.muted, align: 'center' },
    )

    if (data.revokedAt) drawRevokedStamp(page, fonts, data.revokedAt)
  }

  /**
   * A revoked certificate's copy: a red line at the top saying so (readable by text tools)
   * and a large rubber-stamp "DICABUT" across the page, drawn last so nothing covers it.
   */
  function drawRevokedStamp(page: PDFPage, fonts: Fonts, revokedAt: Date): void {
    const cx = PAGE_WIDTH / 2
    drawLine(page, `DICABUT pada ${formatLongDate(revokedAt)}: sertifikat ini tidak berlaku.`, {
      x: cx, y: 545, font: fonts.bold, size: 10.5, color: COLORS.revoked, align: 'center', tracking: 0.5,
    })
    const size = 96
    const word = 'DICABUT'
    const width = fonts.bold.widthOfTextAtSize(word, size)
    const angle = 18
    const rad = (angle * Math.PI) / 180
    // Centre the rotated word (and its frame) on the page centre.
    const box = { w: width + 48, h: size * 0.71 + 44 }
    const along = (dx: number, dy: number) => ({ x: dx * Math.cos(rad) - dy * Math.sin(rad), y: dx * Math.sin(rad) + dy * Math.cos(rad) })
    const cy = PAGE_HEIGHT / 2 + 10
    const boxOrigin = along(-box.w / 2, -box.h / 2)
    page.drawRectangle({
      x: cx + boxOrigin.x, y: cy + boxOrigin.y, width: box.w, height: box.h, rotate: degrees(angle),
      borderColor: COLORS.revoked, borderWidth: 5, borderOpacity: 0.55,
    })
    const textOrigin = along(-width / 2, -(size * 0.71) / 2)
    page.drawText(word, {
      x: cx + textOrigin.x, y: cy + textOrigin.y, size, font: fonts.bold, color: COLORS.revoked, opacity: 0.45, rotate: degrees(angle),
    })
  }

  return { render, unsupportedCharacters: sanitizer.unsupportedCharacters, printableText: t }
}
