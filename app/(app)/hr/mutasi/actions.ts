'use server'

import { revalidatePath } from 'next/cache'
import { formValues, type AdminFormState } from '@/lib/admin/form-result'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'
import { decideTransfer, requestTransfer } from '@/lib/identity/transfers.server'

// The officer and their agency come from the session; lib/identity checks every id against it.

export async function requestTransferAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const officer = await requireHrOfficer('/hr/mutasi')
  const values = formValues(formData, ['nip', 'unitId', 'note'])
  const result = await requestTransfer(officer, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/hr/mutasi')
  return { done: result.message }
}

export async function decideTransferAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const officer = await requireHrOfficer('/hr/mutasi')
  const values = formValues(formData, ['requestId', 'decision', 'reason'])
  try {
    const result = await decideTransfer({ id: officer.id, role: officer.role, agencyId: officer.agencyId }, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/hr/mutasi')
    return { done: result.message }
  } catch (error) {
    if (isAppError(error)) return { fieldErrors: { form: error.userMessage } }
    throw error
  }
}
