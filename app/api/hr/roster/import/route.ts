import { AppError } from '@/lib/errors/app-error'
import { importRosterUpload, type ImportTimings } from '@/lib/hr/roster-import.server'
import { conflictDecisionsSchema } from '@/lib/identity/review-schemas'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { route } from '@/lib/http/handler.server'

// Imports every valid row of the uploaded roster, all or nothing (the file is sent again:
// nothing is kept on one server between preview and import): staged in short batches, then
// published in one short transaction (decision 026); its phases go out in Server-Timing. HR's
// decision for each conflict over a claimed NIP comes in X-Conflict-Decisions
// (`<nip>=konfirmasi;<nip>=tolak`); the file is the streamed body, so the decisions are checked
// here rather than as the route's input.
export const POST = route({
  access: 'hr',
  run: async ({ request, user: officer }) => {
    const decisions = conflictDecisionsSchema.safeParse(request.headers.get('x-conflict-decisions') ?? '')
    if (!decisions.success) throw new AppError(422, decisions.error.issues[0]?.message ?? 'Keputusan konflik tidak valid.')
    let timings: ImportTimings | undefined
    const counts = await withUploadSlot(officer.agencyId, () =>
      importRosterUpload(officer, uploadFromRequest(request), decisions.data, { onTimings: (t) => (timings = t) }),
    )
    const serverTiming = Object.entries(timings ?? {})
      .map(([phase, ms]) => `${phase};dur=${ms}`)
      .join(', ')
    return Response.json(counts, { headers: { 'Cache-Control': 'no-store', 'Server-Timing': serverTiming } })
  },
})
