import { auditedRows, checkReportScope, siasnCertificates } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { route } from '@/lib/http/handler.server'
import { siasnCourseFromSettings, siasnCsv, siasnRows, siasnXlsx } from '@/lib/reports/siasn'
import { downloadHeaders, toWebStream, writerToWebStream } from '@/lib/reports/web-stream'
import { getCourseSettings } from '@/lib/settings/settings.server'

// One row per issued (not revoked) certificate, in the fields agencies type into SIASN (course
// history). Only verified identities unless HR asks for all ("semua-identitas=ya"): then a
// column "Status identitas" says which.
export const GET = route({
  access: 'hr',
  input: { from: 'query', schema: reportFilterSchema, invalid: 'Filter laporan tidak valid.' },
  run: async ({ user: officer, input: filter }) => {
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
  },
})
