import type { SigningCertificateState } from '@/lib/certificates/signing-key'
import { formatLongDate } from '@/lib/format/indonesian'

export type SigningKeyStatus = {
  subject: string
  notBefore: Date
  notAfter: Date
  selfSigned: boolean
  configured: boolean
  state: SigningCertificateState
}

const STATE_ALERT: Record<Exclude<SigningCertificateState, 'valid'>, (status: SigningKeyStatus) => string> = {
  expired: (status) =>
    `Sertifikat kunci penanda tangan PDF sudah kedaluwarsa sejak ${formatLongDate(status.notAfter)}. Sertifikat tetap terbit dan ditandatangani, tetapi pembaca PDF akan menyebut tanda tangannya dibuat dengan sertifikat kedaluwarsa. Perbarui berkas PKCS#12 (CERT_SIGNING_P12) lalu mulai ulang aplikasi.`,
  expiring: (status) =>
    `Sertifikat kunci penanda tangan PDF berakhir pada ${formatLongDate(status.notAfter)}. Perbarui berkas PKCS#12 (CERT_SIGNING_P12) sebelum tanggal itu lalu mulai ulang aplikasi.`,
  'not-yet-valid': (status) =>
    `Sertifikat kunci penanda tangan PDF baru berlaku mulai ${formatLongDate(status.notBefore)}. Periksa berkas PKCS#12 (CERT_SIGNING_P12) dan jam server.`,
}

/**
 * Who signs the certificate PDFs (decision 046): the signer certificate's subject and validity,
 * an alert when it is expired, expires within 30 days or is not yet valid, and a note when the
 * key is the self-signed one kept in the database.
 */
export function SigningKeyNotice({ status }: { status: SigningKeyStatus | null }) {
  if (!status) {
    return (
      <div className="alert error" role="alert" data-testid="kunci-penanda-tangan">
        Kunci penanda tangan PDF tidak dapat dimuat saat ini; sertifikat baru akan ditandatangani saat diunduh pertama kali.
      </div>
    )
  }
  const problem = status.state === 'valid' ? null : STATE_ALERT[status.state](status)
  return (
    <div className={`alert ${problem ? 'error' : 'info'}`} role={problem ? 'alert' : 'status'} data-testid="kunci-penanda-tangan">
      {problem && (
        <p>
          <strong>{problem}</strong>
        </p>
      )}
      <p>
        PDF sertifikat ditandatangani secara elektronik oleh <strong>{status.subject}</strong>, berlaku {formatLongDate(status.notBefore)} sampai{' '}
        {formatLongDate(status.notAfter)}.
        {status.selfSigned
          ? status.configured
            ? ' Sertifikat kunci ini swatanda (self-signed): pembaca PDF memeriksa keutuhan berkas, tetapi tidak mengenal penerbitnya.'
            : ' Ini kunci swatanda (self-signed) yang dibuat aplikasi dan disimpan di basis data: cukup untuk demo. Untuk produksi, pasang berkas PKCS#12 instansi (CERT_SIGNING_P12, lihat docs/deploy.md).'
          : ''}
      </p>
    </div>
  )
}
