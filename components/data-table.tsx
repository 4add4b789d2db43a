import type { ReactNode } from 'react'
import { staticMarkup } from '@/components/static-markup'
import { columnAlign, columnText, type ColumnAlign, type ColumnDef } from '@/lib/reports/columns'

/**
 * One table for the HR and admin areas: a semantic `<table>` with a caption, column headers
 * (`<th scope="col">`), an optional row header (`<th scope="row">`), numbers at the end of their
 * cells, and an empty state. Too wide for the screen, it scrolls inside its own labelled,
 * focusable box. Styles live in components/hr/data-tables.css (the layouts of /hr and /admin
 * import it); no inline styles. Rendered on the server (no client JavaScript), except inside a
 * client component that needs form controls in its cells (the roster import's preview).
 *
 * `markup="static"`: the table is sent as HTML text inside its box (components/static-markup.ts,
 * decision 039), the same DOM at a fraction of React's cost per row; every cell must then be
 * static (no client component such as `next/link`: a plain `<a>` instead).
 *
 * Columns that a file also has come from the export's definitions (`fromExport`), so a page
 * and its download show the same value under the same header.
 */
export interface TableColumn<Row> {
  key: string
  header: ReactNode
  cell: (row: Row) => ReactNode
  align?: ColumnAlign
  /** The cell names the row (`<th scope="row">`): at most one column. */
  rowHeader?: boolean
  /** Codes, numbers and statuses that must not wrap. */
  nowrap?: boolean
  /** Extra attributes of the cell, e.g. `data-seconds` for tests. */
  cellProps?: (row: Row) => Record<`data-${string}`, string | number>
}

/**
 * A page column from an export column: the same header and, unless `cell` renders more (a link,
 * a badge), the same text (`columnText`). A rich `cell` must show that text too; the column
 * tests check it.
 */
export function fromExport<Row>(
  column: ColumnDef<Row>,
  options: Partial<Pick<TableColumn<Row>, 'cell' | 'rowHeader' | 'nowrap' | 'cellProps' | 'header'>> = {},
): TableColumn<Row> {
  return {
    key: column.key,
    header: options.header ?? column.header,
    cell: options.cell ?? ((row) => columnText(column, row)),
    align: columnAlign(column),
    nowrap: options.nowrap ?? column.kind !== 'text',
    rowHeader: options.rowHeader,
    cellProps: options.cellProps,
  }
}

function cellClass(column: TableColumn<unknown>): string | undefined {
  const classes = [column.align === 'end' ? 'align-end' : null, column.nowrap ? 'nowrap' : null, column.rowHeader ? 'row-header' : null]
  return classes.filter(Boolean).join(' ') || undefined
}

export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  id,
  className,
  testId,
  markup = 'react',
}: {
  /** Names the table and its scrolling box; hidden from sight unless `captionVisible`. */
  caption: string
  captionVisible?: boolean
  columns: readonly TableColumn<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** Extra attributes of a row, e.g. `data-person` for tests. */
  rowProps?: (row: Row) => Record<`data-${string}`, string | number>
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode
  /** The caption's id (for links and `aria-labelledby` elsewhere). */
  id?: string
  className?: string
  testId?: string
  /** 'static': rendered to HTML text at once (see above). */
  markup?: 'react' | 'static'
}) {
  if (rows.length === 0) return <p className="muted table-empty">{empty}</p>
  const captionId = id ?? undefined
  const table = (
    <table className={className}>
      <caption id={captionId} className={captionVisible ? undefined : 'visually-hidden'}>
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.key} className={column.align === 'end' ? 'align-end' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th scope="row" key={column.key} className={cellClass(column as TableColumn<unknown>)} {...column.cellProps?.(row)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} className={cellClass(column as TableColumn<unknown>)} {...column.cellProps?.(row)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
  if (markup === 'static') {
    return <div className="table-wrap" role="region" aria-label={caption} tabIndex={0} data-testid={testId} dangerouslySetInnerHTML={{ __html: staticMarkup(table) }} />
  }
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0} data-testid={testId}>
      {table}
    </div>
  )
}
