/**
 * Learner latency while HR imports a roster (issue 13: imports must not freeze the app on
 * SQLite). Learner requests are sent open-loop at a fixed rate (a stalled server does not slow
 * the sender down, so a stall shows up as latency, as it would for real learners), first for a
 * baseline without an import, then while one import request runs. Used by
 * scripts/bench-import-load.ts; exported for bench:hr to fold the during-import figure in.
 */

export type LearnerRequest = { path: string; body: string; cookie: string }

type BenchDb = typeof import('../../lib/db/db.server').db

/**
 * Signed-in learners of the agency with open post-test attempts, enrolled in `cohortId` (or a new
 * cohort), and the learner requests they send: a lesson-progress save and a quiz submission in
 * turn, learners interleaved. Call after prepareBenchDatabase (it imports app modules).
 */
export async function prepareLearners(
  db: BenchDb,
  agencyId: string,
  sessionCookie: (email: string, password: string) => Promise<string>,
  options: { learners?: number; attemptsPerLearner?: number; cohortId?: string } = {},
): Promise<() => LearnerRequest> {
  const { seedUser } = await import('../../prisma/seed/seeders')
  const { getQuestionBank } = await import('../../lib/assessment/bank.server')
  const { getLessonOutline } = await import('../../lib/content/lessons.server')
  const { draw, POST_TEST_BLUEPRINT } = await import('../../lib/quiz')
  const cohortId = options.cohortId ?? (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Bench' } })).id
  const { bank } = getQuestionBank()
  const slugs = getLessonOutline().map((lesson) => lesson.slug)
  const submissions: LearnerRequest[] = []
  const saves: LearnerRequest[] = []
  for (let i = 0; i < (options.learners ?? 30); i++) {
    const email = `belajar-${i}@contoh.go.id`
    const user = await seedUser(db, { name: `Pembelajar ${i}`, email, password: 'Bench-password-1', agencyId })
    const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
    const cookie = await sessionCookie(email, 'Bench-password-1')
    const rows = []
    for (let j = 0; j < (options.attemptsPerLearner ?? 60); j++) {
      const id = `load-${i}-${j}`
      const attempt = draw(bank, POST_TEST_BLUEPRINT, id)
      rows.push({ id, userId: user.id, enrolmentId: enrolment.id, kind: 'posttest' as const, contentVersion: 'bench', seed: id, items: JSON.stringify(attempt), expiresAt: new Date(Date.now() + 3_600_000) })
      const responses = Object.fromEntries(
        attempt.items.map((item) => [
          item.itemId,
          item.type === 'judge' ? { verdict: 'tidak', reasonId: item.reasonOrder[0] } : item.type === 'multi' ? { optionIds: [item.optionOrder[0]] } : { optionId: item.optionOrder[0] },
        ]),
      )
      submissions.push({ path: `/api/attempts/${id}/submit`, cookie, body: JSON.stringify({ responses }) })
    }
    await db.quizAttempt.createMany({ data: rows })
    for (const slug of slugs) {
      saves.push({ path: `/api/progress/${slug}`, cookie, body: JSON.stringify({ state: { checklists: {}, answers: {}, verdicts: {}, position: null, reachedEnd: false } }) })
    }
  }
  // Interleave learners; alternate a progress save and a quiz submission.
  submissions.sort((a, b) => a.path.split('-').at(-1)!.localeCompare(b.path.split('-').at(-1)!, undefined, { numeric: true }))
  let sent = 0
  return () => {
    const n = sent++
    if (n % 2 === 1 && n >> 1 < submissions.length) return submissions[n >> 1]!
    return saves[n % saves.length]!
  }
}

/**
 * HR previews then imports `file` through the real routes while learners send requests (as
 * measureLearnersDuringImport); throws if the preview or the import is refused.
 */
export async function importDuringLearnerLoad(options: {
  base: string
  hrCookie: string
  file: Buffer
  nextRequest: () => LearnerRequest
  ratePerSecond: number
  baselineMs?: number
}): Promise<ImportLoadResult & { previewMs: number; previewCounts: unknown }> {
  const hrRequest = (path: string) =>
    fetch(`${options.base}${path}`, {
      method: 'POST',
      headers: { cookie: options.hrCookie, origin: options.base, 'content-type': 'text/csv', 'x-file-name': 'daftar.csv' },
      body: new Uint8Array(options.file),
    })
  const start = performance.now()
  const preview = await hrRequest('/api/hr/roster/preview')
  const previewBody = (await preview.json()) as { counts?: unknown }
  if (!preview.ok) throw new Error(`preview: HTTP ${preview.status} ${JSON.stringify(previewBody)}`)
  const previewMs = Math.round(performance.now() - start)
  const result = await measureLearnersDuringImport({
    base: options.base,
    nextRequest: options.nextRequest,
    ratePerSecond: options.ratePerSecond,
    baselineMs: options.baselineMs ?? 5000,
    warmUp: 20,
    runImport: () => hrRequest('/api/hr/roster/import'),
  })
  if (result.importStatus !== 200) throw new Error(`import: HTTP ${result.importStatus} ${result.importBody}`)
  return { ...result, previewMs, previewCounts: previewBody.counts }
}

export type LatencySummary = { requests: number; p50Ms: number; p99Ms: number; maxMs: number; errors: number; statuses: Record<string, number> }

export type ImportLoadResult = {
  baseline: LatencySummary
  duringImport: LatencySummary
  importMs: number
  importStatus: number
  importBody: string
  /** From the import response's Server-Timing header (name → ms), empty when it sends none. */
  phases: Record<string, number>
  /**
   * The learner requests started during each phase of the import (the phases laid end to end
   * from the import's start, in the header's order): where the slow ones fall.
   */
  byPhase: Record<string, LatencySummary>
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10
}

type Sample = { startedAt: number; ms: number; ok: boolean; status: string }

function summarise(samples: readonly Sample[]): LatencySummary {
  const ms = samples.map((s) => s.ms)
  return {
    requests: samples.length,
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    maxMs: Math.round(Math.max(0, ...ms)),
    errors: samples.filter((s) => !s.ok).length,
    statuses: samples.reduce<Record<string, number>>((counts, s) => ({ ...counts, [s.status]: (counts[s.status] ?? 0) + 1 }), {}),
  }
}

/** `Server-Timing: stage;dur=12.5, publish;dur=80` → { stage: 13, publish: 80 } */
export function parseServerTiming(header: string | null): Record<string, number> {
  const phases: Record<string, number> = {}
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';')
    const dur = params.map((p) => /^dur=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean)
    if (name && dur) phases[name] = Math.round(Number(dur))
  }
  return phases
}

export async function measureLearnersDuringImport(options: {
  base: string
  /** The next learner request to send (called once per request). */
  nextRequest: () => LearnerRequest
  /** Learner requests started per second. */
  ratePerSecond: number
  /** How long to measure without an import first. */
  baselineMs: number
  /** Requests sent one by one, unmeasured, before the baseline (loads the routes' code). */
  warmUp?: number
  /** Sends the import; resolves with its response (body not yet read). */
  runImport: () => Promise<Response>
}): Promise<ImportLoadResult> {
  for (let i = 0; i < (options.warmUp ?? 0); i++) {
    const request = options.nextRequest()
    const response = await fetch(`${options.base}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: request.cookie, origin: options.base },
      body: request.body,
    })
    await response.arrayBuffer()
  }
  const samples: Sample[] = []
  const inFlight = new Set<Promise<void>>()
  const send = () => {
    const request = options.nextRequest()
    const startedAt = performance.now()
    const done = fetch(`${options.base}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: request.cookie, origin: options.base },
      body: request.body,
    })
      .then(async (response) => {
        await response.arrayBuffer()
        samples.push({ startedAt, ms: performance.now() - startedAt, ok: response.ok, status: String(response.status) })
      })
      .catch((error: unknown) => {
        samples.push({ startedAt, ms: performance.now() - startedAt, ok: false, status: error instanceof Error ? error.name : 'error' })
      })
      .finally(() => inFlight.delete(done))
    inFlight.add(done)
  }
  const timer = setInterval(send, 1000 / options.ratePerSecond)
  await new Promise((resolve) => setTimeout(resolve, options.baselineMs))
  const importStart = performance.now()
  let importStatus = 0
  let importBody = ''
  let phases: Record<string, number> = {}
  try {
    const response = await options.runImport()
    importBody = await response.text()
    importStatus = response.status
    phases = parseServerTiming(response.headers.get('server-timing'))
  } finally {
    clearInterval(timer)
  }
  const importEnd = performance.now()
  await Promise.all(inFlight)
  const during = samples.filter((s) => s.startedAt >= importStart && s.startedAt < importEnd)
  const byPhase: Record<string, LatencySummary> = {}
  let phaseStart = importStart
  for (const [name, ms] of Object.entries(phases)) {
    const phaseEnd = phaseStart + ms
    byPhase[name] = summarise(during.filter((s) => s.startedAt >= phaseStart && s.startedAt < phaseEnd))
    phaseStart = phaseEnd
  }
  return {
    baseline: summarise(samples.filter((s) => s.startedAt < importStart)),
    duringImport: summarise(during),
    importMs: Math.round(importEnd - importStart),
    importStatus,
    importBody,
    phases,
    byPhase,
  }
}

/** `read: 120 requests, p99 80 ms, max 95 ms; stage: …` for a result's byPhase. */
export function formatByPhase(byPhase: Record<string, LatencySummary>): string {
  return Object.entries(byPhase)
    .map(([name, s]) => `${name}: ${s.requests} requests, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms, ${s.errors} errors`)
    .join('; ')
}
