import { certificatePdfForDownload, findDownloadableCertificate, logCertificateDownload } from '@/lib/certificates/certificates.server'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'

// The PDF of one certificate: for its holder, an HR officer of the agency that enrolled them,
// or an admin. Anyone else gets 404, the same as for a certificate that does not exist.
// Audit-logged as a download, except the holder's inline preview (`?tampil=1`).
export const GET = route<'learner', undefined, { id: string }>({
  access: 'learner',
  signedOut: 'Silakan masuk untuk mengunduh sertifikat.',
  run: async ({ request, user, params }) => {
    const certificate = await findDownloadableCertificate(user, params.id)
    if (!certificate) throw new AppError(404, 'Sertifikat tidak ditemukan.')
    // The current version's stored file, byte-identical on every download (decision 043).
    const { pdf } = await certificatePdfForDownload(certificate)
    // The preview on the holder's own certificate page is not a download: a GET writes nothing
    // except the audit entry of a real download. Only the holder gets a preview; HR officers and
    // admins always download (and are audit-logged).
    const inline = new URL(request.url).searchParams.get('tampil') === '1' && certificate.userId === user.id
    if (!inline) await logCertificateDownload(user, certificate.id, certificate.enrolment.cohort.agencyId)
    // A revoked certificate is drawn as a copy stamped "DICABUT"; its file name says so too.
    const fileName = `sertifikat-${certificate.number.replaceAll('/', '-')}${certificate.revokedAt ? '-DICABUT' : ''}.pdf`
    return new Response(Buffer.from(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
        // The preview is shown in a frame on our own certificate page.
        'X-Frame-Options': 'SAMEORIGIN',
      },
    })
  },
})
