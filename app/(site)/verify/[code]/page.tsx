import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { verifyCertificate } from '@/lib/certificates/certificates.server'
import { formatLongDate, formatNumber } from '@/lib/format/indonesian'
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
          <dd>{certificate.fullName}</dd>
          {certificate.maskedNip && (
            <>
              <dt>NIP / NI PPPK</dt>
              <dd>{certificate.maskedNip}</dd>
            </>
          )}
          <dt>Identitas pemegang</dt>
          <dd data-testid="identitas-pemegang">
            {certificate.holderIdentityVerified ? 'terverifikasi oleh instansi' : 'belum diverifikasi oleh instansi'}
          </dd>
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
        </dl>
      </div>
    </div>
  )
}
