import { getStatusListCredential } from '@/lib/badges/badges.server'
import { BADGE_MEDIA_TYPE } from '@/lib/badges/open-badge'
import { route } from '@/lib/http/handler.server'

// The signed Bitstring Status List of revoked Open Badges credentials (decision 050). Public,
// cached for a minute by verifiers and proxies: a revocation shows within that time.
export const dynamic = 'force-dynamic'

export const GET = route({
  access: 'visitor',
  run: async () =>
    Response.json(await getStatusListCredential(), {
      headers: { 'Content-Type': BADGE_MEDIA_TYPE, 'Cache-Control': 'public, max-age=60', 'Access-Control-Allow-Origin': '*' },
    }),
})
