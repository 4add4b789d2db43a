// No 'server-only' marker: the SCORM/cmi5 export (a plain CLI process) draws it too. node:fs keeps
// it out of any browser bundle.
import fs from 'node:fs'
import { CONTENT_EDITION_FILE } from '@/lib/content/content-edition.server'
import { formatContentEdition, parseContentEdition } from '@/lib/content/content-edition'
import { getSources } from '@/lib/content/lessons.server'
import { SEBELUM_UNGGAH } from './flow'
import { renderDecisionAidPdf } from './render-decision-aid-pdf'

const COURSE_NAME = 'Bijak Bermedia Sosial'

/** The decision aid's one-page PDF for the current content edition: the site's and the package's. */
export async function drawDecisionAidPdf(): Promise<Uint8Array> {
  const parsed = parseContentEdition(fs.readFileSync(CONTENT_EDITION_FILE, 'utf8'))
  if (!parsed.ok) throw new Error(`content/edition.yaml: ${parsed.errors.join('; ')}`)
  const sources = getSources()
  return renderDecisionAidPdf({
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
}
