import { sendImportInvitations } from '@/lib/accounts/invitations.server'
import { route } from '@/lib/http/handler.server'

// "Kirim undangan" after a roster import (decision 052): an activation code by email to each
// account that import created and that has not been activated. HR of the import's agency only;
// another agency's import, or an unknown id, is 404.
export const POST = route<'hr', undefined, { id: string }>({
  access: 'hr',
  run: async ({ user, params }) => {
    const result = await sendImportInvitations(user, params.id)
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
  },
})
