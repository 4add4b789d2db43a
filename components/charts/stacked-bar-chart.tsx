/**
 * A stacked horizontal bar per row, drawn as plain SVG on the server (no client JavaScript).
 * Colour is never the only cue: every series has its own pattern, the legend names them, each
 * segment wide enough carries its number, and the whole chart has an aria-label that reads the
 * numbers out. Pages show the same numbers in a table next to it.
 */
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

const WIDTH = 640
const LABEL_HEIGHT = 18
const BAR_HEIGHT = 24
const ROW_GAP = 14
const LEGEND_HEIGHT = 30
const MIN_LABELLED_WIDTH = 26

function pct(part: number, total: number) {
  return total > 0 ? Math.round((part / total) * 100) : 0
}

/** "Dinas A, 10 orang: Lulus 4 (40%), Sedang belajar 3 (30%) …" for each row. */
export function describeChart(title: string, series: readonly ChartSeries[], rows: readonly ChartRow[], unit = 'orang'): string {
  const parts = rows.map((row) => {
    const total = row.values.reduce((sum, value) => sum + value, 0)
    const values = series.map((s, i) => `${s.label} ${row.values[i] ?? 0} (${pct(row.values[i] ?? 0, total)}%)`).join(', ')
    return `${row.label}, ${total} ${unit}: ${values}`
  })
  return `${title}. ${parts.length ? parts.join('; ') : 'Belum ada data'}.`
}

function Pattern({ id, series }: { id: string; series: ChartSeries }) {
  if (series.pattern === 'stripes') {
    return (
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={series.color} />
        <line x1="0" y1="0" x2="0" y2="8" stroke={series.ink} strokeWidth="3" strokeOpacity="0.55" />
      </pattern>
    )
  }
  if (series.pattern === 'crosshatch') {
    return (
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={series.color} />
        <path d="M0 0L8 8M8 0L0 8" stroke={series.ink} strokeWidth="1.3" strokeOpacity="0.6" />
      </pattern>
    )
  }
  if (series.pattern === 'dots') {
    return (
      <pattern id={id} width="7" height="7" patternUnits="userSpaceOnUse">
        <rect width="7" height="7" fill={series.color} />
        <circle cx="3.5" cy="3.5" r="1.2" fill={series.ink} fillOpacity="0.55" />
      </pattern>
    )
  }
  return (
    <pattern id={id} width="4" height="4" patternUnits="userSpaceOnUse">
      <rect width="4" height="4" fill={series.color} />
    </pattern>
  )
}

export function StackedBarChart({
  id,
  title,
  series,
  rows,
  unit = 'orang',
}: {
  /** Unique on the page: prefixes the pattern ids. */
  id: string
  title: string
  series: readonly ChartSeries[]
  rows: readonly ChartRow[]
  unit?: string
}) {
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
  const height = LEGEND_HEIGHT + Math.max(1, rows.length) * rowHeight
  const patternId = (key: string) => `${id}-${key}`
  const legendStep = WIDTH / Math.max(1, series.length)
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.chart}
        role="img"
        aria-label={describeChart(title, series, rows, unit)}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{title}</title>
        <defs>
          {series.map((s) => (
            <Pattern key={s.key} id={patternId(s.key)} series={s} />
          ))}
        </defs>
        <g>
          {series.map((s, i) => (
            <g key={s.key} transform={`translate(${i * legendStep}, 4)`}>
              <rect width="18" height="14" fill={`url(#${patternId(s.key)})`} stroke="#1b1f24" strokeWidth="0.75" />
              <text x="24" y="12" className={styles.legend}>
                {s.label}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row, r) => {
          const total = row.values.reduce((sum, value) => sum + value, 0)
          const y = LEGEND_HEIGHT + r * rowHeight
          let x = 0
          return (
            <g key={`${row.label}-${r}`}>
              <text x="0" y={y + 13} className={styles.rowLabel}>
                {row.label} ({total} {unit})
              </text>
              <rect x="0" y={y + LABEL_HEIGHT} width={WIDTH} height={BAR_HEIGHT} fill="#f1f3f5" stroke="#d5dae1" />
              {total > 0 &&
                series.map((s, i) => {
                  const value = row.values[i] ?? 0
                  const width = (value / total) * WIDTH
                  const segment = (
                    <g key={s.key}>
                      {value > 0 && (
                        <rect
                          x={x}
                          y={y + LABEL_HEIGHT}
                          width={width}
                          height={BAR_HEIGHT}
                          fill={`url(#${patternId(s.key)})`}
                          stroke="#ffffff"
                          strokeWidth="1"
                        />
                      )}
                      {value > 0 && width >= MIN_LABELLED_WIDTH && (
                        <text x={x + width / 2} y={y + LABEL_HEIGHT + 16} textAnchor="middle" className={styles.value}>
                          {value}
                        </text>
                      )}
                    </g>
                  )
                  x += width
                  return segment
                })}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
