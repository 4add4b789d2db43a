import type { Metadata } from 'next'
import Link from 'next/link'
import { requireUser } from '@/lib/auth/session.server'
import { linkedInAddCertificationUrl } from '@/lib/badges/linkedin'
import { ISSUER_NAME } from '@/lib/badges/open-badge'
import { countPendingCertificates, getCertificateIssuing, listCertificatesForLearner } from '@/lib/certificates/certificates.server'
import { buildVerifyUrl } from '@/lib/certificates/verification-code'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { formatLongDate, formatNumber, formatScore } from '@/lib/format/indonesian'
import { CERTIFICATE_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { issuePendingCertificatesAction } from './actions'

export const metadata: Metadata = { title: 'Sertifikat saya' }


export default async function CertificatesPage() {
  const user = await requireUser('/sertifikat')
  // Read only: a page view never issues anything (the button below does, as a POST).
  const [certificates, pending, issuing, settings] = await Promise.all([
    listCertificatesForLearner(user.id),
    countPendingCertificates(user.id),
    getCertificateIssuing(),
    getCourseSettings(),
  ])
  const [latest, ...older] = certificates
  return (
    <>
      <h1>Sertifikat saya</h1>
      {pending > 0 && !issuing.ready && (
        <section className="card" aria-labelledby="disiapkan">
          <h2 className="flush-top" id="disiapkan">
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
          <h2 className="flush-top" id="belum-terbit">
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
          <h2 className="flush-top" id="terbaru">
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
            <a href={`/sertifikat/${latest.id}/badge`} className="button secondary" download>
              Unduh Open Badge (JSON)
            </a>
            {!latest.revokedAt && (
              <a
                href={linkedInAddCertificationUrl({
                  name: latest.courseTitle,
                  organizationName: ISSUER_NAME,
                  issuedAt: latest.issuedAt,
                  validUntil: latest.validUntil,
                  certUrl: buildVerifyUrl(settings.publicBaseUrl, latest.code),
                  certId: latest.number,
                })}
                className="button secondary"
                target="_blank"
                rel="noopener noreferrer"
              >
                Tambahkan ke LinkedIn
              </a>
            )}
          </div>
          <p className="muted">
            Open Badge adalah kredensial digital (Open Badges 3.0) yang ditandatangani penerbit dan dapat diperiksa di platform lencana
            digital; bila sertifikat dicabut, lencananya juga terbaca dicabut.
          </p>
          {/* A frame, not <object>: the Content-Security-Policy has object-src 'none'. */}
          <iframe
            src={`/sertifikat/${latest.id}/pdf?tampil=1`}
            title={`Pratinjau sertifikat ${latest.number}`}
            className="pdf-preview"
          />
        </section>
      )}
      {older.length > 0 && (
        <section className="card" aria-labelledby="riwayat">
          <h2 className="flush-top" id="riwayat">
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
                      </a>{' '}
                      · <a href={`/sertifikat/${certificate.id}/badge`} download>Open Badge</a>
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
