'use server'

import { revalidatePath } from 'next/cache'
import { formValues, type AdminFormState } from '@/lib/admin/form-result'
import { appointHrOfficer, disableUser, enableUser, removeHrRole } from '@/lib/admin/users.server'
import { requireRole } from '@/lib/auth/session.server'

// Every action checks the role itself: a server action can be called without the page.

export async function appointHrAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/pengguna')
  const values = formValues(formData, ['userId', 'agencyId'])
  const result = await appointHrOfficer(admin.id, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/admin/pengguna')
  return { done: `${result.value.name} sekarang admin kepegawaian ${result.value.agencyName ?? ''}.` }
}

export async function removeHrAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/pengguna')
  const result = await removeHrRole(admin.id, formValues(formData, ['userId']))
  if (!result.ok) return { fieldErrors: result.fieldErrors }
  revalidatePath('/admin/pengguna')
  return { done: `${result.value.name} bukan lagi admin kepegawaian (kembali menjadi peserta).` }
}

export async function disableUserAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/pengguna')
  const values = formValues(formData, ['userId', 'reason'])
  const result = await disableUser(admin.id, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/admin/pengguna')
  return { done: `Akun ${result.value.name} dinonaktifkan; ${result.value.sessionsEnded} sesi diakhiri.` }
}

export async function enableUserAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/pengguna')
  const result = await enableUser(admin.id, formValues(formData, ['userId']))
  if (!result.ok) return { fieldErrors: result.fieldErrors }
  revalidatePath('/admin/pengguna')
  return { done: `Akun ${result.value.name} aktif kembali.` }
}
