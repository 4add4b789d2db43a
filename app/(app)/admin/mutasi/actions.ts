'use server'

import { revalidatePath } from 'next/cache'
import { formValues, type AdminFormState } from '@/lib/admin/form-result'
import { requireRole } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'
import { decideTransfer } from '@/lib/identity/transfers.server'

export async function adminDecideTransferAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/mutasi')
  const values = formValues(formData, ['requestId', 'decision', 'reason'])
  try {
    const result = await decideTransfer({ id: admin.id, role: admin.role, agencyId: admin.agencyId }, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/mutasi')
    return { done: result.message }
  } catch (error) {
    if (isAppError(error)) return { fieldErrors: { form: error.userMessage } }
    throw error
  }
}
