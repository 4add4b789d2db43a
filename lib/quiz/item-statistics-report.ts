/**
 * The admin's "Bank soal" view of item statistics: its query (which test, which flag, which
 * area), the filter, the words shown for flags and types, and the CSV columns (the same as the
 * page's table). Pure.
 */
import { z } from 'zod'
import { formatFraction } from '@/lib/format/indonesian'
import type { ColumnDef } from '@/lib/reports/columns'
import { DIFFICULTY_LABELS, FLAG_LABELS, FLAGS, type ItemFlag, type ItemStatistics } from './item-statistics'
import type { ItemType } from './types'

export const TEST_KINDS = { akhir: 'posttest', awal: 'pretest' } as const
export type TestKindParam = keyof typeof TEST_KINDS

export const TYPE_LABELS: Readonly<Record<ItemType, string>> = {
  single: 'pilihan tunggal',
  multi: 'pilih semua yang benar',
  judge: 'nilai unggahan',
}

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const blankAsUndefined = (value: unknown) => {
  const v = one(value)
  return v === '' || v === 'semua' ? undefined : v
}

export const bankStatisticsQuerySchema = z.object({
  uji: z.preprocess(blankAsUndefined, z.enum(['akhir', 'awal'], { message: 'Pilih uji akhir atau uji awal.' }).default('akhir')),
  tanda: z.preprocess(blankAsUndefined, z.enum(FLAGS, { message: 'Tanda tidak dikenal.' }).optional()),
  area: z.preprocess(blankAsUndefined, z.string().regex(/^[A-Z]{1,3}$/, 'Area tidak dikenal.').optional()),
})
export type BankStatisticsQuery = z.infer<typeof bankStatisticsQuerySchema>

/** Reads the page's or the CSV route's query; anything malformed falls back to "no filter". */
export function parseBankStatisticsQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): BankStatisticsQuery {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params
  const parsed = bankStatisticsQuerySchema.safeParse({ uji: raw.uji, tanda: raw.tanda, area: raw.area })
  return parsed.success ? parsed.data : { uji: 'akhir' }
}

export function filterStatistics(stats: readonly ItemStatistics[], query: Pick<BankStatisticsQuery, 'tanda' | 'area'>): ItemStatistics[] {
  return stats.filter((s) => (!query.area || s.area === query.area) && (!query.tanda || s.flags.includes(query.tanda)))
}

/** The query string of a filtered view (for the CSV link), without empty parts. */
export function bankStatisticsSearch(query: BankStatisticsQuery): string {
  const params = new URLSearchParams()
  params.set('uji', query.uji)
  if (query.tanda) params.set('tanda', query.tanda)
  if (query.area) params.set('area', query.area)
  return params.toString()
}

export function flagText(flags: readonly ItemFlag[], stats?: Pick<ItemStatistics, 'measuredLabel'>): string {
  return flags
    .map((flag) =>
      flag === 'label-perlu-ditinjau' && stats?.measuredLabel ? `${FLAG_LABELS[flag]} (terukur: ${DIFFICULTY_LABELS[stats.measuredLabel]})` : FLAG_LABELS[flag],
    )
    .join('; ')
}

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000)

/** The CSV columns: the page's table, numbers to three decimals. */
export const ITEM_STATISTICS_COLUMNS: readonly ColumnDef<ItemStatistics>[] = [
  { key: 'itemId', header: 'ID soal', kind: 'text', width: 32, value: (s) => s.itemId },
  { key: 'area', header: 'Area', kind: 'text', width: 6, value: (s) => s.area },
  { key: 'type', header: 'Jenis', kind: 'text', width: 22, value: (s) => TYPE_LABELS[s.type] },
  { key: 'label', header: 'Label kesulitan (bank)', kind: 'text', width: 12, value: (s) => `${s.label} ${DIFFICULTY_LABELS[s.label]}` },
  { key: 'answers', header: 'Jawaban', kind: 'number', width: 10, value: (s) => s.answers },
  { key: 'difficulty', header: 'Proporsi benar', kind: 'number', width: 12, value: (s) => round3(s.difficulty) },
  { key: 'discrimination', header: 'Daya beda', kind: 'number', width: 12, value: (s) => round3(s.discrimination) },
  { key: 'flags', header: 'Tanda', kind: 'text', width: 40, value: (s) => flagText(s.flags, s) },
]

/** Discrimination as shown: two decimals, or why there is none. */
export function discriminationText(s: Pick<ItemStatistics, 'answers' | 'discrimination'>): string {
  if (s.discrimination !== null) return formatFraction(s.discrimination)
  return s.answers < 2 ? '–' : 'tak terdefinisi'
}
