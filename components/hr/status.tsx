import { StackedBarChart, type ChartSeries } from '@/components/charts/stacked-bar-chart'
import { STATUS_ORDER, type Group } from '@/lib/hr/dashboard'
import { DataTable, fromExport } from '@/components/data-table'
import { formatPercent } from '@/lib/format/indonesian'
import { statusGroupColumns } from '@/lib/hr/dashboard-columns'
import { columnText } from '@/lib/reports/columns'
import { ENROLMENT_STATUS_LABELS, PERSON_STATUS_LABELS, type EnrolmentStatus, type PersonStatus } from '@/lib/vocabulary/statuses'
import styles from './hr.module.css'

const LOOK: Record<EnrolmentStatus, Omit<ChartSeries, 'key' | 'label'>> = {
  lulus: { color: '#17663a', pattern: 'solid', ink: '#ffffff' },
  sedang: { color: '#9cc3ea', pattern: 'stripes', ink: '#08467f' },
  terlambat: { color: '#f2b8b5', pattern: 'crosshatch', ink: '#7a1a14' },
  'belum-mulai': { color: '#e3e6ea', pattern: 'dots', ink: '#4f5866' },
}

export const STATUS_SERIES: ChartSeries[] = STATUS_ORDER.map((status) => ({
  key: status,
  label: ENROLMENT_STATUS_LABELS[status],
  ...LOOK[status],
}))

/** A status as a badge with its label in words (never colour alone). */
export function StatusBadge({ status }: { status: PersonStatus }) {
  const label = PERSON_STATUS_LABELS[status]
  return <span className={`badge ${styles[`status-${status}`] ?? ''}`}>{label}</span>
}

/** The four statuses per group: a chart and the same numbers in a table. */
export function StatusBreakdown({
  id,
  title,
  groupHeader,
  groups,
}: {
  id: string
  title: string
  groupHeader: string
  groups: readonly Group[]
}) {
  if (groups.length === 0) return <p className="muted">Belum ada peserta.</p>
  return (
    <>
      <StackedBarChart
        id={`grafik-${id}`}
        title={title}
        series={STATUS_SERIES}
        rows={groups.map((group) => ({ label: group.label, values: STATUS_ORDER.map((status) => group.counts[status]) }))}
      />
      <DataTable
        caption={`${title}: angka dan persentase`}
        className={styles.numbers}
        columns={statusGroupColumns(groupHeader).map((column) =>
          column.key === 'group'
            ? fromExport(column, { rowHeader: true })
            : column.key === 'total'
              ? fromExport(column)
              : fromExport(column, {
                  cell: (group) => (
                    <>
                      {columnText(column, group)} <span className="muted">({formatPercent(group.counts[column.key as EnrolmentStatus], group.counts.total)})</span>
                    </>
                  ),
                }),
        )}
        rows={groups}
        rowKey={(group) => group.key || 'lainnya'}
        empty="Belum ada peserta."
        markup="static"
      />
    </>
  )
}
