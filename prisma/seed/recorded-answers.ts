/**
 * Simulated recorded answers, so the admin's "Bank soal" page (item statistics) has figures in
 * the demo and the item-statistics benchmark has a realistic table to read. Each attempt is
 * answered by a simulated learner of some ability; every answer is scored by the real scorer
 * (lib/quiz/score.ts) and its response stored exactly as a submission stores it. Items are taken
 * in turn from the bank (attempt k asks items k·size … k·size + size − 1, wrapping), so every
 * item gets about the same number of answers. Deterministic for the same seed.
 */
import type { Db } from '../../lib/db/create-client'
import { createRng, type Rng } from '../../lib/quiz/rng'
import { score } from '../../lib/quiz/score'
import type { Attempt, Bank, BankItem, DrawnItem, ItemResponse } from '../../lib/quiz/types'

export type SimulatedAnswer = { itemId: string; response: string; credit: number }

const EASINESS = { 1: 0.88, 2: 0.68, 3: 0.45 } as const

/** The items of attempt `index`: consecutive bank items, wrapping. */
export function itemsOfAttempt(bank: Bank, index: number, size: number): BankItem[] {
  const n = bank.items.length
  const count = Math.min(size, n)
  return Array.from({ length: count }, (_, i) => bank.items[(index * count + i) % n]!)
}

/** One simulated attempt: its drawn form (as stored) and one scored answer per item. */
export function simulateAttempt(bank: Bank, index: number, size: number, rng: Rng): { attempt: Attempt; answers: SimulatedAnswer[] } {
  const items = itemsOfAttempt(bank, index, size)
  const ability = rng() // 0 weak … 1 strong
  const responses: Record<string, ItemResponse> = {}
  for (const item of items) {
    // Items of one label differ a little (a fixed offset per item), learners by ability.
    const offset = ((hash(item.id) % 21) - 10) / 100
    const p = Math.min(0.99, Math.max(0.03, EASINESS[item.difficulty] + offset + (ability - 0.5) * 0.7))
    responses[item.id] = simulatedResponse(item, p, rng)
  }
  const drawn: DrawnItem[] = items.map((item) =>
    item.type === 'judge' ? { itemId: item.id, type: 'judge', reasonOrder: item.reasons.map((r) => r.id) } : { itemId: item.id, type: item.type, optionOrder: item.options.map((o) => o.id) },
  )
  const attempt: Attempt = { version: 1, seed: `simulasi-${index}`, items: drawn }
  const result = score(bank, attempt, responses)
  return {
    attempt,
    answers: result.items.map((fb) => ({ itemId: fb.itemId, response: JSON.stringify(responses[fb.itemId] ?? {}), credit: fb.earned })),
  }
}

function simulatedResponse(item: BankItem, p: number, rng: Rng): ItemResponse {
  const pickOne = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!
  if (item.type === 'single') {
    if (rng() < p) return { optionId: item.options.find((o) => o.credit === 1)!.id }
    // A wrong pick leans to the first distractors: real distractors are not equally attractive.
    const others = item.options.filter((o) => o.credit < 1)
    return { optionId: others[Math.min(others.length - 1, Math.floor(rng() * rng() * others.length))]!.id }
  }
  if (item.type === 'multi') {
    const optionIds = item.options.filter((o) => (rng() < p ? o.correct : !o.correct)).map((o) => o.id)
    return { optionIds }
  }
  const verdictRight = rng() < p
  const reason = rng() < p ? item.reasons.find((r) => r.correct)! : pickOne(item.reasons.filter((r) => !r.correct))
  return { verdict: verdictRight ? item.verdict : item.verdict === 'ya' ? 'tidak' : 'ya', reasonId: reason.id }
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

/** A deterministic random source for `simulateAttempt`. */
export function simulationRng(seed: string): Rng {
  return createRng(seed)
}

/** The simulated learner the demo's recorded answers belong to: no agency, no login, no enrolment. */
export const SIMULATED_LEARNER = { id: 'demo-simulasi-statistik', name: 'Peserta simulasi (statistik soal)', email: 'simulasi.statistik@demo.invalid' }

/**
 * Records simulated, submitted post-test attempts so every bank item has about `answersPerItem`
 * answers. They belong to one simulated learner outside every agency and cohort, so no HR page,
 * report or certificate counts them; only the item statistics do. Does nothing if that learner
 * has attempts already (the demo seed may run again).
 */
export async function seedRecordedAnswers(db: Db, bank: Bank, options: { answersPerItem?: number; size?: number; seed?: string } = {}) {
  const size = options.size ?? 15
  const perItem = options.answersPerItem ?? 40
  await db.user.upsert({ where: { id: SIMULATED_LEARNER.id }, update: {}, create: { ...SIMULATED_LEARNER, emailVerified: false } })
  if ((await db.quizAttempt.count({ where: { userId: SIMULATED_LEARNER.id } })) > 0) return 0
  const rng = simulationRng(options.seed ?? 'demo-statistik')
  const attempts = Math.ceil((bank.items.length * perItem) / Math.min(size, bank.items.length))
  const at = new Date()
  let written = 0
  for (let start = 0; start < attempts; start += 100) {
    const batch = Array.from({ length: Math.min(100, attempts - start) }, (_, i) => {
      const index = start + i
      return { id: `${SIMULATED_LEARNER.id}-${index}`, ...simulateAttempt(bank, index, size, rng) }
    })
    await db.$transaction([
      db.quizAttempt.createMany({
        data: batch.map(({ id, attempt, answers }) => {
          const total = Math.round((answers.reduce((s, a) => s + a.credit, 0) / answers.length) * 1000) / 10
          return { id, userId: SIMULATED_LEARNER.id, kind: 'posttest' as const, contentVersion: 'simulasi', seed: attempt.seed, items: JSON.stringify(attempt), startedAt: at, expiresAt: at, submittedAt: at, score: total, passed: total >= 80 }
        }),
      }),
      db.quizAnswer.createMany({ data: batch.flatMap(({ id, answers }) => answers.map((a) => ({ attemptId: id, ...a }))) }),
    ])
    written += batch.reduce((s, b) => s + b.answers.length, 0)
  }
  return written
}
