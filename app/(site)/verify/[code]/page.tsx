import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { verifyCertificate } from '@/lib/certificates/certificates.server'
import { formatDateTimeWib, formatLongDate, formatNumber } from '@/lib/format/indonesian'
import { POLICIES } from '@/lib/rate-limit/policies'
import { clientAddress, consumeRateLimit } from '@/lib/rate-limit/rate-limit.server'

export const metadata: Metadata = { title: 'Verifikasi sertifikat', robots: { index: false } }

const VERDICT = {
  berlaku: { title: 'Sertifikat asli dan berlaku', tone: 'success' },
  kedaluwarsa: { title: 'Sertifikat asli, tetapi sudah kedaluwarsa', tone: 'info' },
  dicabut: { title: 'Sertifikat ini telah dicabut', tone: 'error' },
} as const

// Public: anyone holding the code (a supervisor, an auditor) may check a certificate. It shows
// what the certificate states and never the full NIP; an unknown code reveals nothing.
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  const rate = await consumeRateLimit('verify', clientAddress(await headers()), POLICIES.verifyAddress)
  if (!rate.allowed) {
    return (
      <div className="narrow">
        <h1>Terlalu banyak permintaan</h1>
        <p>Coba lagi dalam {rate.retryAfterSeconds} detik.</p>
      </div>
    )
  }
  const certificate = await verifyCertificate(code)
  if (!certificate) notFound()
  const verdict = VERDICT[certificate.status]
  return (
    <div className="narrow">
      <h1>Verifikasi sertifikat</h1>
      <p className={`alert ${verdict.tone}`} role="status">
        <strong>{verdict.title}.</strong>
        {/* That and when, never the reason: it is internal to the agency and the platform. */}
        {certificate.revokedAt ? ` Dicabut pada ${formatLongDate(certificate.revokedAt)}; sertifikat ini tidak berlaku.` : ''}
      </p>
      <div className="card">
        <dl className="verify-details">
          <dt>Nomor</dt>
          <dd>{certificate.number}</dd>
          <dt>Nama</dt>
          <dd data-testid="nama-pemegang">{certificate.fullName ?? 'tidak ditampilkan: data pemegang sudah dianonimkan setelah masa simpannya berakhir'}</dd>
          {certificate.maskedNip && (
            <>
              <dt>NIP / NI PPPK</dt>
              <dd>{certificate.maskedNip}</dd>
            </>
          )}
          {!certificate.anonymised && (
            <>
              <dt>Identitas pemegang</dt>
              <dd data-testid="identitas-pemegang">
                {certificate.holderIdentityVerified ? 'terverifikasi oleh instansi' : 'belum diverifikasi oleh instansi'}
              </dd>
            </>
          )}
          <dt>Instansi</dt>
          <dd>
            {certificate.agencyName}
            {certificate.unitName ? ` · ${certificate.unitName}` : ''}
          </dd>
          <dt>Pelatihan</dt>
          <dd>
            {certificate.courseTitle} ({formatNumber(certificate.jp)} JP)
          </dd>
          <dt>Kelompok</dt>
          <dd>{certificate.cohortName}</dd>
          <dt>Materi</dt>
          <dd>{certificate.materialLabel}</dd>
          <dt>Selesai</dt>
          <dd>{formatLongDate(certificate.completedAt)}</dd>
          <dt>Berlaku sampai</dt>
          <dd>{formatLongDate(certificate.validUntil)}</dd>
          {certificate.revokedAt && (
            <>
              <dt>Dicabut</dt>
              <dd>{formatLongDate(certificate.revokedAt)}</dd>
            </>
          )}
          <dt>Versi</dt>
          <dd data-testid="versi-berlaku">
            {certificate.currentVersion.version}, terbit {formatLongDate(certificate.currentVersion.issuedAt)} ({certificate.currentVersion.reason})
          </dd>
          <dt>Tanda tangan elektronik</dt>
          <dd data-testid="tanda-tangan">
            {certificate.currentVersion.signedAt && certificate.currentVersion.signerSubject ? (
              <>
                Berkas PDF ditandatangani secara elektronik pada {formatDateTimeWib(certificate.currentVersion.signedAt)} oleh{' '}
                <span data-testid="penanda-tangan">{certificate.currentVersion.signerSubject}</span>.
              </>
            ) : (
              'Berkas versi ini diterbitkan sebelum sertifikat ditandatangani secara elektronik (tanpa tanda tangan elektronik); sidik SHA-256 di bawah tetap berlaku.'
            )}
          </dd>
          <dt>SHA-256 berkas</dt>
          <dd>
            <code data-testid="sha256-berlaku" className="hash">
              {certificate.currentVersion.sha256 ?? '—'}
            </code>
          </dd>
        </dl>
        <p className="muted">
          {certificate.revokedAt
            ? 'Sidik SHA-256 di atas adalah berkas versi ini sebagaimana diterbitkan. Salinan yang kini diunduh bercap "DICABUT" dan tidak memiliki sidik yang dicatat.'
            : 'Untuk memastikan salinan PDF yang Anda terima tidak diubah, hitung SHA-256 berkasnya (misalnya "sha256sum sertifikat.pdf") dan bandingkan dengan sidik di atas. Pembaca PDF (misalnya Adobe Acrobat Reader, atau "pdfsig sertifikat.pdf") juga memeriksa tanda tangan elektroniknya.'}
        </p>
      </div>
      {certificate.supersededVersions.length > 0 && (
        <section aria-labelledby="versi-lama" className="card">
          <h2 id="versi-lama">Versi yang digantikan</h2>
          <p>Salinan dengan sidik berikut adalah versi lama sertifikat ini: tidak berlaku lagi sebagai versi terkini.</p>
          <ul data-testid="versi-digantikan">
            {certificate.supersededVersions.map((version) => (
              <li key={version.version}>
                Versi {version.version}, terbit {formatLongDate(version.issuedAt)}: digantikan oleh versi {version.version + 1} karena{' '}
                {(certificate.supersededBecause[version.version] ?? 'penerbitan ulang').toLowerCase()}. SHA-256{' '}
                <code className="hash">{version.sha256}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
