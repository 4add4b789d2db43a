'use server'

import { redirect } from 'next/navigation'
import { issuePendingCertificates } from '@/lib/certificates/certificates.server'
import { formAction } from '@/lib/http/handler.server'

/**
 * Issues the certificates a learner has earned but not received (the submission issues them;
 * this is the way back if that step failed). A POST: viewing /sertifikat writes nothing.
 */
export const issuePendingCertificatesAction = formAction({
  access: 'learner',
  returnTo: '/sertifikat',
  run: async ({ user }) => {
    await issuePendingCertificates(user.id)
    redirect('/sertifikat')
  },
})
