import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { importRosterUpload } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { withAppErrors } from '@/lib/http/app-error-response'
import { sameOriginOnly } from '@/lib/http/route-guards.server'

// Imports every valid row of the uploaded roster in one transaction (the file is sent again:
// nothing is kept on one server between preview and import).
export const POST = sameOriginOnly((request: Request) =>
  withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const counts = await withUploadSlot(officer.agencyId, () => importRosterUpload(officer, uploadFromRequest(request)))
    return Response.json(counts, { headers: { 'Cache-Control': 'no-store' } })
  }),
)
