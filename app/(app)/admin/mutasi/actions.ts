'use server'

import { revalidatePath } from 'next/cache'
import type { AdminFormState } from '@/lib/admin/form-result'
import { action } from '@/lib/http/handler.server'
import { decideTransfer } from '@/lib/identity/transfers.server'

// lib/identity validates the decision (zod) and refuses a request that is not open (AppError:
// shown as the form's error by the entry).
export const adminDecideTransferAction = action<'admin', undefined, AdminFormState>({
  access: 'admin',
  returnTo: '/admin/mutasi',
  fields: ['requestId', 'decision', 'reason'],
  run: async ({ user, values }) => {
    const result = await decideTransfer({ id: user.id, admin: user.capabilities.admin, hrAgencyId: user.capabilities.hrAgencyId }, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/mutasi')
    return { done: result.message }
  },
})
