'use server'

import { revalidatePath } from 'next/cache'
import type { AdminFormState } from '@/lib/admin/form-result'
import { appointUnitStaff, removeUnitStaff } from '@/lib/hr/unit-staff.server'
import { action } from '@/lib/http/handler.server'

// Only HR appoints unit operators and heads, and only in the agency they administer (the entry
// gives it); lib/hr validates the fields (zod) and checks the person and the unit belong to it.
const hr = { access: 'hr', returnTo: '/hr/operator-unit' } as const

export const appointUnitStaffAction = action<'hr', undefined, AdminFormState>({
  ...hr,
  fields: ['person', 'unitId', 'capability'],
  run: async ({ user, values }) => {
    const result = await appointUnitStaff(user, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    revalidatePath('/hr/operator-unit')
    return { done: `${result.value.name} sekarang ${result.value.label} ${result.value.unitName}.` }
  },
})

export const removeUnitStaffAction = action<'hr', undefined, AdminFormState>({
  ...hr,
  fields: ['grantId'],
  run: async ({ user, values }) => {
    const result = await removeUnitStaff(user, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    revalidatePath('/hr/operator-unit')
    return { done: `${result.value.name} bukan lagi ${result.value.label} ${result.value.unitName}.` }
  },
})
