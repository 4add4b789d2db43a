import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { AppError } from '@/lib/errors/app-error'
import { importRosterUpload } from '@/lib/hr/roster-import.server'
import { conflictDecisionsSchema } from '@/lib/identity/review-schemas'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withAppErrors } from '@/lib/http/app-error-response'
import { assertSameOrigin } from '@/lib/http/same-origin'

// Imports every valid row of the uploaded roster in one transaction (the file is sent again:
// nothing is kept on one server between preview and import). HR's decision for each conflict
// over a claimed NIP comes in X-Conflict-Decisions (`<nip>=konfirmasi;<nip>=tolak`).
export function POST(request: Request) {
  return withAppErrors(async () => {
    assertSameOrigin(request)
    const officer = await requireHrOfficerForApi()
    const decisions = conflictDecisionsSchema.safeParse(request.headers.get('x-conflict-decisions') ?? '')
    if (!decisions.success) throw new AppError(422, decisions.error.issues[0]?.message ?? 'Keputusan konflik tidak valid.')
    const counts = await importRosterUpload(officer, uploadFromRequest(request), decisions.data)
    return Response.json(counts, { headers: { 'Cache-Control': 'no-store' } })
  })
}
