import type { Metadata } from 'next'
import { RosterUpload } from '@/components/roster/roster-upload'
import { requireHrOfficer } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Impor daftar pegawai' }

export default async function RosterImportPage() {
  const officer = await requireHrOfficer('/hr/impor')
  return (
    <>
      <h1>Impor daftar pegawai</h1>
      <p className="muted">
        Untuk {officer.agencyName}. Pratinjau dulu: tidak ada yang disimpan sebelum Anda menekan &ldquo;Impor&rdquo;. Pegawai baru
        mendapat akun yang diaktifkan sendiri dengan NIP mereka; data pegawai yang sudah ada tidak ditimpa.
      </p>
      <RosterUpload />
    </>
  )
}
