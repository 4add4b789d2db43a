import type { Metadata } from 'next'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { DECISION_NOTE_MAX } from '@/lib/assessment/item-report-input'
import { getReportQueue, REPORT_STATUS_LABELS, type QuestionedItem } from '@/lib/assessment/item-reports.server'
import { requireAdmin } from '@/lib/auth/session.server'
import { formatFraction, formatNumber, formatShortDateTime, MISSING } from '@/lib/format/indonesian'
import { discriminationText, flagText, TYPE_LABELS } from '@/lib/quiz/item-statistics-report'
import { decideItemAction } from './actions'

export const metadata: Metadata = { title: 'Laporan soal' }

const STATE_LABELS: Record<QuestionedItem['state'], string> = {
  in_service: 'Dipakai dalam undian',
  under_review: 'Sedang ditinjau (tidak diundi)',
  withdrawn: 'Ditarik (tidak diundi, tidak dihitung dalam nilai)',
}

const DECISIONS = [
  { value: 'tinjau', label: 'Tinjau dulu: keluarkan dari undian' },
  { value: 'tarik', label: 'Tarik karena keliru: nilai semua percobaan dihitung ulang' },
  { value: 'koreksi', label: 'Sudah diperbaiki di berkas bank soal (content/)' },
  { value: 'tolak', label: 'Tolak laporan: soal sudah benar' },
]

export default async function ItemReportsPage() {
  await requireAdmin('/admin/laporan-soal')
  const items = await getReportQueue()
  const undecided = items.reduce((sum, item) => sum + item.undecided, 0)
  return (
    <>
      <AdminNav current="/admin/laporan-soal" />
      <h1>Laporan soal</h1>
      <p>
        Peserta dapat melaporkan soal yang menurut mereka keliru dari halaman hasil uji. Keputusan berlaku untuk semua laporan yang belum
        diputuskan atas soal itu, tercatat di log audit, dan catatan Anda tampil bagi pelapor. Soal yang <strong>ditinjau</strong> langsung
        tidak diundi lagi. Soal yang <strong>ditarik</strong> tidak dihitung lagi: setiap percobaan yang memuatnya dinilai ulang tanpa soal
        itu (nilai tidak pernah turun; peserta yang kini lulus mendapat sertifikat). Perbaikan kalimat soal dilakukan di berkas bank soal
        (<code>content/scenarios</code>); di sini Anda mencatatnya.
      </p>
      <p className="muted" aria-live="polite">
        {formatNumber(items.length)} soal dilaporkan; {formatNumber(undecided)} laporan belum diputuskan.
      </p>
      {items.length === 0 && <p>Belum ada laporan soal.</p>}
      {items.map((item) => (
        <QuestionedItemCard key={item.itemId} item={item} />
      ))}
    </>
  )
}

function QuestionedItemCard({ item }: { item: QuestionedItem }) {
  const headingId = `soal-${item.itemId}`
  const stats = item.statistics
  return (
    <section className="card" aria-labelledby={headingId} data-item={item.itemId}>
      <h2 className="flush-top" id={headingId}>
        Soal <code>{item.itemId}</code>
        {item.type ? ` (${TYPE_LABELS[item.type]})` : ''}
      </h2>
      <p>
        <strong>Status:</strong> <span data-testid="status-soal">{STATE_LABELS[item.state]}</span>
        {item.stateNote ? ` — ${item.stateNote}` : ''}
      </p>
      {item.stem === null ? (
        <p className="alert info">Soal ini tidak ada lagi di bank soal.</p>
      ) : (
        <>
          <p>{item.stem}</p>
          {item.post && (
            <blockquote>
              <strong>
                {item.post.author} ({item.post.platform})
              </strong>
              : {item.post.text}
            </blockquote>
          )}
          {item.verdict && (
            <p>
              <strong>Kunci putusan:</strong> {item.verdict}
            </p>
          )}
          <p className="choices-heading">
            <strong>{item.type === 'judge' ? 'Alasan' : 'Pilihan'} dan kunci:</strong>
          </p>
          <ul>
            {item.choices.map((choice) => (
              <li key={choice.id}>
                <code>{choice.id}</code> [{choice.key}] {choice.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <strong>Statistik uji akhir:</strong>{' '}
        {stats
          ? `${formatNumber(stats.answers)} jawaban; proporsi benar ${formatFraction(stats.difficulty)}; daya beda ${discriminationText(stats)}; tanda: ${stats.flags.length ? flagText(stats.flags, stats) : MISSING}.`
          : MISSING}
      </p>
      <h3>Laporan ({formatNumber(item.reports.length)})</h3>
      <ul className="report-list">
        {item.reports.map((report) => (
          <li key={report.id} data-report={report.id}>
            <p>
              <strong>{report.reporterName}</strong>
              {report.reporterAgency ? `, ${report.reporterAgency}` : ''} · {formatShortDateTime(report.createdAt)} ·{' '}
              {REPORT_STATUS_LABELS[report.status]}
            </p>
            <p className="report-reason" data-testid="alasan-laporan">
              {report.reason}
            </p>
            {report.suggested && (
              <p className="muted">
                Pilihan yang disarankan: <code>{report.suggested.id}</code> {report.suggested.text} [{report.suggested.key}]
              </p>
            )}
            {report.reply && (
              <p className="muted">
                Balasan: {report.reply}
              </p>
            )}
          </li>
        ))}
      </ul>
      {item.state !== 'withdrawn' && item.stem !== null && (
        <AdminForm
          action={decideItemAction}
          idPrefix={`keputusan-${item.itemId}`}
          label={`Keputusan atas soal ${item.itemId}`}
          hidden={{ itemId: item.itemId }}
          fields={[
            { name: 'decision', label: 'Keputusan', options: DECISIONS },
            {
              name: 'note',
              label: 'Catatan atau balasan untuk pelapor',
              hint: `Wajib untuk "diperbaiki" dan "tolak" (5–${DECISION_NOTE_MAX} karakter); tampil bagi pelapor.`,
              maxLength: DECISION_NOTE_MAX,
            },
          ]}
          submitLabel="Simpan keputusan"
        />
      )}
    </section>
  )
}
