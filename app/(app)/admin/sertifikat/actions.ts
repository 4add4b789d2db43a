'use server'

import { revalidatePath } from 'next/cache'
import { revokeCertificate } from '@/lib/certificates/certificates.server'
import { revokeInputSchema } from '@/lib/certificates/revoke-input'
import { AppError } from '@/lib/errors/app-error'
import { action, type FormState } from '@/lib/http/handler.server'

export type RevokeState = FormState

// The role is checked by the entry: a server action can be called without the page. Works
// without JavaScript too (a plain form POST; the page renders the returned state). The typed
// reason comes back in `values` when the form is refused.
export const revokeCertificateAction = action({
  access: 'admin',
  returnTo: '/admin/sertifikat',
  input: revokeInputSchema,
  fields: ['reason'],
  run: async ({ user, input }): Promise<RevokeState> => {
    const revoked = await revokeCertificate(user.id, input.certificateId, input.reason)
    if (!revoked) throw new AppError(404, 'Sertifikat tidak ditemukan.')
    revalidatePath('/admin/sertifikat')
    return { done: `Sertifikat ${revoked.number} dicabut.` }
  },
})
