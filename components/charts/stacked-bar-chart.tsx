/**
 * A stacked horizontal bar per row, drawn in HTML and CSS on the server (no client JavaScript).
 * Text is real page text at CSS pixel sizes (at least 13 px on a 360 px phone; an SVG scaled to
 * the screen shrank it to ~6 px), and row labels wrap. Colour is never the only cue: every series
 * has its own pattern, the legend names them, each segment wide enough carries its number, and
 * the whole chart is one image whose label reads the numbers out (a long chart's label reads the
 * totals and points to the table). Pages show the same numbers in a table next to it.
 */
import { formatNumber, formatPercent } from '@/lib/format/indonesian'
import { staticMarkup } from '@/components/static-markup'
import styles from './charts.module.css'

export type ChartSeries = {
  key: string
  label: string
  /** Fill colour of the segment. */
  color: string
  /** How the segment is marked besides its colour. */
  pattern: 'solid' | 'stripes' | 'crosshatch' | 'dots'
  /** Colour of the pattern's marks and of numbers printed on the segment. */
  ink: string
}

export type ChartRow = { label: string; values: readonly number[] }

/** A segment narrower than this share of its bar shows no number (it would not fit). */
const MIN_LABELLED_SHARE = 0.08

/**
 * A chart with more rows than this is labelled with its totals, not row by row: a screen reader
 * reads a label as one unbroken string (41 units made a 4.6 kB label, sent twice in the page),
 * while the table after the chart can be read row by row.
 */
export const MAX_ROWS_READ_OUT = 6

function describeRow(series: readonly ChartSeries[], values: readonly number[]): string {
  const total = values.reduce((sum, value) => sum + value, 0)
  return series.map((s, i) => `${s.label} ${formatNumber(values[i] ?? 0)} (${formatPercent(values[i] ?? 0, total)})`).join(', ')
}

/**
 * "T. Dinas A, 10 orang: Lulus 4 (40%), Sedang belajar 3 (30%) …" for each row; past
 * MAX_ROWS_READ_OUT rows, "T. 48 baris, 20.000 orang: Lulus … . Angka tiap baris ada di tabel
 * berikutnya."
 */
export function describeChart(title: string, series: readonly ChartSeries[], rows: readonly ChartRow[], unit = 'orang'): string {
  if (rows.length === 0) return `${title}. Belum ada data.`
  const totalOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0)
  if (rows.length <= MAX_ROWS_READ_OUT) {
    const parts = rows.map((row) => `${row.label}, ${formatNumber(totalOf(row.values))} ${unit}: ${describeRow(series, row.values)}`)
    return `${title}. ${parts.join('; ')}.`
  }
  const sums = series.map((_, i) => rows.reduce((sum, row) => sum + (row.values[i] ?? 0), 0))
  return `${title}. ${formatNumber(rows.length)} baris, ${formatNumber(totalOf(sums))} ${unit}: ${describeRow(series, sums)}. Angka tiap baris ada di tabel berikutnya.`
}

/** The series' fill and pattern: a class (charts.module.css) and the two colours it reads. */
export function seriesLook(series: ChartSeries): { className: string; style: Record<`--${string}`, string> } {
  return { className: styles[series.pattern] ?? '', style: { '--fill': series.color, '--ink': series.ink } }
}

export function StackedBarChart({
  title,
  series,
  rows,
  unit = 'orang',
}: {
  /** Unique on the page (kept for callers; the chart needs no ids). */
  id?: string
  title: string
  series: readonly ChartSeries[]
  rows: readonly ChartRow[]
  unit?: string
}) {
  // The figure's content is static markup (decision 039): one string instead of an element per
  // segment in the page's RSC payload; the same HTML.
  const looks = series.map(seriesLook)
  const content = (
    <>
      <ul className={styles.legend}>
        {series.map((s, i) => (
          <li key={s.key}>
            <span className={`${styles.swatch} ${looks[i]!.className}`} style={looks[i]!.style} />
            {s.label}
          </li>
        ))}
      </ul>
      {rows.map((row, r) => {
        const total = row.values.reduce((sum, value) => sum + value, 0)
        return (
          <div key={`${row.label}-${r}`} className={styles.row}>
            <div className={styles.rowLabel}>
              {row.label} ({formatNumber(total)} {unit})
            </div>
            <div className={styles.bar}>
              {total > 0 &&
                series.map((s, i) => {
                  const value = row.values[i] ?? 0
                  if (value <= 0) return null
                  const share = value / total
                  return (
                    <span key={s.key} className={`${styles.segment} ${looks[i]!.className}`} style={{ ...looks[i]!.style, width: `${+(share * 100).toFixed(2)}%` }}>
                      {share >= MIN_LABELLED_SHARE && <span className={styles.value}>{formatNumber(value)}</span>}
                    </span>
                  )
                })}
            </div>
          </div>
        )
      })}
    </>
  )
  return (
    <figure
      className={styles.figure}
      role="img"
      aria-label={describeChart(title, series, rows, unit)}
      data-chart
      dangerouslySetInnerHTML={{ __html: staticMarkup(content) }}
    />
  )
}
