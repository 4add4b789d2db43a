export type DoDontProps = {
  /** What to do. */
  good?: string[]
  /** What to avoid. */
  bad?: string[]
}

function Icon({ kind }: { kind: 'good' | 'bad' }) {
  return (
    <svg className="lesson-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="10" fill="currentColor" />
      {kind === 'good' ? (
        <path d="M5.5 10.5l3 3 6-7" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M6.5 6.5l7 7m0-7l-7 7" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      )}
    </svg>
  )
}

/** Two lists side by side (stacked on phones): "Lakukan" and "Hindari", each with icon and text. */
export function DoDont({ good = [], bad = [] }: DoDontProps) {
  const columns = [
    { kind: 'good' as const, label: 'Lakukan', items: good },
    { kind: 'bad' as const, label: 'Hindari', items: bad },
  ]
  return (
    <div className="lesson-dodont">
      {columns.map((column) => (
        <div key={column.kind} className={`lesson-dodont-col lesson-dodont-${column.kind}`}>
          <p className="lesson-dodont-title">
            <Icon kind={column.kind} />
            {column.label}
          </p>
          <ul aria-label={column.label}>
            {column.items.map((item) => (
              <li key={item}>
                <span className="lesson-dodont-mark" aria-hidden="true">
                  {column.kind === 'good' ? '✓' : '✕'}
                </span>
                <span>{item}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}
