import { createElement as h, Fragment, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { StackedBarChart } from '@/components/charts/stacked-bar-chart'
import { DataTable } from '@/components/data-table'
import { STATUS_SERIES, StatusBreakdown } from '@/components/hr/status'
import { PEOPLE_LIST_COLUMNS } from '@/components/hr/hr-columns'
import type { HrTableRow } from '@/lib/hr/hr-rows'
import { sampleCompletionRow } from '@/lib/reports/sample-rows'
import { NotStaticError, staticMarkup } from './static-markup'

const same = (node: ReactNode) => expect(staticMarkup(node)).toBe(renderToStaticMarkup(h(Fragment, null, node)))

function Badge({ label, tone }: { label: string; tone?: string }) {
  return h('span', { className: `badge ${tone ?? ''}`.trim(), 'data-tone': tone }, label)
}

describe('staticMarkup gives what renderToStaticMarkup gives', () => {
  it('text, numbers and escaping', () => {
    same('Rahmawati & "Budi" <b>\'x\'</b>')
    same(['a', 1, 0, -2.5, null, undefined, false, true, 'b'])
    same(h('p', { title: `O'Brien & <Co> "x"` }, 'Nilai: ', 87.5, ' / ', 100))
  })

  it('attributes: className, htmlFor, tabIndex, aria-*, data-*, booleans, style objects', () => {
    same(h('div', { className: 'table-wrap', role: 'region', 'aria-label': 'Daftar pegawai', tabIndex: 0, 'data-testid': undefined }, 'x'))
    same(h('label', { htmlFor: 'q', id: 'l' }, 'Cari'))
    same(h('td', { 'data-seconds': 0, 'data-person': 'p-1', 'aria-hidden': true, 'data-x': false }, ''))
    same(h('span', { hidden: true, className: undefined }, 'tersembunyi'))
    same(h('span', { hidden: false }, 'tampak'))
    same(h('span', { style: { width: '40%', '--fill': '#17663a', '--ink': '#fff', marginTop: 0, fontWeight: 700, height: 12, background: 'url("a&b")' } }))
    same(h('th', { scope: 'row', colSpan: 2, className: 'row-header nowrap' }, 'Dinas'))
  })

  it('fragments, arrays with keys, nested and void elements, function components, dangerouslySetInnerHTML', () => {
    same(
      h(Fragment, null, [
        h('li', { key: 'a' }, h(Badge, { label: 'Lulus', tone: 'ok' })),
        h('li', { key: 'b' }, h(Badge, { label: 'Sedang belajar' }), h('br'), h('hr', { className: 'x' })),
        h('li', { key: 'c', dangerouslySetInnerHTML: { __html: '<i>mentah</i>' } }),
      ]),
    )
  })

  it('refuses what is not static: client references, handlers, async components', () => {
    const clientReference = { $$typeof: Symbol.for('react.client.reference') } as unknown as () => null
    expect(() => staticMarkup(h(clientReference))).toThrow(NotStaticError)
    expect(() => staticMarkup(h('button', { onClick: () => {} }, 'x'))).toThrow(NotStaticError)
    async function Later() {
      return h('p', null, 'nanti')
    }
    expect(() => staticMarkup(h(Later as unknown as () => null))).toThrow(NotStaticError)
  })
})

const people: HrTableRow[] = Array.from({ length: 6 }, (_, k) => {
  const report = sampleCompletionRow(k + 1)
  return {
    ...report,
    personId: `person-${k}`,
    enrolmentId: k === 5 ? null : `enrolment-${k}`,
    cohortKind: 'onboarding',
    cohortYear: 2026,
    lastActivity: k % 2 ? null : new Date('2026-11-21T07:05:00Z'),
    certificateStatus: report.certificateNumber ? (k === 3 ? 'dicabut' : 'berlaku') : null,
    name: k === 2 ? `Dr. O'Neil "Siti" & <Rekan>` : report.name,
  }
})

describe('the HR tables as static markup are the same HTML as rendered by React', () => {
  it('the people list (links, badges, certificate cells, data attributes)', () => {
    const table = (markup: 'react' | 'static') =>
      renderToStaticMarkup(
        h(DataTable<HrTableRow>, {
          caption: 'Daftar pegawai',
          columns: PEOPLE_LIST_COLUMNS,
          rows: people,
          rowKey: (row) => row.personId,
          rowProps: (row) => ({ 'data-person': row.personId }),
          empty: 'Tidak ada',
          markup,
        }),
      )
    expect(table('static')).toBe(table('react'))
    expect(table('static')).toContain('<a href="/hr/pegawai/person-2">Dr. O&#x27;Neil &quot;Siti&quot; &amp; &lt;Rekan&gt;</a>')
  })

  it('a status breakdown: the chart and its table', () => {
    const groups = [
      { key: 'u1', label: 'Biro <Umum>', counts: { total: 10, lulus: 4, sedang: 3, terlambat: 0, 'belum-mulai': 3 } },
      { key: '', label: 'Tanpa unit', counts: { total: 1, lulus: 0, sedang: 0, terlambat: 1, 'belum-mulai': 0 } },
    ]
    const html = renderToStaticMarkup(h(StatusBreakdown, { id: 'unit', title: 'Status per unit', groupHeader: 'Unit kerja', groups }))
    expect(html).toContain('<table')
    expect(html).toContain('Biro &lt;Umum&gt; (10 orang)')
    // Inside the figure: what React renders for the same content.
    const figure = renderToStaticMarkup(h(StackedBarChart, { title: 'T', series: STATUS_SERIES, rows: groups.map((g) => ({ label: g.label, values: [4, 3, 0, 3] })) }))
    expect(figure).toMatch(/^<figure [^>]*role="img"[^>]*aria-label="T\. Biro &lt;Umum&gt;, 10 orang: Lulus 4 \(40%\)/)
    expect(figure).toContain('width:40%')
    expect(figure).toContain('--fill:#17663a')
  })
})
