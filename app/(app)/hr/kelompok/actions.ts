'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { assignFormSchema, cancelAssignmentFormSchema, cohortFormSchema, cohortChoiceFormSchema, cohortRemindersFormSchema, selfEnrolCohortFormSchema } from '@/lib/hr/cohort-form'
import { cancelAssignment, startAssignment } from '@/lib/hr/assignment-jobs.server'
import { describeAssignmentCounts } from '@/lib/hr/assignment-summary'
import { createCohort, setCohortReminders, setSelfEnrolCohort } from '@/lib/hr/cohorts.server'
import { formatNumber } from '@/lib/format/indonesian'
import { invitationSummary } from '@/lib/accounts/invitation-summary'
import { sendCohortInvitations } from '@/lib/accounts/invitations.server'
import { sendCohortReminders } from '@/lib/mail/cohort-reminders.server'
import { action, type FormState } from '@/lib/http/handler.server'

export type CohortFormState = FormState

// The officer and their agency come from the session (the entry); lib/hr checks every cohort id
// against that agency. An AppError from lib/hr comes back as the form's error line, or under the
// field it belongs to (`errorField`).

export const createCohortAction = action({
  access: 'hr',
  returnTo: '/hr/kelompok',
  input: cohortFormSchema,
  errorField: 'name',
  run: async ({ user, input }): Promise<CohortFormState> => {
    const cohort = await createCohort(user, input)
    revalidatePath('/hr/kelompok')
    return { done: `Kelompok "${cohort.name}" dibuat. Sekarang tetapkan pesertanya.` }
  },
})

// HR and unit operators assign (an operator only people of their units, decision 037). A large
// assignment runs in the background (decision 049): the page then shows its progress.
export const assignAction = action({
  access: 'unit',
  returnTo: '/hr/kelompok',
  input: assignFormSchema,
  fields: ['cohortId'],
  run: async ({ user, input, values }): Promise<CohortFormState> => {
    const outcome = await startAssignment({ ...user, unitIds: user.scope.unitIds }, values.cohortId!, input)
    revalidatePath('/hr/kelompok')
    revalidatePath('/hr')
    if (outcome.state === 'running') {
      return {
        done: `Penetapan ${formatNumber(outcome.total)} orang berjalan di latar belakang. Kemajuannya tampil di bagian "Penetapan di latar belakang"; Anda boleh meninggalkan halaman ini.`,
      }
    }
    return { done: `Penetapan selesai: ${describeAssignmentCounts(outcome.result)}.` }
  },
})

/** "Hentikan" on a running assignment: what is done stays (decision 049). */
export const cancelAssignmentAction = action({
  access: 'unit',
  returnTo: '/hr/kelompok',
  input: cancelAssignmentFormSchema,
  run: async ({ user, input }): Promise<CohortFormState> => {
    const stopped = await cancelAssignment({ ...user, unitIds: user.scope.unitIds }, input.jobId)
    revalidatePath('/hr/kelompok')
    revalidatePath('/hr')
    return { done: `Penetapan ke "${stopped.cohortName}" dihentikan setelah ${formatNumber(stopped.processed)} dari ${formatNumber(stopped.total)} orang.` }
  },
})

export const selfEnrolCohortAction = action({
  access: 'hr',
  returnTo: '/hr/kelompok',
  input: selfEnrolCohortFormSchema,
  errorField: 'selfEnrolCohortId',
  run: async ({ user, input }): Promise<CohortFormState> => {
    const cohort = await setSelfEnrolCohort(user, input.selfEnrolCohortId)
    revalidatePath('/hr/kelompok')
    return {
      done: cohort ? `Pendaftar mandiri sekarang masuk kelompok "${cohort.name}".` : 'Pendaftar mandiri sekarang menunggu penetapan HR.',
    }
  },
})

/**
 * The dashboard's one-click assignment of everyone in no cohort. Redirects back to the dashboard
 * with the number assigned (the button's section disappears once nobody is left), or to the
 * cohort page's progress when it runs in the background (decision 049).
 */
export const assignUnassignedAction = action({
  access: 'unit',
  returnTo: '/hr',
  fields: ['cohortId'],
  run: async ({ user, values }): Promise<CohortFormState> => {
    const cohortId = values.cohortId!
    const outcome = await startAssignment({ ...user, unitIds: user.scope.unitIds }, cohortId, { target: 'tanpa-kelompok' })
    revalidatePath('/hr')
    revalidatePath('/hr/kelompok')
    if (outcome.state === 'running') redirect('/hr/kelompok#penetapan')
    redirect(`/hr?kelompok=${encodeURIComponent(cohortId)}&ditetapkan=${outcome.result.added}`)
  },
})

/** "Jeda pengingat" / "Lanjutkan pengingat" on a cohort's row (decision 036). */
export const cohortRemindersAction = action({
  access: 'hr',
  returnTo: '/hr/kelompok',
  input: cohortRemindersFormSchema,
  run: async ({ user, input }): Promise<CohortFormState> => {
    const cohort = await setCohortReminders(user, input.cohortId, input.pengingat === 'jeda')
    revalidatePath('/hr/kelompok')
    return {
      done: cohort.remindersPausedAt
        ? `Pengingat tenggat untuk "${cohort.name}" dijeda: tidak ada pengingat baru yang dikirim.`
        : `Pengingat tenggat untuk "${cohort.name}" berjalan lagi.`,
    }
  },
})

/** "Kirim undangan" for a cohort (decision 036). */
export const sendInvitationsAction = action({
  access: 'hr',
  returnTo: '/hr/kelompok',
  input: cohortChoiceFormSchema,
  errorField: 'cohortId',
  run: async ({ user, input }): Promise<CohortFormState> => {
    return { done: invitationSummary(await sendCohortInvitations(user, input.cohortId)) }
  },
})

/**
 * "Kirim pengingat" on the dashboard: HR for the whole cohort, a unit operator for their units'
 * people in it (decision 037). At most one reminder per person a day, whoever sends it.
 */
export const sendRemindersAction = action({
  access: 'unit',
  returnTo: '/hr',
  input: cohortChoiceFormSchema,
  errorField: 'cohortId',
  run: async ({ user, input }): Promise<CohortFormState> => {
    const result = await sendCohortReminders({ ...user, unitIds: user.scope.unitIds }, input.cohortId)
    const parts = [`${result.queued} pengingat masuk antrean kirim`]
    if (result.already) parts.push(`${result.already} orang sudah menerima pengingat hari ini (tidak dikirim ulang)`)
    if (result.unreachable) parts.push(`${result.unreachable} tanpa alamat email yang valid`)
    return { done: `Pengingat: ${parts.join('; ')}.` }
  },
})
