/**
 * The pure parts of the crash soak (scripts/soak-crash.ts): what a progress save sends, what the
 * stored lesson state must say after a client's saves, and whether certificate numbers run
 * without gaps or duplicates. Unit-tested in crash-soak.test.ts.
 */
import { emptyStoredState, mergeLessonState, type LessonStateInput } from '../../lib/progress/lesson-progress'

/** One progress save a client sent for one (learner, lesson), in the order the client sent them. */
export type SentSave = {
  /** The client's own counter: every save of a client is different. */
  seq: number
  /** Whether the server answered 2xx. A save without an answer may or may not be stored. */
  acknowledged: boolean
}

const VERDICT_KEYS = 12
const CHECKLIST_KEYS = 8

/**
 * What save `seq` sends: a new position, one of 12 verdicts and one of 8 checklists (so the
 * stored state stays within the request's bounds, lib/progress/lesson-progress.ts), each with a
 * value only this save writes.
 */
export function soakLessonState(seq: number): LessonStateInput {
  return {
    checklists: { [`c${seq % CHECKLIST_KEYS}`]: [`i${seq}`] },
    answers: {},
    verdicts: { [`v${seq % VERDICT_KEYS}`]: seq % 2 ? 'ya' : 'tidak' },
    position: `bagian-soak-${seq}`,
    reachedEnd: false,
  }
}

type Field = { key: string; value: string }

function fieldsOf(seq: number): Field[] {
  const state = soakLessonState(seq)
  return [
    { key: 'position', value: state.position ?? '' },
    ...Object.entries(state.verdicts).map(([key, value]) => ({ key: `verdict:${key}`, value })),
    ...Object.entries(state.checklists).map(([key, value]) => ({ key: `checklist:${key}`, value: JSON.stringify(value) })),
  ]
}

function storedField(state: LessonStateInput, key: string): string | undefined {
  if (key === 'position') return state.position ?? undefined
  const [kind, name] = key.split(':') as [string, string]
  if (kind === 'verdict') return state.verdicts[name]
  const ticks = state.checklists[name]
  return ticks ? JSON.stringify(ticks) : undefined
}

/**
 * The acknowledged saves whose effect the stored state (null: no row) does not show. Saves are
 * state, not a log: save k is found when every field it wrote holds its value or the value of a
 * later save that wrote the same field, acknowledged or not (an unanswered save may have been
 * stored). A field holding an older value, or no row at all, means k was rolled back: lost. (A
 * save a later save overwrote cannot be told apart from one that was lost before it; the last
 * save of each field is the one that counts.)
 */
export function lostSaves(saves: readonly SentSave[], stored: LessonStateInput | null): SentSave[] {
  const lost: SentSave[] = []
  saves.forEach((save, index) => {
    if (!save.acknowledged) return
    if (!stored) return void lost.push(save)
    const missing = fieldsOf(save.seq).some((field) => {
      // The values this field may hold: k's own or a later save's (an older one: rolled back).
      const allowed = new Set(
        saves.slice(index).flatMap((later) => fieldsOf(later.seq).filter((f) => f.key === field.key).map((f) => f.value)),
      )
      const value = storedField(stored, field.key)
      return value === undefined || !allowed.has(value)
    })
    if (missing) lost.push(save)
  })
  return lost
}

/** The state the acknowledged saves add up to (what the row holds when nothing else was stored). */
export function expectedLessonState(saves: readonly SentSave[]): LessonStateInput {
  return saves.filter((save) => save.acknowledged).reduce((state, save) => mergeLessonState(state, soakLessonState(save.seq)), emptyStoredState())
}

/**
 * Problems with the certificate numbers: per year the sequences must be exactly 1..n (no gap, no
 * duplicate), each number formatted from its year and sequence, and the year's counter at n.
 */
export function certificateNumberProblems(
  certificates: readonly { year: number; sequence: number; number: string }[],
  counters: readonly { year: number; last: number }[],
  format: (year: number, sequence: number) => string,
): string[] {
  const problems: string[] = []
  const byYear = new Map<number, number[]>()
  for (const certificate of certificates) {
    byYear.set(certificate.year, [...(byYear.get(certificate.year) ?? []), certificate.sequence])
    if (certificate.number !== format(certificate.year, certificate.sequence)) {
      problems.push(`number ${certificate.number} is not ${format(certificate.year, certificate.sequence)}`)
    }
  }
  for (const [year, sequences] of byYear) {
    const sorted = [...sequences].sort((a, b) => a - b)
    const duplicates = sorted.filter((value, i) => i > 0 && sorted[i - 1] === value)
    if (duplicates.length) problems.push(`${year}: duplicate sequences ${[...new Set(duplicates)].join(', ')}`)
    const present = new Set(sorted)
    const max = sorted.at(-1) ?? 0
    const gaps = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !present.has(n))
    if (gaps.length) problems.push(`${year}: gaps at ${gaps.slice(0, 10).join(', ')}${gaps.length > 10 ? ' …' : ''}`)
    const counter = counters.find((c) => c.year === year)
    if (!counter || counter.last !== max) problems.push(`${year}: counter at ${counter?.last ?? 'none'}, highest number ${max}`)
  }
  for (const counter of counters) {
    if (!byYear.has(counter.year) && counter.last !== 0) problems.push(`${counter.year}: counter at ${counter.last} with no certificate`)
  }
  return problems
}
