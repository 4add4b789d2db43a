/** The two quizzes, as they appear in URLs and in the database. */
export const QUIZ_KINDS = { awal: 'pretest', akhir: 'posttest' } as const
export type QuizSlug = keyof typeof QUIZ_KINDS
export type QuizKind = (typeof QUIZ_KINDS)[QuizSlug]

export const QUIZ_TITLES: Record<QuizKind, string> = { pretest: 'Uji awal', posttest: 'Uji akhir' }

export function quizSlugOf(kind: QuizKind): QuizSlug {
  return kind === 'pretest' ? 'awal' : 'akhir'
}

/** Seconds of grace after an attempt's deadline, for an answer already on its way. */
export const SUBMIT_GRACE_MS = 2 * 60 * 1000
