'use server'

import { revalidatePath } from 'next/cache'
import type { AdminFormState } from '@/lib/admin/form-result'
import { action } from '@/lib/http/handler.server'
import { decideTransfer, requestTransfer } from '@/lib/identity/transfers.server'

// The officer and their agency come from the session (the entry); lib/identity validates the
// fields (zod) and checks every id against the agency.

export const requestTransferAction = action<'hr', undefined, AdminFormState>({
  access: 'hr',
  returnTo: '/hr/mutasi',
  fields: ['nip', 'unitId', 'note'],
  run: async ({ user, values }) => {
    const result = await requestTransfer(user, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/hr/mutasi')
    return { done: result.message }
  },
})

export const decideTransferAction = action<'hr', undefined, AdminFormState>({
  access: 'hr',
  returnTo: '/hr/mutasi',
  fields: ['requestId', 'decision', 'reason'],
  run: async ({ user, values }) => {
    const result = await decideTransfer({ id: user.id, admin: user.capabilities.admin, hrAgencyId: user.capabilities.hrAgencyId }, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/hr/mutasi')
    return { done: result.message }
  },
})
