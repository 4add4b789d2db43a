import { parse } from 'csv-parse/sync'
import { createElement, Fragment, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DataTable } from '@/components/data-table'
import type { HrTableRow } from '@/lib/hr/hr-rows'
import { COMPLETION_COLUMNS } from '@/lib/reports/completion-report'
import { columnByKey, columnText } from '@/lib/reports/columns'
import { completionCsv } from '@/lib/reports/csv'
import { sampleCompletionRow } from '@/lib/reports/sample-rows'
import { PEOPLE_LIST_COLUMNS, PERSON_ENROLMENT_COLUMNS, type HrColumn } from './hr-columns'

function textOf(node: ReactNode): string {
  return renderToStaticMarkup(createElement(Fragment, null, node))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

function tableRow(k: number, extra: Partial<HrTableRow> = {}): HrTableRow {
  const report = sampleCompletionRow(k)
  return {
    ...report,
    personId: `person-${k}`,
    enrolmentId: `enrolment-${k}`,
    cohortKind: 'refresher',
    cohortYear: 2026,
    lastActivity: new Date('2026-11-21T07:05:00Z'),
    certificateStatus: report.certificateNumber ? 'berlaku' : null,
    ...extra,
  }
}

// Every status, scores with decimals, a claimed NIP, a person with no unit, one in no cohort.
const ROWS: HrTableRow[] = [
  ...Array.from({ length: 12 }, (_, k) => tableRow(k + 1)),
  tableRow(20, { status: 'belum-ditugaskan', cohortName: '', dueDate: null, enrolmentId: null, cohortKind: null, cohortYear: null }),
  tableRow(21, { certificateStatus: 'dicabut' }),
]

async function csvHeader(): Promise<string[]> {
  let text = ''
  for await (const chunk of completionCsv([ROWS[0]!], { delimiter: ',' })) text += chunk
  const [header] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]
  return header!
}

const exportBacked = (columns: readonly HrColumn[]) => columns.filter((column) => !column.pageOnly)

describe('HR tables take their columns from the completion report', () => {
  it.each([
    ['people list', PEOPLE_LIST_COLUMNS],
    ['person page', PERSON_ENROLMENT_COLUMNS],
  ] as const)('%s: every column but the page-only ones is a CSV column, under the same header', async (_, columns) => {
    const header = await csvHeader()
    for (const column of exportBacked(columns)) {
      expect(header, column.key).toContain(column.header)
      expect(column.header).toBe(columnByKey(COMPLETION_COLUMNS, column.key).header)
    }
    // Page-only columns are few and deliberate.
    expect(columns.filter((column) => column.pageOnly).map((column) => column.key)).toEqual(
      columns === PEOPLE_LIST_COLUMNS ? ['lastActivity'] : ['cohortKind'],
    )
  })

  it.each([
    ['people list', PEOPLE_LIST_COLUMNS],
    ['person page', PERSON_ENROLMENT_COLUMNS],
  ] as const)('%s: each cell shows the text its export column gives the same row', (_, columns) => {
    for (const row of ROWS) {
      for (const column of exportBacked(columns)) {
        const expected = columnText(columnByKey(COMPLETION_COLUMNS, column.key), row)
        expect(textOf(column.cell(row)), `${column.key} of ${row.name}`).toContain(expected)
      }
    }
  })

  it('writes page text in Indonesian from the file value: scores with a decimal comma, days in WIB, "–" for empty', () => {
    const row = tableRow(3, { bestPostTestScore: 87.5, preTestScore: 40, dueDate: new Date('2026-06-30T17:30:00Z'), unitName: '' })
    expect(columnText(columnByKey(COMPLETION_COLUMNS, 'bestPostTestScore'), row)).toBe('87,5')
    expect(columnText(columnByKey(COMPLETION_COLUMNS, 'preTestScore'), row)).toBe('40,0')
    expect(columnText(columnByKey(COMPLETION_COLUMNS, 'dueDate'), row)).toBe('1 Jul 2026')
    expect(columnText(columnByKey(COMPLETION_COLUMNS, 'unitName'), row)).toBe('–')
    expect(columnText(columnByKey(COMPLETION_COLUMNS, 'status'), tableRow(20, { status: 'belum-ditugaskan' }))).toBe('Belum ditugaskan')
  })

  it('renders the people list as a semantic table: caption, column headers, the name as row header, numbers at the end', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<HrTableRow>, {
        caption: 'Daftar pegawai',
        columns: PEOPLE_LIST_COLUMNS,
        rows: ROWS,
        rowKey: (row) => row.personId,
        rowProps: (row) => ({ 'data-person': row.personId }),
        empty: 'Tidak ada pegawai yang cocok.',
      }),
    )
    expect(html).toContain('<caption class="visually-hidden">Daftar pegawai</caption>')
    expect(html).toMatch(/<div class="table-wrap" role="region" aria-label="Daftar pegawai" tabindex="0">/)
    const headers = [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((match) => match[1])
    expect(headers).toEqual(PEOPLE_LIST_COLUMNS.map((column) => column.header))
    expect(html.match(/<th scope="row"/g)).toHaveLength(ROWS.length)
    expect(html).toContain('<th scope="col" class="align-end">Waktu belajar (menit)</th>')
    expect(html).not.toContain('style=')
    expect(html).toContain(`data-person="${ROWS[0]!.personId}"`)
  })

  it('says so when there are no rows, without an empty table', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<HrTableRow>, { caption: 'Daftar pegawai', columns: PEOPLE_LIST_COLUMNS, rows: [], rowKey: (row) => row.personId, empty: 'Tidak ada pegawai yang cocok.' }),
    )
    expect(html).not.toContain('<table')
    expect(html).toContain('Tidak ada pegawai yang cocok.')
  })
})
