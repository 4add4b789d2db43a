import { openBadgeForDownload } from '@/lib/badges/badges.server'
import { BADGE_MEDIA_TYPE, badgeFilename } from '@/lib/badges/open-badge'
import { findDownloadableCertificate, logCertificateDownload } from '@/lib/certificates/certificates.server'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'

// The Open Badges 3.0 credential of one certificate (decision 050): for the same people as its PDF
// (the holder, HR of the enrolling agency in scope, an admin); anyone else gets 404, the same as
// for a certificate that does not exist. Audit-logged as a download.
export const GET = route<'learner', undefined, { id: string }>({
  access: 'learner',
  signedOut: 'Silakan masuk untuk mengunduh sertifikat.',
  run: async ({ user, params }) => {
    const certificate = await findDownloadableCertificate(user, params.id)
    if (!certificate) throw new AppError(404, 'Sertifikat tidak ditemukan.')
    const { credential, version } = await openBadgeForDownload(certificate)
    await logCertificateDownload(user, certificate.id, certificate.enrolment.cohort.agencyId)
    return new Response(JSON.stringify(credential, null, 2), {
      headers: {
        'Content-Type': BADGE_MEDIA_TYPE,
        'Content-Disposition': `attachment; filename="${badgeFilename(certificate.number, version)}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  },
})
