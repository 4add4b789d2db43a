'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { createAgency, createUnit, deleteUnit, renameAgency, renameUnit } from '@/lib/admin/agencies.server'
import { formValues, type AdminFormState } from '@/lib/admin/form-result'
import { requireRole } from '@/lib/auth/session.server'

// Every action checks the role itself: a server action can be called without the page.

export async function createAgencyAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/instansi')
  const values = formValues(formData, ['code', 'name'])
  const result = await createAgency(admin.id, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/admin/instansi')
  redirect(`/admin/instansi/${result.value.id}?baru=1`)
}

export async function renameAgencyAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/instansi')
  const values = formValues(formData, ['agencyId', 'name'])
  const result = await renameAgency(admin.id, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/admin/instansi', 'layout')
  return { done: `Nama instansi disimpan: ${result.value.name}.` }
}

export async function createUnitAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/instansi')
  const values = formValues(formData, ['agencyId', 'name'])
  const result = await createUnit(admin.id, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/admin/instansi', 'layout')
  return { done: `Unit kerja "${result.value.name}" ditambahkan.` }
}

export async function renameUnitAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/instansi')
  const values = formValues(formData, ['unitId', 'name'])
  const result = await renameUnit(admin.id, values)
  if (!result.ok) return { fieldErrors: result.fieldErrors, values }
  revalidatePath('/admin/instansi', 'layout')
  return { done: `Nama unit disimpan: ${result.value.name}.` }
}

export async function deleteUnitAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(['admin'], '/admin/instansi')
  const result = await deleteUnit(admin.id, formValues(formData, ['unitId']))
  if (!result.ok) return { fieldErrors: result.fieldErrors }
  revalidatePath('/admin/instansi', 'layout')
  return { done: `Unit kerja "${result.value.name}" dihapus.` }
}
