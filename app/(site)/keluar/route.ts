import { signOut } from '@/lib/accounts/sign-in.server'
import { env } from '@/lib/env.server'
import { route } from '@/lib/http/handler.server'

// "Keluar" in every header posts here: a plain form, so it works on the static lesson pages
// (Pages Router, decision 008) and before any script has loaded. Only a POST from this site signs
// out (the entry refuses other origins); a GET is not a sign-out link someone could embed.
export const dynamic = 'force-dynamic'

export const POST = route({
  access: 'visitor',
  run: async ({ request }) => {
    // Without a session this ends nothing and still lands on the home page.
    await signOut(request.headers).catch(() => undefined)
    return new Response(null, { status: 303, headers: { Location: new URL('/', env.PUBLIC_BASE_URL).toString(), 'Cache-Control': 'no-store' } })
  },
})
