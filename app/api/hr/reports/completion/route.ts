import { requireHrOfficerForApi } from '@/lib/auth/require-api.server'
import { auditedRows, checkReportScope, completionRows } from '@/lib/hr/report-data.server'
import { parseReportFilter } from '@/lib/hr/report-filter'
import { withAppErrors } from '@/lib/http/app-error-response'
import { jsonError, zodFields } from '@/lib/http/json-response'
import { completionCsv } from '@/lib/reports/csv'
import { downloadHeaders, toWebStream, writerToWebStream } from '@/lib/reports/web-stream'
import { completionXlsx } from '@/lib/reports/xlsx'

// The completion report of one cohort (or every cohort) of the officer's agency, streamed as CSV or XLSX.
export function GET(request: Request) {
  return withAppErrors(async () => {
    const officer = await requireHrOfficerForApi()
    const parsed = parseReportFilter(new URL(request.url).searchParams)
    if (!parsed.success) return jsonError(400, 'Filter laporan tidak valid.', zodFields(parsed.error))
    const filter = parsed.data
    const scope = await checkReportScope(officer, filter)
    const rows = auditedRows(completionRows(officer, filter, scope), { officer, action: 'report.completion.downloaded', filter })
    const name = `laporan-penyelesaian-${(scope.cohort?.name ?? 'semua-kelompok').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}`
    if (filter.format === 'xlsx') {
      return new Response(writerToWebStream((output) => completionXlsx(rows, output)), { headers: downloadHeaders(`${name}.xlsx`, 'xlsx') })
    }
    return new Response(toWebStream(completionCsv(rows, { delimiter: filter.delimiter, spreadsheet: filter.spreadsheet })), { headers: downloadHeaders(`${name}.csv`, 'csv') })
  })
}
