import { describe, expect, it } from 'vitest'
import { columnAlign, columnText } from '@/lib/reports/columns'
import { ENROLMENT_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { STATUS_ORDER, type Group } from './dashboard'
import { RULE_ANALYSIS_COLUMNS, statusGroupColumns } from './dashboard-columns'

const group: Group = { key: 'u1', label: 'Dinas Pendidikan', counts: { total: 1250, lulus: 1000, sedang: 200, terlambat: 50, 'belum-mulai': 0 } }

describe('dashboard tables as column definitions', () => {
  it('has the group, its people and the four statuses in the dashboard order, numbers at the end', () => {
    const columns = statusGroupColumns('Unit kerja')
    expect(columns.map((column) => column.header)).toEqual(['Unit kerja', 'Peserta', ...STATUS_ORDER.map((status) => ENROLMENT_STATUS_LABELS[status])])
    expect(columns.map((column) => columnText(column, group))).toEqual(['Dinas Pendidikan', '1.250', '1.000', '200', '50', '0'])
    expect(columns.map((column) => columnAlign(column))).toEqual(['start', 'end', 'end', 'end', 'end', 'end'])
  })

  it('writes a rule nobody answered as missing, not as 0%', () => {
    const rule = { ruleId: 'r1', title: 'Netralitas', area: 'netralitas', answered: 0, wrong: 0, wrongPercent: null, lessonSlug: null }
    expect(RULE_ANALYSIS_COLUMNS.map((column) => columnText(column, rule))).toEqual(['Netralitas', '0', '–'])
  })
})
