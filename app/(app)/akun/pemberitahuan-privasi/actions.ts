'use server'

import { redirect } from 'next/navigation'
import { db } from '@/lib/db/db.server'
import { formAction } from '@/lib/http/handler.server'
import { recordPrivacyAcceptance } from '@/lib/privacy/acceptance.server'
import { PRIVACY_ACCEPT_PATH } from '@/lib/privacy/notice'
import { safeReturnPath } from '@/lib/safe-return-path'

// Thin: the person comes from the session (never the form); the checkbox must be ticked (the
// browser checks it too); the version recorded is the one in force (lib/privacy/notice.ts).
export const acceptPrivacyNoticeAction = formAction({
  access: 'learner',
  returnTo: PRIVACY_ACCEPT_PATH,
  run: async ({ user, formData }) => {
    const back = safeReturnPath(formData.get('kembali')) ?? '/dasbor'
    if (formData.get('setuju') !== 'ya') redirect(`${PRIVACY_ACCEPT_PATH}?kembali=${encodeURIComponent(back)}&galat=centang`)
    await db.$transaction((tx) => recordPrivacyAcceptance(tx, user.id))
    redirect(back)
  },
})
