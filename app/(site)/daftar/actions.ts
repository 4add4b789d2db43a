'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { registerLearner } from '@/lib/accounts/register.server'

export type RegistrationState = {
  fieldErrors: Partial<Record<string, string>>
  values: Record<string, string>
} | null

const FIELDS = ['name', 'nip', 'employmentType', 'agencyId', 'unitId', 'email', 'password', 'passwordConfirm']

export async function registerAction(
  _previous: RegistrationState,
  formData: FormData,
): Promise<RegistrationState> {
  const raw = Object.fromEntries(FIELDS.map((field) => [field, formData.get(field) ?? undefined]))
  const result = await registerLearner(raw, await headers())
  if (!result.ok) return { fieldErrors: result.fieldErrors, values: result.values }
  redirect('/dasbor?selamat-datang=1')
}
