import { fromExport, type TableColumn } from '@/components/data-table'
import { PersonName } from '@/components/hr/person-name'
import { StatusBadge } from '@/components/hr/status'
import { formatShortDate, formatShortDateTime } from '@/lib/format/indonesian'
import type { HrTableRow } from '@/lib/hr/hr-rows'
import { COMPLETION_COLUMNS, type CompletionRow } from '@/lib/reports/completion-report'
import { columnByKey, columnText, type ColumnDef } from '@/lib/reports/columns'
import { CERTIFICATE_STATUS_LABELS, COHORT_KIND_LABELS } from '@/lib/vocabulary/statuses'

/**
 * The columns of the HR tables that show people's progress, taken from the completion report's
 * columns (the CSV/XLSX HR downloads): the same header and the same value, with a richer cell
 * where the page needs one (a link, a badge). A column a file does not have says so
 * (`pageOnly`). Server components only.
 */
export type HrColumn = TableColumn<HrTableRow> & { pageOnly?: true }

function exportColumn(key: string): ColumnDef<CompletionRow> {
  return columnByKey(COMPLETION_COLUMNS, key)
}

function fromReport(key: string, options: Parameters<typeof fromExport<HrTableRow>>[1] = {}): HrColumn {
  return fromExport<HrTableRow>(exportColumn(key), options)
}

const statusCell = (row: HrTableRow) => <StatusBadge status={row.status} />

const certificateCell = (row: HrTableRow) => {
  if (!row.certificateNumber || !row.certificateStatus) return columnText(exportColumn('certificateNumber'), row)
  const status = row.certificateStatus
  return (
    <>
      <span className="nowrap">{row.certificateNumber}</span>
      <div className="muted">
        {status === 'dicabut' ? 'dicabut' : `${status === 'kedaluwarsa' ? 'berakhir' : 'berlaku s.d.'} ${formatShortDate(row.validUntil)}`}
        <span className="visually-hidden"> ({CERTIFICATE_STATUS_LABELS[status]})</span>
      </div>
    </>
  )
}

/** The people list (/hr/pegawai): one row per person, their latest cohort. */
export const PEOPLE_LIST_COLUMNS: readonly HrColumn[] = [
  fromReport('name', {
    rowHeader: true,
    cell: (row) => <PersonName name={row.name} unitName={row.unitName} nip={row.nip} href={`/hr/pegawai/${row.personId}`} />,
  }),
  fromReport('nip', { nowrap: true }),
  fromReport('unitName'),
  fromReport('identityStatus', { cellProps: (row) => ({ 'data-identity': row.identityStatus }) }),
  fromReport('status', {
    cell: (row) => (
      <>
        {statusCell(row)}
        {row.cohortName && <div className="muted">{row.cohortName}</div>}
      </>
    ),
  }),
  fromReport('activeMinutes', { cellProps: (row) => ({ 'data-seconds': row.activeSeconds }) }),
  { key: 'lastActivity', header: 'Aktivitas terakhir', cell: (row) => formatShortDateTime(row.lastActivity), pageOnly: true },
  fromReport('bestPostTestScore'),
  fromReport('certificateNumber', { cell: certificateCell }),
]

/** A person's cohorts on their page (/hr/pegawai/[id]). */
export const PERSON_ENROLMENT_COLUMNS: readonly HrColumn[] = [
  fromReport('cohortName', { rowHeader: true }),
  {
    key: 'cohortKind',
    header: 'Jenis',
    cell: (row) => (row.cohortKind ? `${COHORT_KIND_LABELS[row.cohortKind]} ${row.cohortYear ?? ''}`.trim() : '–'),
    pageOnly: true,
  },
  fromReport('dueDate'),
  fromReport('status', { cell: statusCell }),
  fromReport('lessonsDone'),
  fromReport('activeMinutes'),
  fromReport('bestPostTestScore'),
  fromReport('certificateNumber', { nowrap: true }),
]
