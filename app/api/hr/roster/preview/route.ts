import { previewRosterUpload } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { route } from '@/lib/http/handler.server'

// What importing the uploaded roster would do, for the officer's agency; writes nothing.
export const POST = route({
  access: 'hr',
  run: async ({ request, user: officer }) => {
    const preview = await withUploadSlot(officer.agencyId, () => previewRosterUpload(officer, uploadFromRequest(request)))
    return Response.json(preview, { headers: { 'Cache-Control': 'no-store' } })
  },
})
