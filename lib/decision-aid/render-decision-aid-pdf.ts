/**
 * Draws the "Sebelum unggah" decision aid as one A4 page with pdf-lib (layout: ./pdf-layout.ts).
 * Fonts: the certificate's Geist TTFs (public/fonts/geist, read once per process by
 * lib/certificates), embedded as subsets; nothing is fetched from the network.
 */
import { createHash } from 'node:crypto'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type RGB } from 'pdf-lib'
import { loadCertificateFontBytes, type CertificateFontBytes } from '@/lib/certificates/render-certificate'
import { type DecisionAidPageInput, layoutDecisionAidPage, PAGE_HEIGHT, PAGE_WIDTH, type Tone } from './pdf-layout'

export const DECISION_AID_FILE_NAME = 'sebelum-unggah.pdf'

const TONES: Record<Tone, RGB> = {
  text: rgb(0.106, 0.122, 0.141),
  muted: rgb(0.31, 0.345, 0.4),
  primary: rgb(0.031, 0.275, 0.498),
  unggah: rgb(0.09, 0.4, 0.227),
  'ubah-dulu': rgb(0.54, 0.32, 0),
  'jangan-unggah': rgb(0.702, 0.149, 0.118),
}

/** Six uppercase letters from a hash, for subset font names. */
function subsetTag(seed: string): string {
  const digest = createHash('sha256').update(seed).digest()
  let tag = ''
  for (let k = 0; k < 6; k++) tag += String.fromCharCode(65 + (digest[k]! % 26))
  return tag
}

export type DecisionAidPdfInput = DecisionAidPageInput & {
  /** Creation date in the PDF's metadata: fixed per content edition, so the same content gives the same bytes. */
  date: Date
}

export async function renderDecisionAidPdf(input: DecisionAidPdfInput, fonts: CertificateFontBytes = loadCertificateFontBytes()): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)
  // "ABCDEF+Name" marks a subset font (ISO 32000 9.6.4); the tag comes from the content, so the
  // same flow gives the same bytes. No ligatures: copied or extracted text stays letter for letter.
  const tag = subsetTag(JSON.stringify(input.flow))
  const features = { liga: false, calt: false }
  const embedded = {
    regular: await doc.embedFont(fonts.regular, { subset: true, features, customName: `${tag}+Geist-Regular` }),
    bold: await doc.embedFont(fonts.bold, { subset: true, features, customName: `${tag}+Geist-Bold` }),
  }
  const layout = layoutDecisionAidPage(input, embedded)
  if (!layout.fits) throw new Error('The decision aid does not fit on one A4 page at the smallest type size')
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT])
  for (const rule of layout.rules) {
    page.drawLine({ start: { x: rule.x1, y: rule.y }, end: { x: rule.x2, y: rule.y }, thickness: 0.6, color: TONES.muted })
  }
  for (const run of layout.runs) {
    page.drawText(run.text, { x: run.x, y: run.y, size: run.size, font: embedded[run.style], color: TONES[run.tone] })
  }
  doc.setTitle(`${input.flow.title} — ${input.courseName}`, { showInWindowTitleBar: true })
  doc.setAuthor(input.courseName)
  doc.setSubject('Alur keputusan sebelum mengunggah, meneruskan, atau berkomentar di media sosial')
  doc.setKeywords(['ASN', 'media sosial', 'sebelum unggah', input.courseName])
  doc.setCreator(`${input.courseName} — alur keputusan`)
  doc.setProducer('pdf-lib 1.17 (Bijak Bermedia Sosial)')
  doc.setCreationDate(input.date)
  doc.setModificationDate(input.date)
  doc.setLanguage('id-ID')
  return doc.save({ useObjectStreams: true })
}
