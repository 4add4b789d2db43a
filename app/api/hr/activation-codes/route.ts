import { issueActivationCodes } from '@/lib/accounts/activation.server'
import { route } from '@/lib/http/handler.server'
import type { ColumnDef } from '@/lib/reports/columns'
import { csvStream } from '@/lib/reports/csv'
import { downloadHeaders, toWebStream } from '@/lib/reports/web-stream'

type CodeRow = { nip: string | null; name: string; email: string; unit: { name: string } | null; code: string }

const COLUMNS: ColumnDef<CodeRow>[] = [
  { key: 'nip', header: 'NIP', kind: 'text', width: 22, value: (row) => row.nip },
  { key: 'name', header: 'Nama Lengkap', kind: 'text', width: 40, value: (row) => row.name },
  { key: 'email', header: 'Email', kind: 'text', width: 30, value: (row) => row.email },
  { key: 'unit', header: 'Unit Kerja', kind: 'text', width: 30, value: (row) => row.unit?.name ?? '' },
  { key: 'code', header: 'Kode Aktivasi', kind: 'text', width: 14, value: (row) => row.code },
]

// New activation codes for every unclaimed account of the officer's agency, as a CSV to hand
// out. POST, not GET: it replaces earlier codes (and is audit-logged).
export const POST = route({
  access: 'hr',
  run: async ({ user: officer }) => {
    const { issued } = await issueActivationCodes(officer)
    async function* rows() {
      yield* issued
    }
    return new Response(toWebStream(csvStream(rows(), COLUMNS, { delimiter: ';' })), {
      headers: downloadHeaders('kode-aktivasi.csv', 'csv'),
    })
  },
})
