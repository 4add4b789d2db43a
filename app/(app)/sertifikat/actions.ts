'use server'

import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session.server'
import { issuePendingCertificates } from '@/lib/certificates/certificates.server'

/**
 * Issues the certificates a learner has earned but not received (the submission issues them;
 * this is the way back if that step failed). A POST: viewing /sertifikat writes nothing.
 */
export async function issuePendingCertificatesAction(): Promise<void> {
  const user = await requireUser('/sertifikat')
  await issuePendingCertificates(user.id)
  redirect('/sertifikat')
}
