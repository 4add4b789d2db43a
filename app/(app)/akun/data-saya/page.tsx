import type { Metadata } from 'next'
import Link from 'next/link'
import { requireUser } from '@/lib/auth/session.server'
import { formatDateTimeWib, formatNumber, formatScore, formatShortDate } from '@/lib/format/indonesian'
import { personalDataOf } from '@/lib/privacy/personal-data.server'
import { NameCorrectionForm } from '@/components/privacy/name-correction-form'
import { AccountDeletionForm } from '@/components/privacy/account-deletion-form'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { NAME_CORRECTION_STATUS_LABELS } from '@/lib/privacy/name-correction'
import { CAPABILITY_LABELS, COHORT_KIND_LABELS, IDENTITY_STATUS_LABELS, QUIZ_KIND_LABELS, TRANSFER_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { EMPLOYMENT_TYPE_CHOICE_LABELS } from '@/lib/vocabulary/employment-types'

export const metadata: Metadata = { title: 'Data saya' }

const dash = '—'
const when = (value: Date | null | undefined) => (value ? formatDateTimeWib(value) : dash)

/**
 * "Data saya" (UU 27/2022): what the platform holds about the signed-in person, readable, with the
 * complete file to download. Both come from lib/privacy/personal-data.server.ts.
 */
export default async function MyDataPage() {
  const user = await requireUser('/akun/data-saya')
  const [data, { complianceRetentionYears: retentionYears }] = await Promise.all([personalDataOf(user.id), getCourseSettings()])
  if (!data) return null
  const { person } = data
  const submitted = data.quizAttempts.filter((attempt) => attempt.submittedAt)
  const corrections = [...data.nameCorrections].reverse()
  const openCorrection = corrections.find((request) => request.status === 'pending')
  return (
    <div className="narrow">
      <p>
        <Link href="/akun">← Akun saya</Link>
      </p>
      <h1>Data saya</h1>
      <p>
        Ringkasan semua data pribadi Anda yang disimpan aplikasi ini. Berkas lengkapnya (JSON, dapat dibaca mesin) memuat setiap baris,
        termasuk jawaban tes Anda butir demi butir.
      </p>
      <p>
        <a className="button" href="/akun/data-saya/json" download>
          Unduh semua data saya (JSON)
        </a>
      </p>
      <p className="muted">
        Tidak disertakan: kata sandi (tersimpan sebagai hash), token sesi, dan kode aktivasi atau atur ulang sandi, karena dapat dipakai
        untuk masuk sebagai Anda. Catatan tindakan petugas atas akun Anda menyebut tindakannya dan waktunya, tanpa data pribadi petugas.
      </p>

      <section aria-labelledby="identitas">
        <h2 id="identitas">Identitas</h2>
        <dl className="verify-details">
          <dt>Nama</dt>
          <dd>{person.name}</dd>
          <dt>Email</dt>
          <dd>
            {person.email} {person.emailVerified ? '(terverifikasi)' : ''}
          </dd>
          <dt>NIP / NI PPPK</dt>
          <dd>{person.nip ?? dash}</dd>
          <dt>Jenis kepegawaian</dt>
          <dd>{person.employmentType ? EMPLOYMENT_TYPE_CHOICE_LABELS[person.employmentType] : dash}</dd>
          <dt>Instansi dan unit kerja</dt>
          <dd>{[person.agency, person.unit].filter(Boolean).join(', ') || dash}</dd>
          <dt>Status NIP</dt>
          <dd>{IDENTITY_STATUS_LABELS[person.identityStatus]}</dd>
          <dt>Akun dibuat</dt>
          <dd>{when(person.createdAt)}</dd>
          <dt>Pemberitahuan Privasi disetujui</dt>
          <dd>
            {data.privacyNoticeAccepted.length
              ? data.privacyNoticeAccepted.map((acceptance) => `versi ${acceptance.version} (${formatShortDate(acceptance.acceptedAt)})`).join(', ')
              : dash}
          </dd>
          {person.disabledAt && (
            <>
              <dt>Akun dinonaktifkan</dt>
              <dd>
                {when(person.disabledAt)}
                {person.disabledReason ? `: ${person.disabledReason}` : ''}
              </dd>
            </>
          )}
        </dl>
        {data.capabilities.length > 0 && (
          <>
            <h3>Kewenangan</h3>
            <ul>
              {data.capabilities.map((grant, index) => (
                <li key={index}>
                  {CAPABILITY_LABELS[grant.capability]}
                  {grant.unit ? `, ${grant.unit}` : grant.agency ? `, ${grant.agency}` : ''} (sejak {formatShortDate(grant.grantedAt)})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="koreksi">
        <h2 id="koreksi">Koreksi nama</h2>
        <p>
          Nama Anda salah tulis? Ajukan koreksi; admin kepegawaian instansi Anda memeriksanya. Bila disetujui, nama akun berubah dan setiap
          sertifikat yang masih berlaku diterbitkan ulang dengan nomor yang sama dan nama yang benar (versi baru; versi lama tercatat sebagai
          digantikan di halaman verifikasi).
        </p>
        {corrections.length > 0 && (
          <ul data-testid="riwayat-koreksi">
            {corrections.map((request, index) => (
              <li key={index}>
                {request.currentName} → {request.requestedName}: <strong>{NAME_CORRECTION_STATUS_LABELS[request.status]}</strong>
                {request.decidedAt ? ` ${formatShortDate(request.decidedAt)}` : ` (diajukan ${formatShortDate(request.requestedAt)})`}
                {request.status === 'rejected' && request.decisionNote ? `. Alasan: ${request.decisionNote}` : ''}
              </li>
            ))}
          </ul>
        )}
        {openCorrection ? (
          <p className="alert info">Permintaan koreksi nama Anda sedang menunggu keputusan admin kepegawaian.</p>
        ) : person.agency ? (
          <NameCorrectionForm currentName={person.name} />
        ) : (
          <p className="muted">Akun Anda belum terhubung ke instansi; hubungi admin untuk koreksi nama.</p>
        )}
      </section>

      <section aria-labelledby="belajar">
        <h2 id="belajar">Kelompok dan kemajuan belajar</h2>
        {data.enrolments.length === 0 ? (
          <p>Anda belum masuk kelompok mana pun.</p>
        ) : (
          <ul>
            {data.enrolments.map((enrolment) => (
              <li key={enrolment.cycleKey}>
                {enrolment.cohort} ({COHORT_KIND_LABELS[enrolment.cohortKind]} {enrolment.cohortYear}, {enrolment.agency}): {formatNumber(enrolment.lessonsDone)}{' '}
                materi selesai, {formatNumber(Math.round(enrolment.activeSeconds / 60))} menit belajar
                {enrolment.passedAt ? `, lulus ${formatShortDate(enrolment.passedAt)}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p>
          Catatan materi: {formatNumber(data.lessonProgress.length)} materi dibuka, {formatNumber(data.lessonProgress.filter((lesson) => lesson.completedAt).length)}{' '}
          diselesaikan.
        </p>
      </section>

      <section aria-labelledby="tes">
        <h2 id="tes">Tes</h2>
        {submitted.length === 0 ? (
          <p>Belum ada tes yang Anda kumpulkan.</p>
        ) : (
          <ul>
            {submitted.map((attempt) => (
              <li key={attempt.id}>
                {QUIZ_KIND_LABELS[attempt.kind]}, {when(attempt.submittedAt)}: nilai {formatScore(attempt.score)}
                {attempt.kind === 'posttest' ? (attempt.passed ? ' (lulus)' : ' (belum lulus)') : ''}, {attempt.answersDeletedAt ? 'jawaban sudah dihapus setelah masa retensi' : `${formatNumber(attempt.answers.length)} jawaban tersimpan`}
              </li>
            ))}
          </ul>
        )}
        {data.itemReports.length > 0 && <p>Laporan soal yang Anda kirim: {formatNumber(data.itemReports.length)}.</p>}
      </section>

      <section aria-labelledby="sertifikat">
        <h2 id="sertifikat">Sertifikat</h2>
        {data.certificates.length === 0 ? (
          <p>Belum ada sertifikat.</p>
        ) : (
          <ul>
            {data.certificates.map((certificate) => (
              <li key={certificate.number}>
                {certificate.number}, atas nama {certificate.fullName}: terbit {formatShortDate(certificate.issuedAt)}, berlaku sampai{' '}
                {formatShortDate(certificate.validUntil)}
                {certificate.versions.length > 1 ? `, versi ${certificate.versions.length}` : ''}
                {certificate.revokedAt ? `, dicabut ${formatShortDate(certificate.revokedAt)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.transfers.length > 0 && (
        <section aria-labelledby="mutasi">
          <h2 id="mutasi">Mutasi</h2>
          <ul>
            {data.transfers.map((transfer, index) => (
              <li key={index}>
                {transfer.from} → {transfer.to}: {TRANSFER_STATUS_LABELS[transfer.status]} ({formatShortDate(transfer.decidedAt ?? transfer.requestedAt)})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="perangkat">
        <h2 id="perangkat">Sesi, perangkat dan email</h2>
        <p>
          {formatNumber(data.sessions.length)} sesi masuk yang masih tersimpan (dengan alamat IP dan peramban), {formatNumber(data.trustedDevices.length)} perangkat
          tepercaya, {formatNumber(data.emails.length)} email yang dikirim kepada Anda.
        </p>
        <p>
          Catatan audit tentang Anda: {formatNumber(data.auditLog.length)} entri, {formatNumber(data.auditLog.filter((entry) => entry.by === 'anda').length)} di
          antaranya tindakan Anda sendiri (masuk, mengumpulkan tes, mengunduh).
        </p>
      </section>

      <section aria-labelledby="hapus-akun">
        <h2 id="hapus-akun">Hapus akun saya</h2>
        <p>
          Akun Anda dihapus saat itu juga dan Anda tidak dapat masuk lagi. Dihapus: nama dan email di akun, NIP di akun, kata sandi, sesi,
          perangkat, kemajuan belajar, tes dan jawabannya, permintaan koreksi nama dan mutasi, serta penugasan yang belum selesai. Jawaban tes
          lebih dulu dirangkum menjadi statistik soal tanpa nama.
        </p>
        <p>
          {data.certificates.length > 0
            ? `Tetap disimpan sebagai catatan kepatuhan instansi: ${data.certificates.length === 1 ? 'sertifikat' : `${formatNumber(data.certificates.length)} sertifikat`} Anda (dengan nama dan NIP yang tercetak), penugasan dan nilai tes yang menghasilkannya, dan catatan materinya, sampai ${formatNumber(retentionYears)} tahun setelah masa berlakunya habis; setelah itu dianonimkan. Admin kepegawaian instansi Anda melihat bahwa Anda menghapus akun.`
            : 'Anda belum memiliki sertifikat, jadi tidak ada catatan kepatuhan yang disimpan. Admin kepegawaian instansi Anda melihat bahwa Anda menghapus akun.'}
        </p>
        <AccountDeletionForm />
      </section>
    </div>
  )
}
