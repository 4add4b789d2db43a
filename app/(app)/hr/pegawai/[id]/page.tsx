import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatScore, formatShortDate, formatShortDateTime, MISSING } from '@/lib/format/indonesian'
import { DataTable, type TableColumn } from '@/components/data-table'
import { PERSON_ENROLMENT_COLUMNS } from '@/components/hr/hr-columns'
import { toHrTableRow } from '@/lib/hr/hr-rows'
import { formatDuration } from '@/components/hr/format'
import { AdminForm } from '@/components/admin/admin-form'
import { requireAgencyViewer } from '@/lib/auth/session.server'
import { getPersonHistory, viewPersonHistory } from '@/lib/hr/dashboard.server'
import { CERTIFICATE_STATUS_LABELS, IDENTITY_METHOD_LABELS, identityStatusLabel, QUIZ_KIND_LABELS } from '@/lib/vocabulary/statuses'
import { issueResetCodeAction } from './actions'

export const metadata: Metadata = { title: 'Riwayat pegawai' }

type History = NonNullable<Awaited<ReturnType<typeof getPersonHistory>>>

const LESSON_COLUMNS: readonly TableColumn<History['lessons'][number]>[] = [
  { key: 'title', header: 'Pelajaran', rowHeader: true, cell: (lesson) => lesson.title },
  { key: 'completedAt', header: 'Selesai', cell: (lesson) => (lesson.completedAt ? formatShortDate(lesson.completedAt) : 'Belum') },
  {
    key: 'activeSeconds',
    header: 'Waktu belajar',
    align: 'end',
    nowrap: true,
    cell: (lesson) => formatDuration(lesson.activeSeconds),
    cellProps: (lesson) => ({ 'data-seconds': lesson.activeSeconds }),
  },
  { key: 'updatedAt', header: 'Aktivitas terakhir', cell: (lesson) => formatShortDateTime(lesson.updatedAt) },
]

const ATTEMPT_COLUMNS: readonly TableColumn<History['attempts'][number]>[] = [
  { key: 'at', header: 'Tanggal', cell: (attempt) => formatShortDateTime(attempt.submittedAt ?? attempt.startedAt) },
  { key: 'kind', header: 'Uji', cell: (attempt) => QUIZ_KIND_LABELS[attempt.kind] },
  { key: 'cohort', header: 'Kelompok', cell: (attempt) => attempt.cohortName ?? MISSING },
  { key: 'score', header: 'Nilai', align: 'end', nowrap: true, cell: (attempt) => (attempt.submittedAt ? formatScore(attempt.score) : MISSING) },
  {
    key: 'result',
    header: 'Hasil',
    cell: (attempt) => (!attempt.submittedAt ? 'Belum dikirim' : attempt.kind === 'pretest' ? 'Selesai' : attempt.passed ? 'Lulus' : 'Belum lulus'),
  },
]

const CERTIFICATE_COLUMNS: readonly TableColumn<History['certificates'][number]>[] = [
  { key: 'number', header: 'Nomor', rowHeader: true, nowrap: true, cell: (certificate) => certificate.number },
  { key: 'year', header: 'Tahun', cell: (certificate) => certificate.year },
  { key: 'score', header: 'Nilai', align: 'end', nowrap: true, cell: (certificate) => formatScore(certificate.score) },
  { key: 'completedAt', header: 'Selesai', cell: (certificate) => formatShortDate(certificate.completedAt) },
  { key: 'validUntil', header: 'Berlaku sampai', cell: (certificate) => formatShortDate(certificate.validUntil) },
  {
    key: 'status',
    header: 'Keadaan',
    cell: (certificate) =>
      certificate.status === 'dicabut'
        ? `${CERTIFICATE_STATUS_LABELS.dicabut} ${formatShortDate(certificate.revokedAt)}${certificate.revokedReason ? `: ${certificate.revokedReason}` : ''}`
        : CERTIFICATE_STATUS_LABELS[certificate.status],
  },
]


export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const officer = await requireAgencyViewer(`/hr/pegawai/${encodeURIComponent(id)}`)
  // Another agency's person, or another unit's for a unit operator, is answered exactly like an
  // unknown id. The view is audited (UU 27/2022) in the same round as the reads.
  const history = await viewPersonHistory(officer, id, officer.scope.unitIds)
  if (!history) notFound()
  const { person } = history

  return (
    <>
      <p>
        <Link prefetch={false} href="/hr/pegawai">← Daftar pegawai</Link>
      </p>
      <h1>{person.name}</h1>
      <dl className="verify-details">
        <dt>NIP</dt>
        <dd>{person.nip ?? (person.rejectedNip ? `${person.rejectedNip} (klaim ditolak)` : '–')}</dd>
        <dt>Status identitas</dt>
        <dd data-testid="status-identitas" data-identity={person.identityStatus}>
          {identityStatusLabel(person.identityStatus)}
          {person.identityStatus === 'verified' && (
            <>
              {person.identityMethod && IDENTITY_METHOD_LABELS[person.identityMethod] ? `: ${IDENTITY_METHOD_LABELS[person.identityMethod]}` : ''}
              {person.identityVerifiedAt ? `, ${formatShortDate(person.identityVerifiedAt)}` : ''}
            </>
          )}
          {person.identityStatus === 'rejected' && person.identityRejectedAt ? `, ${formatShortDate(person.identityRejectedAt)}` : ''}
        </dd>
        <dt>Email</dt>
        <dd>{person.email}</dd>
        <dt>Jenis kepegawaian</dt>
        <dd>{person.employmentType ?? '–'}</dd>
        <dt>Unit kerja</dt>
        <dd>{person.unit?.name ?? '–'}</dd>
        <dt>Akun</dt>
        <dd>{person.claimedAt || person.createdAt ? `terdaftar ${formatShortDate(person.claimedAt ?? person.createdAt)}` : '–'}</dd>
      </dl>

      {officer.scope.manage && (
        <section className="card" aria-labelledby="atur-ulang">
          <h2 className="flush-top" id="atur-ulang">
            Lupa kata sandi
          </h2>
          <p className="muted">
            Buat kode sekali pakai (berlaku 24 jam) bila {person.name} lupa kata sandinya. Kode lama tidak berlaku lagi; semua sesinya
            berakhir saat kode dipakai. Dicatat di log audit.
          </p>
          <AdminForm
            action={issueResetCodeAction}
            idPrefix="atur-ulang"
            label={`Buat kode atur ulang kata sandi ${person.name}`}
            hidden={{ userId: person.id }}
            submitLabel="Buat kode atur ulang kata sandi"
            secondary
            fields={[]}
          />
        </section>
      )}

      <section aria-labelledby="kelompok">
        <h2 id="kelompok">Kelompok</h2>
        <DataTable markup="static"
          caption="Kelompok yang diikuti"
          columns={PERSON_ENROLMENT_COLUMNS}
          rows={history.enrolments.map((row) => toHrTableRow(row, officer.agencyName ?? ''))}
          rowKey={(row) => row.enrolmentId ?? row.personId}
          empty="Belum ditugaskan ke kelompok mana pun."
        />
      </section>

      <section aria-labelledby="pelajaran">
        <h2 id="pelajaran">
          Pelajaran ({history.lessonsDone} dari {history.lessonCount} selesai)
        </h2>
        <p>
          Waktu belajar tercatat: <strong data-testid="waktu-belajar-total">{formatDuration(history.activeSeconds)}</strong>{' '}
          <span className="muted">(waktu membaca aktif yang dicatat server, semua pelajaran saat ini)</span>
        </p>
        <DataTable markup="static" caption="Pelajaran" columns={LESSON_COLUMNS} rows={history.lessons} rowKey={(lesson) => lesson.slug} empty="Belum ada pelajaran." />
      </section>

      <section aria-labelledby="percobaan">
        <h2 id="percobaan">Percobaan uji</h2>
        <DataTable markup="static"
          caption="Percobaan uji"
          columns={ATTEMPT_COLUMNS}
          rows={history.attempts}
          rowKey={(attempt) => attempt.id}
          rowProps={(attempt) => ({ 'data-attempt': attempt.id })}
          empty="Belum pernah mengerjakan uji."
        />
      </section>

      <section aria-labelledby="sertifikat">
        <h2 id="sertifikat">Sertifikat</h2>
        <DataTable markup="static" caption="Sertifikat" columns={CERTIFICATE_COLUMNS} rows={history.certificates} rowKey={(certificate) => certificate.id} empty="Belum ada sertifikat." />
      </section>
    </>
  )
}
