// Liveness for load balancers, and the "trivial dynamic route" benchmarks compare against.
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } })
}
