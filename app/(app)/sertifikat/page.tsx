import type { Metadata } from 'next'
import Link from 'next/link'
import { requireUser } from '@/lib/auth/session.server'
import { countPendingCertificates, getCertificateIssuing, listCertificatesForLearner } from '@/lib/certificates/certificates.server'
import { formatLongDate, formatNumber, formatScore } from '@/lib/format/indonesian'
import { CERTIFICATE_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { issuePendingCertificatesAction } from './actions'

export const metadata: Metadata = { title: 'Sertifikat saya' }


export default async function CertificatesPage() {
  const user = await requireUser('/sertifikat')
  // Read only: a page view never issues anything (the button below does, as a POST).
  const [certificates, pending, issuing] = await Promise.all([
    listCertificatesForLearner(user.id),
    countPendingCertificates(user.id),
    getCertificateIssuing(),
  ])
  const [latest, ...older] = certificates
  return (
    <>
      <h1>Sertifikat saya</h1>
      {pending > 0 && !issuing.ready && (
        <section className="card" aria-labelledby="disiapkan">
          <h2 id="disiapkan" style={{ marginTop: 0 }}>
            Sertifikat Anda sedang disiapkan
          </h2>
          <p>
            Kelulusan uji akhir Anda sudah tercatat. Sertifikat terbit setelah penyelenggara melengkapi data pejabat penanda
            tangan; Anda tidak perlu mengulang apa pun. Kembali ke halaman ini nanti untuk mengunduhnya.
          </p>
        </section>
      )}
      {pending > 0 && issuing.ready && (
        <section className="card" aria-labelledby="belum-terbit">
          <h2 id="belum-terbit" style={{ marginTop: 0 }}>
            Sertifikat Anda siap diterbitkan
          </h2>
          <p>Kelulusan uji akhir Anda sudah tercatat, tetapi sertifikatnya belum terbit.</p>
          <form action={issuePendingCertificatesAction}>
            <button type="submit" className="button">
              Terbitkan sertifikat
            </button>
          </form>
        </section>
      )}
      {!latest ? (
        <div className="card">
          <p>Anda belum memiliki sertifikat. Selesaikan semua pelajaran dan lulus uji akhir untuk mendapatkannya.</p>
          <Link href="/dasbor" className="button secondary">
            Ke dasbor
          </Link>
        </div>
      ) : (
        <section className="card" aria-labelledby="terbaru">
          <h2 id="terbaru" style={{ marginTop: 0 }}>
            {latest.number}
          </h2>
          {latest.revokedAt && (
            <p className="alert error" role="status">
              <strong>Sertifikat ini telah dicabut</strong> pada {formatLongDate(latest.revokedAt)} dan tidak berlaku lagi. Salinan
              yang diunduh bertanda DICABUT. Hubungi admin kepegawaian instansi Anda bila ada pertanyaan.
            </p>
          )}
          <p>
            {latest.cohortLabel} · nilai {formatScore(latest.score)} · {formatNumber(latest.jp)} JP · selesai{' '}
            {formatLongDate(latest.completedAt)} · berlaku sampai {formatLongDate(latest.validUntil)} ·{' '}
            <span className="badge">{CERTIFICATE_STATUS_LABELS[latest.status]}</span>
          </p>
          <p className="muted">{latest.materialLabel}</p>
          <div className="actions">
            <a href={`/sertifikat/${latest.id}/pdf`} className={latest.revokedAt ? 'button secondary' : 'button'} download>
              {latest.revokedAt ? 'Unduh salinan bertanda DICABUT (PDF)' : 'Unduh sertifikat (PDF)'}
            </a>
          </div>
          {/* A frame, not <object>: the Content-Security-Policy has object-src 'none'. */}
          <iframe
            src={`/sertifikat/${latest.id}/pdf?tampil=1`}
            title={`Pratinjau sertifikat ${latest.number}`}
            style={{ width: '100%', aspectRatio: '297 / 210', marginTop: '1rem', border: '1px solid var(--c-border)' }}
          />
        </section>
      )}
      {older.length > 0 && (
        <section className="card" aria-labelledby="riwayat">
          <h2 id="riwayat" style={{ marginTop: 0 }}>
            Riwayat sertifikat
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nomor</th>
                  <th scope="col">Kelompok</th>
                  <th scope="col">Berlaku sampai</th>
                  <th scope="col">Status</th>
                  <th scope="col">Unduh</th>
                </tr>
              </thead>
              <tbody>
                {older.map((certificate) => (
                  <tr key={certificate.id}>
                    <td>{certificate.number}</td>
                    <td>{certificate.cohortLabel}</td>
                    <td>{formatLongDate(certificate.validUntil)}</td>
                    <td>{CERTIFICATE_STATUS_LABELS[certificate.status]}</td>
                    <td>
                      <a href={`/sertifikat/${certificate.id}/pdf`} download>
                        {certificate.revokedAt ? 'PDF bertanda DICABUT' : 'PDF'}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  )
}
