/**
 * How busy the machine is from outside a benchmark, measured before it starts: the share of
 * wall time in which some runnable task waited for a CPU (Linux pressure stall information,
 * `/proc/pressure/cpu`, the "some" line's `total` in microseconds), over a window in which the
 * benchmark itself runs nothing: other jobs on this machine. Other virtual machines on the same
 * host show as steal instead (startStealMeter below). Figures judged "on a quiet machine"
 * (docs/benchmarks.md, decisions.md) come with them, so a run can be told apart from a run at a
 * busy hour. Null where the kernel has no such information.
 */
import fs from 'node:fs'

function readText(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** The "some" line's cumulative stall time in microseconds, from the text of /proc/pressure/cpu. */
export function someStallTotalUs(pressure: string): number | null {
  const match = /^some\b.*\btotal=(\d+)/m.exec(pressure)
  return match ? Number(match[1]) : null
}

function readSomeStallTotalUs(): number | null {
  const pressure = readText('/proc/pressure/cpu')
  return pressure === null ? null : someStallTotalUs(pressure)
}

/** Percent of `windowMs` in which some task waited for a CPU (one decimal), or null. */
export async function idleCpuPressurePct(windowMs = 5_000): Promise<number | null> {
  const before = readSomeStallTotalUs()
  const start = performance.now()
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  const after = readSomeStallTotalUs()
  if (before === null || after === null) return null
  const elapsedUs = (performance.now() - start) * 1_000
  return Math.round(((after - before) / elapsedUs) * 1_000) / 10
}

/** Measures idleCpuPressurePct over 5 s and prints it, before a benchmark starts its server. */
export async function reportIdleCpuPressure(): Promise<number | null> {
  const pct = await idleCpuPressurePct()
  console.log(`CPU pressure from outside before the run: ${pct ?? 'unknown'} % (some task waiting for a CPU)`)
  return pct
}

/** The `cpu` line of /proc/stat: [steal ticks, all ticks], or null. */
export function stealAndTotalTicks(stat: string): [number, number] | null {
  const line = /^cpu\s+(.*)$/m.exec(stat)?.[1]
  if (!line) return null
  // user nice system idle iowait irq softirq steal (guest and guest_nice are inside user and nice)
  const ticks = line.trim().split(/\s+/).slice(0, 8).map(Number)
  if (ticks.length < 8 || ticks.some((n) => !Number.isFinite(n))) return null
  return [ticks[7]!, ticks.reduce((sum, n) => sum + n, 0)]
}

function readStealAndTotalTicks(): [number, number] | null {
  const stat = readText('/proc/stat')
  return stat === null ? null : stealAndTotalTicks(stat)
}

/**
 * Starts counting the CPU time the hypervisor gave to other machines while this one wanted it
 * ("steal" in /proc/stat); the returned function gives its share of all CPU time since, in
 * percent (one decimal), or null. Unlike the idle pressure above it shows contention only while
 * the benchmark runs: a virtual machine that wants nothing has nothing stolen.
 */
export function startStealMeter(): () => number | null {
  const before = readStealAndTotalTicks()
  return () => {
    const after = readStealAndTotalTicks()
    if (!before || !after || after[1] <= before[1]) return null
    return Math.round(((after[0] - before[0]) / (after[1] - before[1])) * 1_000) / 10
  }
}
