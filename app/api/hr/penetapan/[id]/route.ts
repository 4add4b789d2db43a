import { getAssignment } from '@/lib/hr/assignment-jobs.server'
import { route } from '@/lib/http/handler.server'

type Params = { id: string }

// An assignment's progress, for the cohort page's progress bar (decision 049): HR sees the
// agency's, a unit operator only their own; anything else is "not found".
export const GET = route<'unit', undefined, Params>({
  access: 'unit',
  run: async ({ user, params }) => {
    const job = await getAssignment({ ...user, unitIds: user.scope.unitIds }, params.id)
    return Response.json(
      { id: job.id, status: job.status, total: job.total, processed: job.processed, counts: job.counts, error: job.error, cohortName: job.cohortName },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
})
