/**
 * Micro-benchmark of the quiz domain: draw() and score() of a 15-item post-test from a
 * synthetic 60-item bank (6 areas × 10 items, all three item types).
 *
 *   npx tsx scripts/bench-quiz-scoring.ts [iterations]
 *
 * Prints readable lines, then (last line) one JSON object with the medians in microseconds.
 */
import { draw, POST_TEST_BLUEPRINT, score, toPublicItems } from '../lib/quiz/index'
import type { Attempt, Bank, ItemResponse, Responses } from '../lib/quiz/index'
import { syntheticBank } from '../lib/quiz/test-fixtures'

const iterations = Number(process.argv[2] ?? 20_000)
const warmup = 2_000

const bank: Bank = syntheticBank([10, 10, 10, 10, 10, 10])

/** A deterministic mix of right, partly right, wrong and missing answers. */
function responsesFor(attempt: Attempt, i: number): Responses {
  const out: Record<string, ItemResponse> = {}
  attempt.items.forEach((drawn, k) => {
    const item = bank.itemById.get(drawn.itemId)
    if (!item || (i + k) % 7 === 0) return // some unanswered
    const pickFirst = (i + k) % 3 === 0
    if (item.type === 'single') {
      out[item.id] = { optionId: pickFirst ? (drawn.type === 'judge' ? null : drawn.optionOrder[0] ?? null) : item.options.find((o) => o.credit === 1)?.id ?? null }
    } else if (item.type === 'multi') {
      out[item.id] = { optionIds: pickFirst ? item.options.map((o) => o.id) : item.options.filter((o) => o.correct).map((o) => o.id) }
    } else {
      out[item.id] = { verdict: pickFirst ? 'ya' : item.verdict, reasonId: item.reasons.find((r) => r.correct)?.id ?? null }
    }
  })
  return out
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] ?? 0
  const b = sorted[hi] ?? a
  return a + (b - a) * (pos - lo)
}

function summary(name: string, samplesMs: number[]): { median: number; p95: number } {
  const us = samplesMs.map((ms) => ms * 1000).sort((a, b) => a - b)
  const median = quantile(us, 0.5)
  const p95 = quantile(us, 0.95)
  const mean = us.reduce((s, x) => s + x, 0) / (us.length || 1)
  console.log(
    `${name.padEnd(12)} median ${median.toFixed(1).padStart(7)} µs   p95 ${p95.toFixed(1).padStart(7)} µs   mean ${mean.toFixed(1).padStart(7)} µs`,
  )
  return { median, p95 }
}

let sink = 0
function run(n: number, record: boolean) {
  const drawMs: number[] = []
  const scoreMs: number[] = []
  const bothMs: number[] = []
  const publicMs: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const attempt = draw(bank, POST_TEST_BLUEPRINT, `learner-${i}/post-test`)
    const t1 = performance.now()
    const view = toPublicItems(bank, attempt)
    const t2 = performance.now()
    const responses = responsesFor(attempt, i)
    const t3 = performance.now()
    const result = score(bank, attempt, responses, { passMark: 80 })
    const t4 = performance.now()
    sink += result.total + view.length
    if (record) {
      drawMs.push(t1 - t0)
      publicMs.push(t2 - t1)
      scoreMs.push(t4 - t3)
      bothMs.push(t1 - t0 + (t4 - t3))
    }
  }
  return { drawMs, scoreMs, bothMs, publicMs }
}

console.log(`quiz bench: bank ${bank.items.length} items, attempt ${POST_TEST_BLUEPRINT.size} items, ${warmup} warm-up + ${iterations} timed iterations (node ${process.version})`)
run(warmup, false)
const { drawMs, scoreMs, bothMs, publicMs } = run(iterations, true)
const d = summary('draw', drawMs)
const p = summary('public view', publicMs)
const s = summary('score', scoreMs)
const ds = summary('draw+score', bothMs)
console.log(`throughput   ~${Math.round(1e6 / ds.median).toLocaleString('en')} draw+score per second on one core (checksum ${sink.toFixed(1)})`)
console.log(
  JSON.stringify({
    iterations,
    bankItems: bank.items.length,
    attemptItems: POST_TEST_BLUEPRINT.size,
    drawMedianUs: round(d.median),
    drawP95Us: round(d.p95),
    publicViewMedianUs: round(p.median),
    scoreMedianUs: round(s.median),
    scoreP95Us: round(s.p95),
    drawScoreMedianUs: round(ds.median),
    drawScoreP95Us: round(ds.p95),
  }),
)

function round(x: number): number {
  return Math.round(x * 10) / 10
}
