import { StackedBarChart, type ChartSeries } from '@/components/charts/stacked-bar-chart'
import { STATUS_ORDER, type Group } from '@/lib/hr/dashboard'
import { formatNumber, formatPercent } from '@/lib/format/indonesian'
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
      <div className="table-wrap" role="region" aria-label={`${title}: angka dan persentase`} tabIndex={0}>
        <table className={styles.numbers}>
          <caption className="visually-hidden">{title}: angka dan persentase</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeader}</th>
              <th scope="col">Peserta</th>
              {STATUS_ORDER.map((status) => (
                <th scope="col" key={status}>
                  {ENROLMENT_STATUS_LABELS[status]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key || 'lainnya'}>
                <th scope="row">{group.label}</th>
                <td>{formatNumber(group.counts.total)}</td>
                {STATUS_ORDER.map((status) => (
                  <td key={status}>
                    {formatNumber(group.counts[status])} <span className="muted">({formatPercent(group.counts[status], group.counts.total)})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
