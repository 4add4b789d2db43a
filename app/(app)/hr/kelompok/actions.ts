'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'
import { assignFormSchema, cohortFormSchema, selfEnrolCohortFormSchema } from '@/lib/hr/cohort-form'
import { assignToCohort, createCohort, setSelfEnrolCohort } from '@/lib/hr/cohorts.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'

export type CohortFormState = { fieldErrors?: FieldErrors; error?: string; done?: string } | null

export async function createCohortAction(_previous: CohortFormState, formData: FormData): Promise<CohortFormState> {
  const officer = await requireHrOfficer('/hr/kelompok')
  const parsed = cohortFormSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) }
  try {
    const cohort = await createCohort(officer, parsed.data)
    revalidatePath('/hr/kelompok')
    return { done: `Kelompok "${cohort.name}" dibuat. Sekarang tetapkan pesertanya.` }
  } catch (error) {
    if (isAppError(error)) return { fieldErrors: { name: error.userMessage } }
    throw error
  }
}

export async function assignAction(_previous: CohortFormState, formData: FormData): Promise<CohortFormState> {
  const officer = await requireHrOfficer('/hr/kelompok')
  const cohortId = String(formData.get('cohortId') ?? '')
  const parsed = assignFormSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) }
  try {
    const result = await assignToCohort(officer, cohortId, parsed.data)
    revalidatePath('/hr/kelompok')
    revalidatePath('/hr')
    const parts = [`${result.added} ditambahkan`, `${result.moved} dipindahkan dari kelompok lain`]
    if (result.already) parts.push(`${result.already} sudah ada di kelompok ini`)
    if (result.certified) parts.push(`${result.certified} sudah bersertifikat untuk siklus ini (tidak diubah)`)
    if (result.unknownNips.length) parts.push(`NIP tidak ditemukan di instansi Anda: ${result.unknownNips.slice(0, 10).join(', ')}`)
    return { done: `Penetapan selesai: ${parts.join('; ')}.` }
  } catch (error) {
    if (isAppError(error)) return { error: error.userMessage }
    throw error
  }
}

export async function selfEnrolCohortAction(_previous: CohortFormState, formData: FormData): Promise<CohortFormState> {
  const officer = await requireHrOfficer('/hr/kelompok')
  const parsed = selfEnrolCohortFormSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) }
  try {
    const cohort = await setSelfEnrolCohort(officer, parsed.data.selfEnrolCohortId)
    revalidatePath('/hr/kelompok')
    return {
      done: cohort
        ? `Pendaftar mandiri sekarang masuk kelompok "${cohort.name}".`
        : 'Pendaftar mandiri sekarang menunggu penetapan HR.',
    }
  } catch (error) {
    if (isAppError(error)) return { fieldErrors: { selfEnrolCohortId: error.userMessage } }
    throw error
  }
}

/**
 * The dashboard's one-click assignment of everyone in no cohort. Redirects back to the dashboard
 * with the number assigned (the button's section disappears once nobody is left).
 */
export async function assignUnassignedAction(_previous: CohortFormState, formData: FormData): Promise<CohortFormState> {
  const officer = await requireHrOfficer('/hr')
  const cohortId = String(formData.get('cohortId') ?? '')
  let added: number
  try {
    added = (await assignToCohort(officer, cohortId, { target: 'tanpa-kelompok' })).added
  } catch (error) {
    if (isAppError(error)) return { error: error.userMessage }
    throw error
  }
  revalidatePath('/hr')
  redirect(`/hr?kelompok=${encodeURIComponent(cohortId)}&ditetapkan=${added}`)
}
