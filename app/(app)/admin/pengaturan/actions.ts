'use server'

import { revalidatePath } from 'next/cache'
import type { AdminFormState } from '@/lib/admin/form-result'
import { SETTING_FIELDS, SETTING_KEYS } from '@/lib/admin/settings-form'
import { updateCourseSettings } from '@/lib/admin/settings.server'
import { issueWaitingCertificates } from '@/lib/certificates/certificates.server'
import { action } from '@/lib/http/handler.server'
import { logger } from '@/lib/observability/log.server'

// The role is checked by the entry: a server action can be called without the page.
export const updateSettingsAction = action<'admin', undefined, AdminFormState>({
  access: 'admin',
  returnTo: '/admin/pengaturan',
  fields: SETTING_KEYS,
  run: async ({ user, values }) => {
    const result = await updateCourseSettings(user.id, values)
    if (!result.ok) return { fieldErrors: result.fieldErrors, values }
    const keys = Object.keys(result.value)
    if (keys.length === 0) return { done: 'Tidak ada perubahan.' }
    // A signer was set: passes that waited for one get their certificates now (each in its own
    // transaction, after the settings are committed; nothing happens while it is still a
    // placeholder). Other changes issue nothing: the learner's own button covers a failed issue.
    const signerChanged = keys.some((key) => key === 'signerName' || key === 'signerTitle' || key === 'signerNip')
    const issued = !signerChanged
      ? 0
      : await issueWaitingCertificates().catch((error: unknown) => {
          logger().error({ err: error }, 'waiting certificates not issued yet')
          return 0
        })
    revalidatePath('/', 'layout')
    const labels = SETTING_FIELDS.filter((field) => keys.includes(field.key)).map((field) => field.label.toLowerCase())
    const issuedNote = issued > 0 ? ` ${issued} sertifikat yang menunggu telah diterbitkan.` : ''
    return { done: `Pengaturan disimpan (${labels.join(', ')}).${issuedNote}` }
  },
})
