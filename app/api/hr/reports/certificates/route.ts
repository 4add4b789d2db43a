import { certificatePdfForDownload } from '@/lib/certificates/certificates.server'
import { auditedRows, checkReportScope, cohortCertificates } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { route } from '@/lib/http/handler.server'
import { certificatePdfEntries } from '@/lib/reports/siasn'
import { downloadHeaders, writerToWebStream } from '@/lib/reports/web-stream'
import { streamZip } from '@/lib/reports/zip'

// Every certificate of the filter as PDFs in one ZIP, named <NIP>_<number>.pdf; streamed and
// each the current version's stored file (rendered and stored first if it was not yet), one at
// a time, never built in memory.
export const GET = route({
  access: 'unit-read',
  input: { from: 'query', schema: reportFilterSchema, invalid: 'Filter laporan tidak valid.' },
  run: async ({ user, input: filter }) => {
    const officer = { ...user, unitIds: user.scope.unitIds }
    const scope = await checkReportScope(officer, filter)
    async function* certificates() {
      for await (const certificate of cohortCertificates(officer, filter, scope)) {
        yield { ...certificate, certificateNumber: certificate.number }
      }
    }
    const audited = auditedRows(certificates(), { officer, action: 'report.certificates_zip.downloaded', filter })
    const entries = certificatePdfEntries(audited, async (certificate) => (await certificatePdfForDownload(certificate)).pdf)
    return new Response(writerToWebStream((output) => streamZip(entries, output).then(() => undefined)), {
      headers: downloadHeaders('sertifikat.zip', 'zip'),
    })
  },
})
