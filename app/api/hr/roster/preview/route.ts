import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { previewRosterUpload } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withAppErrors } from '@/lib/http/app-error-response'

// What importing the uploaded roster would do, for the officer's agency; writes nothing.
export function POST(request: Request) {
  return withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const preview = await previewRosterUpload(officer, uploadFromRequest(request))
    return Response.json(preview, { headers: { 'Cache-Control': 'no-store' } })
  })
}
