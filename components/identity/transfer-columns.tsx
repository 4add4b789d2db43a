import type { TableColumn } from '@/components/data-table'
import { formatLongDate } from '@/lib/format/indonesian'

type TransferRow = { toAgency: { name: string }; toUnit: { name: string } | null; note: string | null; requestedAt: Date }

/** The columns a mutasi request shows the same way to HR and to the admin: where to, and the reference. */
export function transferColumns<Row extends TransferRow>(destinationHeader: string): TableColumn<Row>[] {
  return [
    { key: 'to', header: destinationHeader, cell: (request) => `${request.toAgency.name}${request.toUnit ? ` · ${request.toUnit.name}` : ''}` },
    {
      key: 'note',
      header: 'Rujukan',
      cell: (request) => (
        <>
          {request.note} <span className="hint">({formatLongDate(request.requestedAt)})</span>
        </>
      ),
    },
  ]
}
