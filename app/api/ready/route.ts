import { databaseProvider, db } from '@/lib/db/db.server'
import { route } from '@/lib/http/handler.server'
import { checkReadiness } from '@/lib/ops/readiness.server'

// Readiness for load balancers and deploy scripts: 200 when the database answers and has every
// migration of this build, 503 with a short reason otherwise (docs/deploy.md). No session.
export const dynamic = 'force-dynamic'

export const GET = route({
  access: 'visitor',
  run: async () => {
    const readiness = await checkReadiness(db, databaseProvider)
    return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
  },
})
