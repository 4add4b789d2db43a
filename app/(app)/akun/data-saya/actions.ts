'use server'

import { revalidatePath } from 'next/cache'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { action, type FormState } from '@/lib/http/handler.server'
import { nameCorrectionRequestSchema } from '@/lib/privacy/name-correction'
import { requestNameCorrection } from '@/lib/privacy/name-correction.server'
import { deleteOwnAccount } from '@/lib/privacy/account-deletion.server'

// Thin: the person comes from the session; zod checks the fields (errors per field); the rest
// (one open request, rate limit, the same name) in lib/privacy.
export const requestNameCorrectionAction = action<'learner', typeof nameCorrectionRequestSchema, FormState>({
  access: 'learner',
  returnTo: '/akun/data-saya',
  input: nameCorrectionRequestSchema,
  fields: ['name', 'reason'],
  run: async ({ user, input }) => {
    await requestNameCorrection(user, input)
    revalidatePath('/akun/data-saya')
    return { done: 'Permintaan koreksi nama terkirim. Admin kepegawaian instansi Anda akan memutuskannya.' }
  },
})

// Deleting one's own account (decision 047): the person only from the session, never the form;
// lib/privacy checks the password and the typed phrase and answers per field.
export const deleteOwnAccountAction = action({
  access: 'learner',
  returnTo: '/akun/data-saya',
  run: async ({ user, formData }): Promise<FormState> => {
    const result = await deleteOwnAccount(user, { password: formData.get('password') ?? undefined, confirmation: formData.get('confirmation') ?? undefined })
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    // The sessions are gone with the account: the cookie no longer names one.
    const jar = await cookies()
    for (const cookie of jar.getAll()) if (cookie.name.includes('session')) jar.delete(cookie.name)
    redirect('/masuk?akun=dihapus')
  },
})
