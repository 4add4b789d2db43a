import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatNumber, formatPercent, formatScore, formatShortDate, formatDateTimeWib } from '@/lib/format/indonesian'
import { formatSigned } from '@/components/hr/format'
import styles from '@/components/hr/hr.module.css'
import { StatusBreakdown } from '@/components/hr/status'
import { CohortPicker } from '@/components/hr/cohort-picker'
import { requireAgencyViewer } from '@/lib/auth/session.server'
import { accountDeletionsOfAgency } from '@/lib/privacy/account-deletion.server'
import { STATUS_ORDER } from '@/lib/hr/dashboard'
import { getDashboard } from '@/lib/hr/dashboard.server'
import { COHORT_KIND_LABELS, ENROLMENT_STATUS_LABELS, PERSON_STATUS_LABELS, UNASSIGNED } from '@/lib/vocabulary/statuses'
import { AssignUnassignedForm, SendRemindersForm } from '@/components/roster/cohort-forms'

export const metadata: Metadata = { title: 'Dasbor kepegawaian' }


function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export default async function HrDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // HR sees the agency; a unit operator or head their units (decision 037), from the same counts.
  const officer = await requireAgencyViewer('/hr')
  const { scope } = officer
  const params = await searchParams
  const cohortId = single(params.kelompok)?.trim() || null
  const [dashboard, deletions] = await Promise.all([
    getDashboard(officer.agencyId, cohortId, new Date(), scope.unitIds),
    scope.unitIds ? null : accountDeletionsOfAgency(officer.agencyId),
  ])
  if (!dashboard) notFound()
  const { selected, counts, scores } = dashboard
  const assignedParam = single(params.ditetapkan)
  const notPassed = counts.sedang + counts.terlambat + counts['belum-mulai']
  const assignedNow = assignedParam && /^\d{1,7}$/.test(assignedParam) ? Number(assignedParam) : null

  return (
    <>
      <h1>
        {scope.unitIds ? 'Dasbor unit' : 'Dasbor kepegawaian'}: {dashboard.agencyName}
      </h1>
      <p className="muted">
        {scope.unitIds ? `Kemajuan pegawai unit kerja Anda saja (${dashboard.units.map((unit) => unit.name).join(', ')}).` : 'Kemajuan pegawai instansi Anda saja.'} <Link prefetch={false} href="/hr/pegawai">Cari pegawai</Link> untuk melihat riwayat setiap orang.
      </p>

      {assignedNow !== null && selected && (
        <p className="alert success" role="status">
          {formatNumber(assignedNow)} orang ditetapkan ke {selected.name}.
        </p>
      )}
      {dashboard.unassigned > 0 && (
        <section className="card" aria-labelledby="belum-ditugaskan">
          <h2 className="flush-top" id="belum-ditugaskan">
            {PERSON_STATUS_LABELS[UNASSIGNED]}
          </h2>
          <p>
            <strong data-testid="jumlah-belum-ditugaskan">{formatNumber(dashboard.unassigned)}</strong> orang di instansi Anda belum masuk
            kelompok mana pun, jadi belum punya tenggat. <Link prefetch={false} href={`/hr/pegawai?status=${UNASSIGNED}`}>Lihat siapa saja</Link>.
          </p>
          {!scope.act ? null : selected ? (
            <AssignUnassignedForm cohortId={selected.id} cohortName={selected.name} count={formatNumber(dashboard.unassigned)} />
          ) : (
            <p>
              Buat kelompok di halaman <Link prefetch={false} href="/hr/kelompok">Kelompok</Link>, lalu tetapkan mereka.
            </p>
          )}
        </section>
      )}

      {!selected ? (
        <section className="card" aria-labelledby="kosong">
          <h2 className="flush-top" id="kosong">
            Belum ada data
          </h2>
          <p>
            Belum ada kelompok. Tetapkan orientasi atau penyegaran di halaman <Link prefetch={false} href="/hr/kelompok">Kelompok</Link>.
          </p>
        </section>
      ) : (
        <>
          <CohortPicker action="/hr" cohorts={dashboard.cohorts} selectedId={selected.id} />

          <section aria-labelledby="ringkasan">
            <h2 id="ringkasan">{selected.name}</h2>
            <p className="muted">
              {COHORT_KIND_LABELS[selected.kind]} {selected.year} · batas waktu {selected.dueDate ? formatShortDate(selected.dueDate) : 'tidak ditetapkan'} ·{' '}
              <span data-testid="jumlah-peserta">{formatNumber(counts.total)}</span> peserta
              {dashboard.unverified > 0 && (
                <>
                  {' '}
                  · <span data-testid="jumlah-belum-diverifikasi">{formatNumber(dashboard.unverified)}</span> belum diverifikasi (NIP diklaim sendiri, tetap dihitung)
                </>
              )}
            </p>
            <ul className={styles.headline} aria-label="Status peserta kelompok ini">
              {STATUS_ORDER.map((status) => (
                <li key={status} data-status={status}>
                  <span className="muted">{ENROLMENT_STATUS_LABELS[status]}</span>
                  <span className={styles.headlineValue} data-testid={`jumlah-${status}`}>
                    {formatNumber(counts[status])}
                  </span>
                  <span className="muted">
                    {formatPercent(counts[status], counts.total)} dari {formatNumber(counts.total)}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          {scope.act && notPassed > 0 && (
            <section className="card" aria-labelledby="pengingat">
              <h2 className="flush-top" id="pengingat">
                Pengingat
              </h2>
              {selected.remindersPausedAt ? (
                <p>
                  Pengingat kelompok ini sedang dijeda oleh HR{scope.manage ? <>: lanjutkan di halaman <Link prefetch={false} href="/hr/kelompok">Kelompok</Link></> : null}.
                </p>
              ) : (
                <>
                  <p className="muted">
                    Email pengingat dikirim otomatis 7 hari dan 1 hari sebelum tenggat, lalu tiap minggu selama terlambat. Anda dapat
                    mengirimnya sekarang kepada yang belum lulus{scope.unitIds ? ' di unit kerja Anda' : ''}; setiap orang menerima paling
                    banyak satu pengingat sehari. Yang belum mengaktifkan akunnya menerima undangan, bukan pengingat.
                  </p>
                  <SendRemindersForm cohortId={selected.id} cohortName={selected.name} count={formatNumber(notPassed)} />
                </>
              )}
            </section>
          )}

          <section className="card" aria-labelledby="nilai">
            <h2 className="flush-top" id="nilai">
              Nilai
            </h2>
            <dl>
              <dt>Rata-rata nilai terbaik uji akhir</dt>
              <dd>
                <strong data-testid="rata-rata-akhir">{formatScore(scores.averageBestPost)}</strong>{' '}
                <span className="muted">({formatNumber(scores.postLearners)} peserta yang sudah mengerjakan uji akhir)</span>
              </dd>
              <dt>Kenaikan dari uji awal ke uji akhir</dt>
              <dd>
                <strong data-testid="kenaikan">{formatSigned(scores.averageGain)}</strong>{' '}
                <span className="muted">
                  {scores.gainLearners > 0
                    ? `(rata-rata ${formatScore(scores.averagePreOfGain)} → ${formatScore(scores.averagePostOfGain)}, ${formatNumber(scores.gainLearners)} peserta dengan kedua uji)`
                    : '(belum ada peserta yang mengerjakan kedua uji)'}
                </span>
              </dd>
            </dl>
            <p className="muted">
              Per peserta: nilai terbaik uji akhir dikurangi nilai uji awal pertama, dalam kelompok ini.
            </p>
          </section>

          <section aria-labelledby="per-kelompok">
            <h2 id="per-kelompok">Status per kelompok</h2>
            <StatusBreakdown id="kelompok" title="Status peserta per kelompok" groupHeader="Kelompok" groups={dashboard.byCohort} />
          </section>

          <section aria-labelledby="per-unit">
            <h2 id="per-unit">Status per unit kerja ({selected.name})</h2>
            <StatusBreakdown
              id="unit"
              title={`Status peserta per unit kerja, ${selected.name}`}
              groupHeader="Unit kerja"
              groups={dashboard.byUnit.filter((group) => group.counts.total > 0)}
            />
          </section>

          <section aria-labelledby="per-jenis">
            <h2 id="per-jenis">Status per jenis kepegawaian ({selected.name})</h2>
            <StatusBreakdown
              id="jenis"
              title={`Status peserta per jenis kepegawaian, ${selected.name}`}
              groupHeader="Jenis kepegawaian"
              groups={dashboard.byEmploymentType.filter((group) => group.counts.total > 0)}
            />
          </section>

          <section aria-labelledby="analisis">
            <h2 id="analisis">Analisis soal per aturan</h2>
            <p>
              Aturan mana yang paling sering dijawab belum tepat di uji akhir kelompok ini:{' '}
              <Link prefetch={false} href={`/hr/analisis-soal?kelompok=${encodeURIComponent(selected.id)}`}>buka analisis soal {selected.name}</Link>.
            </p>
          </section>
        </>
      )}

      {deletions && deletions.count > 0 && (
        <section aria-labelledby="akun-dihapus">
          <h2 id="akun-dihapus">Akun yang dihapus pemiliknya</h2>
          <p>
            <strong data-testid="jumlah-akun-dihapus">{formatNumber(deletions.count)}</strong> orang menghapus akunnya (UU 27/2022). Penugasan mereka
            yang belum selesai ikut terhapus dari hitungan di atas; yang sudah bersertifikat tetap dihitung sebagai catatan kepatuhan, dengan nama
            &ldquo;Akun dihapus&rdquo;.
          </p>
          <ul>
            {deletions.latest.map((row, index) => (
              <li key={index}>
                {formatDateTimeWib(row.requestedAt)}: {row.certificates > 0 ? `${formatNumber(row.certificates)} sertifikat disimpan` : 'tanpa sertifikat'}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
