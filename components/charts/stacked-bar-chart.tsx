/**
 * A stacked horizontal bar per row, drawn in HTML and CSS on the server (no client JavaScript).
 * Text is real page text at CSS pixel sizes (at least 13 px on a 360 px phone; an SVG scaled to
 * the screen shrank it to ~6 px), and row labels wrap. Colour is never the only cue: every series
 * has its own pattern, the legend names them, each segment wide enough carries its number, and
 * the whole chart is one image whose label reads the numbers out. Pages show the same numbers
 * in a table next to it.
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

/** "Dinas A, 10 orang: Lulus 4 (40%), Sedang belajar 3 (30%) …" for each row. */
export function describeChart(title: string, series: readonly ChartSeries[], rows: readonly ChartRow[], unit = 'orang'): string {
  const parts = rows.map((row) => {
    const total = row.values.reduce((sum, value) => sum + value, 0)
    const values = series.map((s, i) => `${s.label} ${formatNumber(row.values[i] ?? 0)} (${formatPercent(row.values[i] ?? 0, total)})`).join(', ')
    return `${row.label}, ${formatNumber(total)} ${unit}: ${values}`
  })
  return `${title}. ${parts.length ? parts.join('; ') : 'Belum ada data'}.`
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
