import type { Metadata } from 'next'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { formatLoggedMomentWib } from '@/lib/format/indonesian'
import { formatSettingValue, SETTING_FIELDS } from '@/lib/admin/settings-form'
import { getSettingsForAdmin } from '@/lib/admin/settings.server'
import { requireAdmin } from '@/lib/auth/session.server'
import { getCertificateIssuing } from '@/lib/certificates/certificates.server'
import { SignerWarning } from '../sertifikat/signer-warning'
import { updateSettingsAction } from './actions'

export const metadata: Metadata = { title: 'Pengaturan kursus' }

export default async function AdminSettingsPage() {
  await requireAdmin('/admin/pengaturan')
  const [{ settings, updatedAt }, issuing] = await Promise.all([getSettingsForAdmin(), getCertificateIssuing()])
  return (
    <>
      <AdminNav current="/admin/pengaturan" />
      <h1>Pengaturan kursus</h1>
      <SignerWarning issuing={issuing} onSettingsPage />
      <p className="muted">
        Berlaku segera untuk uji dan sertifikat berikutnya; sertifikat yang sudah terbit tidak berubah. Setiap perubahan
        dicatat di <a href="/admin/audit?aksi=settings.">log audit</a> beserta nilai lama dan barunya.
        {updatedAt && <> Terakhir diubah {formatLoggedMomentWib(updatedAt)}.</>}
      </p>
      <section className="card narrow" aria-label="Formulir pengaturan kursus">
        <AdminForm
          action={updateSettingsAction}
          idPrefix="pengaturan"
          submitLabel="Simpan pengaturan"
          fields={SETTING_FIELDS.map((field) => ({
            name: field.key,
            label: field.label,
            hint: field.hint,
            defaultValue: formatSettingValue(field, settings[field.key]),
            inputMode:
              field.kind === 'integer' || field.kind === 'nip' ? 'numeric' : field.kind === 'decimal' ? 'decimal' : field.kind === 'url' ? 'url' : 'text',
            // A NIP may be typed with the spaces it is printed with.
            maxLength: field.kind === 'text' || field.kind === 'url' ? field.max : field.kind === 'nip' ? 24 : 12,
          }))}
        />
      </section>
    </>
  )
}
