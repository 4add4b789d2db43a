import { getDecisionAidPdf } from '@/lib/decision-aid/decision-aid-pdf.server'
import { DECISION_AID_FILE_NAME } from '@/lib/decision-aid/render-decision-aid-pdf'
import { route } from '@/lib/http/handler.server'

// The "Sebelum unggah" decision aid as a one-page A4 PDF (issue 12), linked from lesson 4 and the
// dashboard. Public on purpose: it is course material with no personal data, so anyone may fetch
// it, and it may be cached (decision 021). Drawn once per process; same bytes, same ETag.
const CACHE_CONTROL = 'public, max-age=604800'

export const GET = route({
  access: 'visitor',
  run: async ({ request }) => {
    const { bytes, etag } = await getDecisionAidPdf()
    const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL }
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
    return new Response(Buffer.from(bytes), {
      headers: {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${DECISION_AID_FILE_NAME}"`,
      },
    })
  },
})
