import 'server-only'
import { createHash } from 'node:crypto'
import { drawDecisionAidPdf } from './draw-decision-aid-pdf'

export type DecisionAidPdf = { bytes: Uint8Array; etag: string }

let pdf: Promise<DecisionAidPdf> | null = null

/**
 * The decision aid's PDF, drawn once per process: it holds no personal data and changes only
 * with the content (a new build), so every request gets the same bytes and the same ETag.
 */
export function getDecisionAidPdf(): Promise<DecisionAidPdf> {
  pdf ??= (async () => {
    const bytes = await drawDecisionAidPdf()
    return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` }
  })().catch((error: unknown) => {
    pdf = null
    throw error
  })
  return pdf
}
