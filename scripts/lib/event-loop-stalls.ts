/**
 * Watches the event loop for stalls: a timer that should fire every millisecond records each
 * gap longer than `thresholdMs` (when it began, how long it was, and how much CPU time the
 * process used in it). On SQLite every statement and every long synchronous step of a request
 * stalls the whole server process, so the longest stall is what a learner's request can wait
 * behind. On a loaded machine the wall time of a stall includes time the process waited for a
 * core; its CPU time is closer to what the stall costs on a quiet machine. Used by
 * bench:roster-import.
 */
export type Stall = { at: number; ms: number; cpuMs: number }

function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

export function watchEventLoop(thresholdMs = 20) {
  const stalls: Stall[] = []
  let last = performance.now()
  let lastCpu = cpuMs()
  let stopped = false
  const tick = () => {
    const now = performance.now()
    const cpu = cpuMs()
    const gap = now - last
    if (gap > thresholdMs) stalls.push({ at: last, ms: gap, cpuMs: cpu - lastCpu })
    last = now
    lastCpu = cpu
    if (!stopped) setTimeout(tick, 1)
  }
  setTimeout(tick, 1)
  return {
    /** Stalls whose middle falls within [from, to) (performance.now() times). */
    between: (from: number, to: number) => stalls.filter((s) => s.at + s.ms / 2 >= from && s.at + s.ms / 2 < to),
    all: () => stalls,
    stop: () => {
      stopped = true
    },
  }
}

/** `{ count, maxMs, maxCpuMs, totalMs }` of a list of stalls, rounded. */
export function summariseStalls(stalls: readonly Stall[]) {
  return {
    count: stalls.length,
    maxMs: Math.round(Math.max(0, ...stalls.map((s) => s.ms))),
    maxCpuMs: Math.round(Math.max(0, ...stalls.map((s) => s.cpuMs))),
    totalMs: Math.round(stalls.reduce((sum, s) => sum + s.ms, 0)),
  }
}
