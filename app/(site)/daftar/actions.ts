'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { registerLearner } from '@/lib/accounts/register.server'
import { action } from '@/lib/http/handler.server'

export type RegistrationState = {
  fieldErrors: Partial<Record<string, string>>
  /** What was typed, except the passwords (lib/accounts/register.server.ts). */
  values: Record<string, string>
  /** Counts rejected submissions, so the form remounts with `values` as its defaults. */
  submission?: number
} | null

const FIELDS = ['name', 'nip', 'employmentType', 'agencyId', 'unitId', 'email', 'password', 'passwordConfirm']

// Anyone may register; lib/accounts validates with zod (NIP structure, agency and unit,
// duplicates), limits attempts per address, and answers per field.
export const registerAction = action<'visitor', undefined, RegistrationState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData, previous }) => {
    const raw = Object.fromEntries(FIELDS.map((field) => [field, formData.get(field) ?? undefined]))
    const result = await registerLearner(raw, await headers())
    if (!result.ok) return { fieldErrors: result.fieldErrors, values: result.values, submission: (previous?.submission ?? 0) + 1 }
    redirect('/dasbor?selamat-datang=1')
  },
})
