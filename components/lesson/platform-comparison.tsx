export type PlatformRow = {
  name: string
  audience: string
  style: string
  caution: string
}

const COLUMNS = [
  { key: 'audience', label: 'Khalayak' },
  { key: 'style', label: 'Gaya interaksi' },
  { key: 'caution', label: 'Perlu diwaspadai' },
] as const

/**
 * A real table on wide screens; below 48rem every row is shown as a card (CSS only). The
 * explicit ARIA roles keep the table semantics when CSS changes the rows' display.
 */
export function PlatformComparison({ platforms = [] }: { platforms?: PlatformRow[] }) {
  return (
    <div className="lesson-platforms">
      <table role="table">
        <caption>Perbandingan platform media sosial</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              Platform
            </th>
            {COLUMNS.map((column) => (
              <th key={column.key} role="columnheader" scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {platforms.map((platform) => (
            <tr key={platform.name} role="row">
              <th role="rowheader" scope="row">
                {platform.name}
              </th>
              {COLUMNS.map((column) => (
                <td key={column.key} role="cell">
                  <span className="lesson-platforms-label" aria-hidden="true">
                    {column.label}
                  </span>
                  {platform[column.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
