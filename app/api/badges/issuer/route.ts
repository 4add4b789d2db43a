import { getIssuerProfile } from '@/lib/badges/badges.server'
import { route } from '@/lib/http/handler.server'

// The Open Badges issuer Profile, also the controller document of the signing key (decision 050).
// Public: verifiers fetch it without an account.
export const dynamic = 'force-dynamic'

export const GET = route({
  access: 'visitor',
  run: async () =>
    Response.json(await getIssuerProfile(), {
      headers: { 'Content-Type': 'application/ld+json', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
    }),
})
