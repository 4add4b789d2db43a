import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { auditedRows, checkReportScope, siasnCertificates } from '@/lib/hr/report-data.server'
import { parseReportFilter } from '@/lib/hr/report-filter'
import { withAppErrors } from '@/lib/http/app-error-response'
import { jsonError, zodFields } from '@/lib/http/json-response'
import { siasnCourseFromSettings, siasnCsv, siasnRows, siasnXlsx } from '@/lib/reports/siasn'
import { downloadHeaders, toWebStream, writerToWebStream } from '@/lib/reports/web-stream'
import { getCourseSettings } from '@/lib/settings/settings.server'

// One row per issued (not revoked) certificate, in the fields agencies type into SIASN (course
// history). Only verified identities unless HR asks for all ("semua-identitas=ya"): then a
// column "Status identitas" says which.
export function GET(request: Request) {
  return withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const parsed = parseReportFilter(new URL(request.url).searchParams)
    if (!parsed.success) return jsonError(400, 'Filter laporan tidak valid.', zodFields(parsed.error))
    const filter = parsed.data
    const scope = await checkReportScope(officer, filter)
    const course = siasnCourseFromSettings(await getCourseSettings())
    const rows = auditedRows(siasnRows(siasnCertificates(officer, filter, scope), course), { officer, action: 'report.siasn.downloaded', filter })
    const withIdentity = filter.includeUnverified
    if (filter.format === 'xlsx') {
      return new Response(writerToWebStream((output) => siasnXlsx(rows, output, { withIdentity })), {
        headers: downloadHeaders('siasn-riwayat-pelatihan.xlsx', 'xlsx'),
      })
    }
    return new Response(toWebStream(siasnCsv(rows, { delimiter: filter.delimiter, spreadsheet: filter.spreadsheet, withIdentity })), {
      headers: downloadHeaders('siasn-riwayat-pelatihan.csv', 'csv'),
    })
  })
}
