import { auditedPages, checkReportScope, completionRowPages } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { route } from '@/lib/http/handler.server'
import { completionCsv } from '@/lib/reports/csv'
import { RowBatches } from '@/lib/reports/row-batches'
import { downloadHeaders, toWebStream, writerToWebStream } from '@/lib/reports/web-stream'
import { completionXlsx } from '@/lib/reports/xlsx'

// The completion report of one cohort (or every cohort) of the officer's agency, streamed as CSV or XLSX.
export const GET = route({
  access: 'unit-read',
  input: { from: 'query', schema: reportFilterSchema, invalid: 'Filter laporan tidak valid.' },
  run: async ({ user, input: filter }) => {
    const officer = { ...user, unitIds: user.scope.unitIds }
    const scope = await checkReportScope(officer, filter)
    // Pages of rows, so the writer awaits once per page rather than per row (lib/reports/row-batches.ts).
    const rows = new RowBatches(auditedPages(completionRowPages(officer, filter, scope), { officer, action: 'report.completion.downloaded', filter }))
    const name = `laporan-penyelesaian-${(scope.cohort?.name ?? 'semua-kelompok').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}`
    if (filter.format === 'xlsx') {
      return new Response(writerToWebStream((output) => completionXlsx(rows, output)), { headers: downloadHeaders(`${name}.xlsx`, 'xlsx') })
    }
    return new Response(toWebStream(completionCsv(rows, { delimiter: filter.delimiter, spreadsheet: filter.spreadsheet })), { headers: downloadHeaders(`${name}.csv`, 'csv') })
  },
})
