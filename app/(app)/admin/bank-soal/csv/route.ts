import { db } from '@/lib/db/db.server'
import { route } from '@/lib/http/handler.server'
import { parseBankStatisticsQuery, ITEM_STATISTICS_COLUMNS } from '@/lib/quiz/item-statistics-report'
import { getBankStatisticsView } from '@/lib/quiz/item-statistics.server'
import { csvStream } from '@/lib/reports/csv'
import { downloadHeaders, toWebStream } from '@/lib/reports/web-stream'

// The "Bank soal" table as CSV for a spreadsheet (`;`, decimal commas; decision 016), with the
// page's filters. Platform admins only (401 without a session, 403 for anyone else).
export const GET = route({
  access: 'admin',
  run: async ({ request }) => {
    const view = await getBankStatisticsView(db, parseBankStatisticsQuery(new URL(request.url).searchParams))
    const name = ['statistik-bank-soal', `uji-${view.query.uji}`, view.query.tanda, view.query.area?.toLowerCase()].filter(Boolean).join('-')
    return new Response(toWebStream(csvStream(view.items, ITEM_STATISTICS_COLUMNS, { delimiter: ';', spreadsheet: true })), {
      headers: downloadHeaders(`${name}.csv`, 'csv'),
    })
  },
})
