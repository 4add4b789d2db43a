import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { previewRosterUpload } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { withAppErrors } from '@/lib/http/app-error-response'
import { sameOriginOnly } from '@/lib/http/route-guards.server'

// What importing the uploaded roster would do, for the officer's agency; writes nothing.
export const POST = sameOriginOnly((request: Request) =>
  withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const preview = await withUploadSlot(officer.agencyId, () => previewRosterUpload(officer, uploadFromRequest(request)))
    return Response.json(preview, { headers: { 'Cache-Control': 'no-store' } })
  }),
)
