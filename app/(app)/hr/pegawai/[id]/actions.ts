'use server'

import { formValues, type AdminFormState } from '@/lib/admin/form-result'
import { issueResetCode } from '@/lib/accounts/password-reset.server'
import { formatShortDateTime } from '@/lib/format/indonesian'
import { requireHrOfficer } from '@/lib/auth/session.server'

// Checks the officer itself: a server action can be called without the page.
export async function issueResetCodeAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const officer = await requireHrOfficer('/hr/pegawai')
  const result = await issueResetCode(officer, formValues(formData, ['userId']))
  if (!result.ok) return { fieldErrors: result.fieldErrors }
  const { code, name, expiresAt } = result.value
  return {
    done: `Kode atur ulang kata sandi untuk ${name}: ${code} — berlaku sampai ${formatShortDateTime(expiresAt)}, sekali pakai. Berikan langsung kepada yang bersangkutan; ia memakainya di halaman /atur-ulang-sandi. Kode ini tidak ditampilkan lagi.`,
  }
}
