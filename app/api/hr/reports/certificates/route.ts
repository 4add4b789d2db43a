import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { renderCertificatePdf } from '@/lib/certificates/certificates.server'
import { auditedRows, checkReportScope, cohortCertificates } from '@/lib/hr/report-data.server'
import { parseReportFilter } from '@/lib/hr/report-filter'
import { withAppErrors } from '@/lib/http/app-error-response'
import { jsonError, zodFields } from '@/lib/http/json-response'
import { certificatePdfEntries } from '@/lib/reports/siasn'
import { downloadHeaders, writerToWebStream } from '@/lib/reports/web-stream'
import { streamZip } from '@/lib/reports/zip'

// Every certificate of the filter as PDFs in one ZIP, named <NIP>_<number>.pdf; streamed and
// rendered one at a time, never built in memory.
export function GET(request: Request) {
  return withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const parsed = parseReportFilter(new URL(request.url).searchParams)
    if (!parsed.success) return jsonError(400, 'Filter laporan tidak valid.', zodFields(parsed.error))
    const filter = parsed.data
    const scope = await checkReportScope(officer, filter)
    async function* certificates() {
      for await (const certificate of cohortCertificates(officer, filter, scope)) {
        yield { ...certificate, certificateNumber: certificate.number }
      }
    }
    const audited = auditedRows(certificates(), { officer, action: 'report.certificates_zip.downloaded', filter })
    const entries = certificatePdfEntries(audited, (certificate) => renderCertificatePdf(certificate))
    return new Response(writerToWebStream((output) => streamZip(entries, output).then(() => undefined)), {
      headers: downloadHeaders('sertifikat.zip', 'zip'),
    })
  })
}
