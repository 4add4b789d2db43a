import { env } from '@/lib/env.server'
import { route } from '@/lib/http/handler.server'
import { jsonError } from '@/lib/http/json-response'
import { metrics } from '@/lib/observability/metrics.server'
import { bearerMatches } from '@/lib/observability/metrics-token'

// Prometheus metrics of this instance (decision 041, docs/deploy.md "Logs and metrics"): only
// with METRICS_TOKEN set (otherwise 404, as if absent), only with `Authorization: Bearer <token>`.
export const dynamic = 'force-dynamic'

export const GET = route({
  access: 'visitor',
  run: async ({ request }) => {
    if (!env.METRICS_TOKEN) return jsonError(404, 'Halaman tidak ditemukan.')
    if (!bearerMatches(request.headers.get('authorization'), env.METRICS_TOKEN)) {
      const refused = jsonError(401, 'Token metrik tidak valid.')
      refused.headers.set('WWW-Authenticate', 'Bearer realm="metrics"')
      return refused
    }
    const { registry } = metrics()
    return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } })
  },
})
