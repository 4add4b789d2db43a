import { route } from '@/lib/http/handler.server'

// Liveness for load balancers, and the "trivial dynamic route" benchmarks compare against.
export const dynamic = 'force-dynamic'

export const GET = route({
  access: 'visitor',
  run: () => Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } }),
})
