import type { Metadata } from 'next'
import { DataTable, type TableColumn } from '@/components/data-table'
import { AdminNav } from '@/components/admin/admin-nav'
import { readItemStates } from '@/lib/assessment/item-status.server'
import { requireAdmin } from '@/lib/auth/session.server'
import { db } from '@/lib/db/db.server'
import { formatFraction, formatNumber, MISSING } from '@/lib/format/indonesian'
import {
  DIFFICULTY_LABELS,
  EASY_LABEL_ABOVE,
  FLAG_LABELS,
  FLAGS,
  HARD_LABEL_BELOW,
  LOW_DISCRIMINATION_BELOW,
  MIN_ANSWERS,
  TOO_EASY_ABOVE,
  TOO_HARD_BELOW,
  WEAK_DISTRACTOR_BELOW,
  type ChoiceShare,
  type ItemStatistics,
} from '@/lib/quiz/item-statistics'
import { bankStatisticsSearch, discriminationText, flagText, parseBankStatisticsQuery, TYPE_LABELS } from '@/lib/quiz/item-statistics-report'
import { getBankStatisticsView } from '@/lib/quiz/item-statistics.server'

export const metadata: Metadata = { title: 'Bank soal' }

const ROLE_LABELS: Record<ChoiceShare['role'], string> = { key: 'kunci', partial: 'sebagian benar', distractor: 'pengecoh' }
const percent = (share: number | null) => (share === null ? '–' : `${formatNumber(share * 100)}%`)

export default async function BankSoalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin('/admin/bank-soal')
  const [view, states] = await Promise.all([getBankStatisticsView(db, parseBankStatisticsQuery(await searchParams)), readItemStates(db)])
  const { query } = view
  const filtered = Boolean(query.tanda || query.area)
  return (
    <>
      <AdminNav current="/admin/bank-soal" />
      <h1>Bank soal</h1>
      <p>
        Statistik tiap soal dari jawaban yang sudah dikirim: <strong>proporsi benar</strong> (rata-rata nilai soal, 0–1; nilai sebagian
        dihitung sebagai pecahan), <strong>daya beda</strong> (korelasi titik-biserial nilai soal dengan nilai soal lain dalam percobaan
        yang sama, −1 sampai 1) dan seberapa sering tiap pilihan dipilih.
      </p>
      <details className="card">
        <summary>Ambang tanda</summary>
        <ul>
          <li>Tanda hanya diberikan bila soal sudah dijawab sedikitnya {MIN_ANSWERS} kali; sebelumnya: {FLAG_LABELS['belum-cukup-data']}.</li>
          <li>
            {FLAG_LABELS['terlalu-mudah']}: proporsi benar di atas {formatFraction(TOO_EASY_ABOVE)}; {FLAG_LABELS['terlalu-sulit']}: di bawah{' '}
            {formatFraction(TOO_HARD_BELOW)}.
          </li>
          <li>
            {FLAG_LABELS['daya-beda-rendah']}: daya beda di bawah {formatFraction(LOW_DISCRIMINATION_BELOW)} (tak terdefinisi bila semua
            jawaban bernilai sama).
          </li>
          <li>
            {FLAG_LABELS['pengecoh-lemah']}: ada pilihan salah (pilihan bernilai 0, pilihan salah pada soal &quot;pilih semua yang
            benar&quot;, atau alasan salah pada soal nilai unggahan) yang dipilih kurang dari {formatNumber(WEAK_DISTRACTOR_BELOW * 100)}%
            jawaban.
          </li>
          <li>
            {FLAG_LABELS['label-perlu-ditinjau']}: label kesulitan di bank tidak sama dengan label terukur. Label 1 (mudah) mengharapkan
            proporsi benar di atas {formatFraction(EASY_LABEL_ABOVE)}, label 3 (sulit) di bawah {formatFraction(HARD_LABEL_BELOW)}, label
            2 (sedang) di antaranya.
          </li>
        </ul>
      </details>
      <form role="search" aria-label="Saring bank soal" className="card actions filter-bar">
        <div className="field">
          <label htmlFor="uji">Uji</label>
          <select id="uji" name="uji" defaultValue={query.uji}>
            <option value="akhir">Uji akhir</option>
            <option value="awal">Uji awal</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="tanda">Tanda</label>
          <select id="tanda" name="tanda" defaultValue={query.tanda ?? ''}>
            <option value="">Semua soal</option>
            {FLAGS.map((flag) => (
              <option key={flag} value={flag}>
                {FLAG_LABELS[flag]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="area">Area</label>
          <select id="area" name="area" defaultValue={query.area ?? ''}>
            <option value="">Semua area</option>
            {view.areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.id}: {area.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Saring
        </button>
        {filtered && <a href={`/admin/bank-soal?uji=${query.uji}`}>Hapus saringan</a>}
      </form>
      <p className="muted" aria-live="polite">
        {formatNumber(view.items.length)} dari {formatNumber(view.itemCount)} soal ditampilkan; {formatNumber(view.answerCount)} jawaban{' '}
        {query.uji === 'akhir' ? 'uji akhir' : 'uji awal'} tercatat.{' '}
        <a href={`/admin/bank-soal/csv?${bankStatisticsSearch(query)}`} download>
          Unduh CSV
        </a>
      </p>
      <div className="card">
        <DataTable
          caption="Statistik bank soal: tiap soal"
          columns={itemColumns(states)}
          rows={view.items}
          rowKey={(item) => item.itemId}
          rowProps={(item) => ({ 'data-item': item.itemId })}
          empty="Tidak ada soal yang sesuai saringan."
        />
      </div>
    </>
  )
}

const STATE_LABELS = { under_review: 'sedang ditinjau', withdrawn: 'ditarik' } as const

/** The columns; an item under review or withdrawn (decision 035, "Laporan soal") is marked so. */
const itemColumns = (states: ReadonlyMap<string, keyof typeof STATE_LABELS>): readonly TableColumn<ItemStatistics>[] => [
  {
    key: 'id',
    header: 'ID soal',
    rowHeader: true,
    cell: (item) => (
      <>
        <code>{item.itemId}</code>
        {states.has(item.itemId) && <> ({STATE_LABELS[states.get(item.itemId)!]})</>}
      </>
    ),
  },
  { key: 'area', header: 'Area', cell: (item) => item.area },
  { key: 'type', header: 'Jenis', cell: (item) => TYPE_LABELS[item.type] },
  { key: 'label', header: 'Label kesulitan (bank)', cell: (item) => `${item.label} (${DIFFICULTY_LABELS[item.label]})` },
  { key: 'answers', header: 'Jawaban', align: 'end', nowrap: true, cell: (item) => formatNumber(item.answers) },
  { key: 'difficulty', header: 'Proporsi benar', align: 'end', nowrap: true, cell: (item) => formatFraction(item.difficulty) },
  { key: 'discrimination', header: 'Daya beda', align: 'end', cell: (item) => discriminationText(item) },
  { key: 'flags', header: 'Tanda', cell: (item) => (item.flags.length ? flagText(item.flags, item) : MISSING) },
  { key: 'choices', header: 'Sebaran pilihan', cell: (item) => <ChoiceDetails item={item} /> },
]

function ChoiceDetails({ item }: { item: ItemStatistics }) {
  if (item.answers === 0) return <span className="muted">belum ada jawaban</span>
  const weak = new Set(item.weakDistractors)
  return (
    <details>
      <summary>
        Lihat sebaran<span className="visually-hidden"> soal {item.itemId}</span>
      </summary>
      {item.type === 'judge' && (
        <>
          <p className="choice-heading">Putusan</p>
          <ChoiceList choices={item.verdicts} weak={weak} />
          <p className="choice-heading">Alasan</p>
        </>
      )}
      <ChoiceList choices={item.choices} weak={weak} />
      <p className="muted">
        Tanpa jawaban: {percent(item.unanswered / item.answers)} ({formatNumber(item.unanswered)})
        {item.type === 'multi' ? '. Satu jawaban dapat memilih beberapa pilihan.' : ''}
      </p>
    </details>
  )
}

function ChoiceList({ choices, weak }: { choices: readonly ChoiceShare[]; weak: ReadonlySet<string> }) {
  return (
    <ul className="choice-shares">
      {choices.map((choice) => (
        <li key={choice.id}>
          <strong>{percent(choice.share)}</strong> ({formatNumber(choice.count)}) · {ROLE_LABELS[choice.role]}
          {weak.has(choice.id) ? ', jarang dipilih' : ''}: {choice.text}
        </li>
      ))}
    </ul>
  )
}
