import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { auditedRows, checkReportScope, cohortCertificates } from '@/lib/hr/report-data.server'
import { parseReportFilter } from '@/lib/hr/report-filter'
import { withAppErrors } from '@/lib/http/app-error-response'
import { jsonError, zodFields } from '@/lib/http/json-response'
import { siasnCsv, siasnRows, siasnXlsx } from '@/lib/reports/siasn'
import { downloadHeaders, toWebStream, writerToWebStream } from '@/lib/reports/web-stream'
import { getCourseSettings } from '@/lib/settings/settings.server'

// One row per issued certificate, in the fields agencies type into SIASN (course history).
export function GET(request: Request) {
  return withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const parsed = parseReportFilter(new URL(request.url).searchParams)
    if (!parsed.success) return jsonError(400, 'Filter laporan tidak valid.', zodFields(parsed.error))
    const filter = parsed.data
    const cohort = await checkReportScope(officer, filter)
    const settings = await getCourseSettings()
    async function* certificates() {
      for await (const certificate of cohortCertificates(officer, filter, cohort)) {
        yield {
          nip: certificate.nip ?? '',
          certificateNumber: certificate.number,
          startedAt: certificate.enrolment.assignedAt,
          completedAt: certificate.completedAt,
          jp: certificate.jp,
        }
      }
    }
    const course = { courseName: settings.courseTitle, courseType: 'Pelatihan Teknis', organiser: settings.signerTitle }
    const rows = auditedRows(siasnRows(certificates(), course), { officer, action: 'report.siasn.downloaded', filter })
    if (filter.format === 'xlsx') {
      return new Response(writerToWebStream((output) => siasnXlsx(rows, output)), { headers: downloadHeaders('siasn-riwayat-pelatihan.xlsx', 'xlsx') })
    }
    return new Response(toWebStream(siasnCsv(rows, { delimiter: filter.delimiter })), { headers: downloadHeaders('siasn-riwayat-pelatihan.csv', 'csv') })
  })
}
