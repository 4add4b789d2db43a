'use server'

import type { AdminFormState } from '@/lib/admin/form-result'
import { issueResetCode } from '@/lib/accounts/password-reset.server'
import { formatShortDateTime } from '@/lib/format/indonesian'
import { action } from '@/lib/http/handler.server'

// The officer is checked by the entry: a server action can be called without the page.
export const issueResetCodeAction = action<'hr', undefined, AdminFormState>({
  access: 'hr',
  returnTo: '/hr/pegawai',
  fields: ['userId'],
  run: async ({ user, values }) => {
    const result = await issueResetCode(user, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    const { code, name, expiresAt } = result.value
    return {
      done: `Kode atur ulang kata sandi untuk ${name}: ${code} — berlaku sampai ${formatShortDateTime(expiresAt)}, sekali pakai. Berikan langsung kepada yang bersangkutan; ia memakainya di halaman /atur-ulang-sandi. Kode ini tidak ditampilkan lagi.`,
    }
  },
})
