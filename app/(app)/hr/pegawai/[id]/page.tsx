import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatScore, formatShortDate, formatShortDateTime } from '@/lib/format/indonesian'
import { formatDuration } from '@/components/hr/format'
import { StatusBadge } from '@/components/hr/status'
import { AdminForm } from '@/components/admin/admin-form'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { getPersonHistory } from '@/lib/hr/dashboard.server'
import { COHORT_KIND_LABELS, IDENTITY_METHOD_LABELS, identityStatusLabel, QUIZ_KIND_LABELS } from '@/lib/vocabulary/statuses'
import { issueResetCodeAction } from './actions'

export const metadata: Metadata = { title: 'Riwayat pegawai' }


export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const officer = await requireHrOfficer(`/hr/pegawai/${encodeURIComponent(id)}`)
  // Another agency's person is answered exactly like an unknown id.
  const history = await getPersonHistory(officer.agencyId, id)
  if (!history) notFound()
  const { person } = history

  return (
    <>
      <p>
        <Link href="/hr/pegawai">← Daftar pegawai</Link>
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

      <section className="card" aria-labelledby="atur-ulang">
        <h2 id="atur-ulang" style={{ marginTop: 0 }}>
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

      <section aria-labelledby="kelompok">
        <h2 id="kelompok">Kelompok</h2>
        {history.enrolments.length === 0 ? (
          <p className="muted">Belum ditugaskan ke kelompok mana pun.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Kelompok yang diikuti" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Kelompok yang diikuti</caption>
              <thead>
                <tr>
                  <th scope="col">Kelompok</th>
                  <th scope="col">Jenis</th>
                  <th scope="col">Batas waktu</th>
                  <th scope="col">Status</th>
                  <th scope="col">Nilai terbaik uji akhir</th>
                  <th scope="col">Sertifikat</th>
                </tr>
              </thead>
              <tbody>
                {history.enrolments.map((row) => (
                  <tr key={row.key.id}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      {row.enrolment!.cohortName}
                    </th>
                    <td>
                      {COHORT_KIND_LABELS[row.enrolment!.cohortKind]} {row.enrolment!.cohortYear}
                    </td>
                    <td>{formatShortDate(row.enrolment!.dueDate)}</td>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td className="nowrap">{formatScore(row.bestPostTestScore)}</td>
                    <td className="nowrap">{row.certificate?.number ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="pelajaran">
        <h2 id="pelajaran">
          Pelajaran ({history.lessonsDone} dari {history.lessonCount} selesai)
        </h2>
        <p>
          Waktu belajar tercatat: <strong data-testid="waktu-belajar-total">{formatDuration(history.activeSeconds)}</strong>{' '}
          <span className="muted">(waktu membaca aktif yang dicatat server, semua pelajaran saat ini)</span>
        </p>
        <div className="table-wrap" role="region" aria-label="Pelajaran" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Pelajaran</caption>
            <thead>
              <tr>
                <th scope="col">Pelajaran</th>
                <th scope="col">Selesai</th>
                <th scope="col">Waktu belajar</th>
                <th scope="col">Aktivitas terakhir</th>
              </tr>
            </thead>
            <tbody>
              {history.lessons.map((lesson) => (
                <tr key={lesson.slug}>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    {lesson.title}
                  </th>
                  <td>{lesson.completedAt ? formatShortDate(lesson.completedAt) : 'Belum'}</td>
                  <td data-seconds={lesson.activeSeconds}>{formatDuration(lesson.activeSeconds)}</td>
                  <td>{formatShortDateTime(lesson.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="percobaan">
        <h2 id="percobaan">Percobaan uji</h2>
        {history.attempts.length === 0 ? (
          <p className="muted">Belum pernah mengerjakan uji.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Percobaan uji" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Percobaan uji</caption>
              <thead>
                <tr>
                  <th scope="col">Tanggal</th>
                  <th scope="col">Uji</th>
                  <th scope="col">Kelompok</th>
                  <th scope="col">Nilai</th>
                  <th scope="col">Hasil</th>
                </tr>
              </thead>
              <tbody>
                {history.attempts.map((attempt) => (
                  <tr key={attempt.id} data-attempt={attempt.id}>
                    <td>{formatShortDateTime(attempt.submittedAt ?? attempt.startedAt)}</td>
                    <td>{QUIZ_KIND_LABELS[attempt.kind]}</td>
                    <td>{attempt.cohortName ?? '–'}</td>
                    <td>{attempt.submittedAt ? formatScore(attempt.score) : '–'}</td>
                    <td>
                      {!attempt.submittedAt
                        ? 'Belum dikirim'
                        : attempt.kind === 'pretest'
                          ? 'Selesai'
                          : attempt.passed
                            ? 'Lulus'
                            : 'Belum lulus'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sertifikat">
        <h2 id="sertifikat">Sertifikat</h2>
        {history.certificates.length === 0 ? (
          <p className="muted">Belum ada sertifikat.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Sertifikat" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Sertifikat</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor</th>
                  <th scope="col">Tahun</th>
                  <th scope="col">Nilai</th>
                  <th scope="col">Selesai</th>
                  <th scope="col">Berlaku sampai</th>
                  <th scope="col">Keadaan</th>
                </tr>
              </thead>
              <tbody>
                {history.certificates.map((certificate) => (
                  <tr key={certificate.id}>
                    <th scope="row" style={{ fontWeight: 400 }} className="nowrap">
                      {certificate.number}
                    </th>
                    <td>{certificate.year}</td>
                    <td className="nowrap">{formatScore(certificate.score)}</td>
                    <td>{formatShortDate(certificate.completedAt)}</td>
                    <td>{formatShortDate(certificate.validUntil)}</td>
                    <td>
                      {certificate.revokedAt
                        ? `Dicabut ${formatShortDate(certificate.revokedAt)}${certificate.revokedReason ? `: ${certificate.revokedReason}` : ''}`
                        : certificate.status === 'kedaluwarsa'
                          ? 'Kedaluwarsa'
                          : 'Berlaku'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
