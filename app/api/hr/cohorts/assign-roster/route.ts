import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { assignToCohort } from '@/lib/hr/cohorts.server'
import { rosterNips } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { withAppErrors } from '@/lib/http/app-error-response'
import { sameOriginOnly } from '@/lib/http/route-guards.server'
import { jsonError } from '@/lib/http/json-response'

// Assigns everyone in a roster file (of the officer's agency) to a cohort: "the imported roster".
export const POST = sameOriginOnly((request: Request) =>
  withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const cohortId = new URL(request.url).searchParams.get('kelompok')
    if (!cohortId) return jsonError(400, 'Pilih kelompok.')
    const nips = await withUploadSlot(officer.agencyId, () => rosterNips(uploadFromRequest(request)))
    if (!nips.length) return jsonError(422, 'Berkas tidak berisi NIP yang valid.')
    const result = await assignToCohort(officer, cohortId, { target: 'nip', nips })
    return Response.json({ ...result, unknownNips: result.unknownNips.length }, { headers: { 'Cache-Control': 'no-store' } })
  }),
)
