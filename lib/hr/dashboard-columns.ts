import type { ColumnDef } from '@/lib/reports/columns'
import { ENROLMENT_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { STATUS_ORDER, type Group, type RuleAnalysis } from './dashboard'

/**
 * The dashboard's tables as column definitions (lib/reports/columns.ts), the same kind the
 * exports use: a header, a kind and a value per column; components/data-table.tsx renders them.
 * Pure.
 */

/** Status counts per group (cohort, unit, employment type): the group, its people, each status. */
export function statusGroupColumns(groupHeader: string): ColumnDef<Group>[] {
  return [
    { key: 'group', header: groupHeader, kind: 'text', width: 32, value: (group) => group.label },
    { key: 'total', header: 'Peserta', kind: 'number', width: 10, value: (group) => group.counts.total },
    ...STATUS_ORDER.map(
      (status): ColumnDef<Group> => ({ key: status, header: ENROLMENT_STATUS_LABELS[status], kind: 'number', width: 14, value: (group) => group.counts[status] }),
    ),
  ]
}

/** Item analysis per rule: answers to its items, and the share not fully right. */
export const RULE_ANALYSIS_COLUMNS: readonly ColumnDef<RuleAnalysis>[] = [
  { key: 'rule', header: 'Aturan', kind: 'text', width: 48, value: (rule) => rule.title },
  { key: 'answered', header: 'Jawaban', kind: 'number', width: 10, value: (rule) => rule.answered },
  { key: 'wrongPercent', header: 'Belum tepat', kind: 'number', width: 12, value: (rule) => rule.wrongPercent },
]
