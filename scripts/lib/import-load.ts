/**
 * Learner latency while HR imports a roster (issue 13: imports must not freeze the app on
 * SQLite). Learner requests are sent open-loop at a fixed rate (a stalled server does not slow
 * the sender down, so a stall shows up as latency, as it would for real learners), first for a
 * baseline without an import, then while one import request runs. Used by
 * scripts/bench-import-load.ts; exported for bench:hr to fold the during-import figure in.
 */

export type LearnerRequest = { path: string; body: string; cookie: string }

export type LatencySummary = { requests: number; p50Ms: number; p99Ms: number; maxMs: number; errors: number; statuses: Record<string, number> }

export type ImportLoadResult = {
  baseline: LatencySummary
  duringImport: LatencySummary
  importMs: number
  importStatus: number
  importBody: string
  /** From the import response's Server-Timing header (name → ms), empty when it sends none. */
  phases: Record<string, number>
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
  return {
    baseline: summarise(samples.filter((s) => s.startedAt < importStart)),
    duringImport: summarise(samples.filter((s) => s.startedAt >= importStart && s.startedAt < importEnd)),
    importMs: Math.round(importEnd - importStart),
    importStatus,
    importBody,
    phases,
  }
}
