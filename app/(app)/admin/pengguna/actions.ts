'use server'

import { revalidatePath } from 'next/cache'
import type { AdminFormState } from '@/lib/admin/form-result'
import { appointHrOfficer, disableUser, enableUser, removeHrRole } from '@/lib/admin/users.server'
import { action } from '@/lib/http/handler.server'

// Every action checks the role through the entry: a server action can be called without the page.
// lib/admin validates the fields (zod) and answers per field.
const admin = { access: 'admin', returnTo: '/admin/pengguna' } as const

export const appointHrAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['userId', 'agencyId'],
  run: async ({ user, values }) => {
    const result = await appointHrOfficer(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/pengguna')
    return { done: `${result.value.name} sekarang admin kepegawaian ${result.value.agencyName ?? ''}.` }
  },
})

export const removeHrAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['userId'],
  run: async ({ user, values }) => {
    const result = await removeHrRole(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    revalidatePath('/admin/pengguna')
    return { done: `${result.value.name} bukan lagi admin kepegawaian (kembali menjadi peserta).` }
  },
})

export const disableUserAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['userId', 'reason'],
  run: async ({ user, values }) => {
    const result = await disableUser(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/admin/pengguna')
    return { done: `Akun ${result.value.name} dinonaktifkan; ${result.value.sessionsEnded} sesi diakhiri.` }
  },
})

export const enableUserAction = action<'admin', undefined, AdminFormState>({
  ...admin,
  fields: ['userId'],
  run: async ({ user, values }) => {
    const result = await enableUser(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    revalidatePath('/admin/pengguna')
    return { done: `Akun ${result.value.name} aktif kembali.` }
  },
})
