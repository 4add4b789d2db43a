'use server'

import { redirect } from 'next/navigation'
import { verifyEmailWithLink } from '@/lib/accounts/email-verification.server'
import { action } from '@/lib/http/handler.server'

// Anyone holding the link (often on another device, not signed in); lib/accounts checks the
// token, uses it up and marks the address verified in one transaction.
export const verifyEmailAction = action<'visitor'>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await verifyEmailWithLink(formData.get('token'))
    if (!result.ok) return { error: result.message }
    const query = new URLSearchParams({ selesai: '1', ...(result.agencyDomain ? { domain: result.agencyDomain } : {}) })
    redirect(`/verifikasi-email?${query}`)
  },
})
