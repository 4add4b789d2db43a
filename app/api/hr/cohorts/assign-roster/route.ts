import { z } from 'zod'
import { startAssignment } from '@/lib/hr/assignment-jobs.server'
import { rosterNips } from '@/lib/hr/roster-import.server'
import { uploadFromRequest } from '@/lib/hr/upload-request'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'

const querySchema = z.object({ kelompok: z.string({ error: 'Pilih kelompok.' }).min(1, 'Pilih kelompok.').max(64, 'Kelompok tidak dikenal.') })

// Assigns everyone in a roster file (of the officer's agency) to a cohort: "the imported roster";
// a long list runs in the background (202 with the job's id).
// The file is the body (streamed, with the upload's own size limit); the cohort is `?kelompok=`.
export const POST = route({
  access: 'hr',
  input: { from: 'query', schema: querySchema, invalid: 'Pilih kelompok.' },
  run: async ({ request, user: officer, input }) => {
    const nips = await withUploadSlot(officer.agencyId, () => rosterNips(uploadFromRequest(request)))
    if (!nips.length) throw new AppError(422, 'Berkas tidak berisi NIP yang valid.')
    const outcome = await startAssignment(officer, input.kelompok, { target: 'nip', nips })
    if (outcome.state === 'running') {
      // Applied in the background (decision 049): the page follows /api/hr/penetapan/<jobId>.
      return Response.json({ state: 'running', jobId: outcome.jobId, total: outcome.total }, { status: 202, headers: { 'Cache-Control': 'no-store' } })
    }
    const { result } = outcome
    return Response.json({ state: 'done', ...result, unknownNips: result.unknownNips.length }, { headers: { 'Cache-Control': 'no-store' } })
  },
})
