'use server'

import { requireHrOfficer } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'
import { confirmClaim, rejectClaim, type ReviewResult } from '@/lib/identity/identity-review.server'

export type ReviewState = { error?: string; fieldErrors?: Record<string, string>; done?: string } | null

// Thin: the officer comes from the session on the server; the id from the form is checked
// against the officer's agency in lib/identity (another agency's id is refused like an unknown one).
async function run(work: () => Promise<ReviewResult>): Promise<ReviewState> {
  try {
    const result = await work()
    if (!result.ok) return { fieldErrors: result.fieldErrors, error: result.fieldErrors.form }
    // No revalidatePath: the row stays with its outcome until the page is opened again (the
    // decided person then leaves the queue), so HR sees what happened where they clicked.
    return { done: result.message }
  } catch (error) {
    if (isAppError(error)) return { error: error.userMessage }
    throw error
  }
}

export async function confirmClaimAction(_previous: ReviewState, formData: FormData): Promise<ReviewState> {
  const officer = await requireHrOfficer('/hr/verifikasi')
  return run(() => confirmClaim(officer, { userId: formData.get('userId') }))
}

export async function rejectClaimAction(_previous: ReviewState, formData: FormData): Promise<ReviewState> {
  const officer = await requireHrOfficer('/hr/verifikasi')
  return run(() => rejectClaim(officer, { userId: formData.get('userId'), reason: formData.get('reason') }))
}
