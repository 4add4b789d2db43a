import { z } from 'zod'
import { assignToCohort } from '@/lib/hr/cohorts.server'
import { rosterNips } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'

const querySchema = z.object({ kelompok: z.string({ error: 'Pilih kelompok.' }).min(1, 'Pilih kelompok.').max(64, 'Kelompok tidak dikenal.') })

// Assigns everyone in a roster file (of the officer's agency) to a cohort: "the imported roster".
// The file is the body (streamed, with the upload's own size limit); the cohort is `?kelompok=`.
export const POST = route({
  access: 'hr',
  input: { from: 'query', schema: querySchema, invalid: 'Pilih kelompok.' },
  run: async ({ request, user: officer, input }) => {
    const nips = await withUploadSlot(officer.agencyId, () => rosterNips(uploadFromRequest(request)))
    if (!nips.length) throw new AppError(422, 'Berkas tidak berisi NIP yang valid.')
    const result = await assignToCohort(officer, input.kelompok, { target: 'nip', nips })
    return Response.json({ ...result, unknownNips: result.unknownNips.length }, { headers: { 'Cache-Control': 'no-store' } })
  },
})
