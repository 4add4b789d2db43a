'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { createAgency, createUnit, deleteUnit, renameAgency, renameUnit } from '@/lib/admin/agencies.server'
import { addAgencyEmailDomain, removeAgencyEmailDomain } from '@/lib/admin/agency-email-domains.server'
import type { AdminFormState } from '@/lib/admin/form-result'
import { action } from '@/lib/http/handler.server'

// Every action checks the role through the entry: a server action can be called without the page.
// lib/admin validates the fields (zod) and answers per field.
const admin = { access: 'admin', returnTo: '/admin/instansi' } as const

export const createAgencyAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['code', 'name'],
  run: async ({ user, values }) => {
    const result = await createAgency(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/instansi')
    redirect(`/admin/instansi/${result.value.id}?baru=1`)
  },
})

export const renameAgencyAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['agencyId', 'name'],
  run: async ({ user, values }) => {
    const result = await renameAgency(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/instansi', 'layout')
    return { done: `Nama instansi disimpan: ${result.value.name}.` }
  },
})

export const createUnitAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['agencyId', 'name'],
  run: async ({ user, values }) => {
    const result = await createUnit(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/instansi', 'layout')
    return { done: `Unit kerja "${result.value.name}" ditambahkan.` }
  },
})

export const renameUnitAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['unitId', 'name'],
  run: async ({ user, values }) => {
    const result = await renameUnit(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/instansi', 'layout')
    return { done: `Nama unit disimpan: ${result.value.name}.` }
  },
})

export const deleteUnitAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['unitId'],
  run: async ({ user, values }) => {
    const result = await deleteUnit(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    revalidatePath('/admin/instansi', 'layout')
    return { done: `Unit kerja "${result.value.name}" dihapus.` }
  },
})

export const addEmailDomainAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['agencyId', 'domain'],
  run: async ({ user, values }) => {
    const result = await addAgencyEmailDomain(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/instansi', 'layout')
    return { done: `Domain email ${result.value.domain} ditambahkan.` }
  },
})

export const removeEmailDomainAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['agencyId', 'domain'],
  run: async ({ user, values }) => {
    const result = await removeAgencyEmailDomain(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    revalidatePath('/admin/instansi', 'layout')
    return { done: `Domain email ${result.value.domain} dihapus.` }
  },
})
