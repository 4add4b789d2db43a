import 'server-only'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { CONTENT_EDITION_FILE } from '@/lib/content/content-edition.server'
import { formatContentEdition, parseContentEdition } from '@/lib/content/content-edition'
import { getSources } from '@/lib/content/lessons.server'
import { SEBELUM_UNGGAH } from './flow'
import { renderDecisionAidPdf } from './render-decision-aid-pdf'

export const COURSE_NAME = 'Bijak Bermedia Sosial'

export type DecisionAidPdf = { bytes: Uint8Array; etag: string }

let pdf: Promise<DecisionAidPdf> | null = null

/**
 * The decision aid's PDF, drawn once per process: it holds no personal data and changes only
 * with the content (a new build), so every request gets the same bytes and the same ETag.
 */
export function getDecisionAidPdf(): Promise<DecisionAidPdf> {
  pdf ??= (async () => {
    const parsed = parseContentEdition(fs.readFileSync(CONTENT_EDITION_FILE, 'utf8'))
    if (!parsed.ok) throw new Error(`content/edition.yaml: ${parsed.errors.join('; ')}`)
    const sources = getSources()
    const bytes = await renderDecisionAidPdf({
      flow: SEBELUM_UNGGAH,
      courseName: COURSE_NAME,
      sources: SEBELUM_UNGGAH.sources.map((id) => {
        const source = sources[id]
        if (!source) throw new Error(`Unknown source ${id}`)
        return source
      }),
      footnote: `Materi edisi ${formatContentEdition(parsed.edition)}.`,
      date: new Date(`${parsed.edition.date}T00:00:00+07:00`),
    })
    return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` }
  })().catch((error: unknown) => {
    pdf = null
    throw error
  })
  return pdf
}
