'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { startAttempt } from '@/lib/assessment/attempts.server'
import { itemReportSchema } from '@/lib/assessment/item-report-input'
import { reportItem } from '@/lib/assessment/item-reports.server'
import { QUIZ_KINDS, type QuizSlug } from '@/lib/assessment/quiz-kinds'
import { action, type FormState } from '@/lib/http/handler.server'

export type StartQuizState = FormState

const UNKNOWN_KIND = 'Jenis uji tidak dikenal.'
const startSchema = z.object({ kind: z.enum(Object.keys(QUIZ_KINDS) as [QuizSlug, ...QuizSlug[]], { error: UNKNOWN_KIND }) })

/** The quiz page a signed-out caller comes back to (only a known quiz's). */
function quizPage(formData: FormData): string {
  const slug = formData.get('kind')
  return typeof slug === 'string' && Object.hasOwn(QUIZ_KINDS, slug) ? `/uji/${slug}` : '/dasbor'
}

export const startQuizAction = action({
  access: 'learner',
  returnTo: quizPage,
  input: startSchema,
  run: async ({ user, input }): Promise<StartQuizState> => {
    const attemptId = await startAttempt(user, QUIZ_KINDS[input.kind])
    redirect(`/uji/percobaan/${attemptId}`)
  },
})

export type ReportItemState = FormState

/** "Laporkan soal ini" on the result page (decision 035): lib/assessment checks ownership, the limit and the item. */
export const reportItemAction = action({
  access: 'learner',
  returnTo: (formData) => {
    const attemptId = formData.get('attemptId')
    return typeof attemptId === 'string' && /^[\w-]{1,100}$/.test(attemptId) ? `/uji/hasil/${attemptId}` : '/dasbor'
  },
  input: itemReportSchema,
  fields: ['reason', 'suggestedOptionId'],
  run: async ({ user, input }): Promise<ReportItemState> => {
    await reportItem(user, input)
    revalidatePath(`/uji/hasil/${input.attemptId}`)
    return { done: 'Laporan terkirim. Terima kasih; admin akan meninjau soal ini dan hasilnya tampil di halaman ini.' }
  },
})
