import { describeSignerPlaceholders, type SignerField } from '@/lib/certificates/signer'

/**
 * The admin's warning while certificates cannot be issued: the signer in the settings is still
 * a placeholder. Says what is missing, how many passes wait, and where to fix it.
 */
export function SignerWarning({ issuing, onSettingsPage = false }: { issuing: { ready: boolean; placeholders: SignerField[]; waiting: number }; onSettingsPage?: boolean }) {
  if (issuing.ready) return null
  return (
    <div className="alert error" role="alert" data-testid="peringatan-penanda-tangan">
      <strong>Sertifikat belum dapat diterbitkan:</strong> {describeSignerPlaceholders(issuing.placeholders)} masih berisi nilai bawaan atau
      kosong. {issuing.waiting > 0 ? `${issuing.waiting} kelulusan menunggu sertifikatnya. ` : ''}
      {onSettingsPage ? (
        'Isi nama, jabatan dan NIP pejabat penanda tangan di bawah; sertifikat yang menunggu terbit saat pengaturan disimpan.'
      ) : (
        <>
          Lengkapi di <a href="/admin/pengaturan">Pengaturan kursus</a>; sertifikat yang menunggu terbit saat pengaturan disimpan.
        </>
      )}
    </div>
  )
}
