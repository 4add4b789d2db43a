import { getCurrentUser } from '@/lib/auth/session.server'
import { findDownloadableCertificate, logCertificateDownload, renderCertificatePdf } from '@/lib/certificates/certificates.server'
import { jsonError } from '@/lib/http/json-response'

// The PDF of one certificate: for its holder, an HR officer of the agency that enrolled them,
// or an admin. Anyone else gets 404, the same as for a certificate that does not exist.
// Audit-logged as a download, except the holder's inline preview (`?tampil=1`).
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser()
  if (!user) return jsonError(401, 'Silakan masuk untuk mengunduh sertifikat.')
  const { id } = await context.params
  const certificate = await findDownloadableCertificate(user, id)
  if (!certificate) return jsonError(404, 'Sertifikat tidak ditemukan.')
  const pdf = await renderCertificatePdf(certificate)
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
}
