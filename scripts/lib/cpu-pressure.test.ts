import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { idleCpuPressurePct, someStallTotalUs, stealAndTotalTicks } from './cpu-pressure'

describe('CPU pressure before a benchmark', () => {
  it('reads the "some" line, not the "full" one', () => {
    const text = 'some avg10=15.79 avg60=18.81 avg300=18.36 total=18880713160\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=42\n'
    expect(someStallTotalUs(text)).toBe(18_880_713_160)
    expect(someStallTotalUs('full avg10=0.00 avg60=0.00 avg300=0.00 total=42\n')).toBeNull()
    expect(someStallTotalUs('')).toBeNull()
  })

  it('gives a share of the window between 0 and 100 % where the kernel reports pressure', async () => {
    let reported = false
    try {
      reported = someStallTotalUs(fs.readFileSync('/proc/pressure/cpu', 'utf8')) !== null
    } catch {
      // no pressure information on this kernel: null expected
    }
    const pct = await idleCpuPressurePct(200)
    expect(pct === null).toBe(!reported)
    expect(pct ?? 0).toBeGreaterThanOrEqual(0)
    expect(pct ?? 0).toBeLessThanOrEqual(100)
  })

  it('reads the steal ticks and the total from the cpu line of /proc/stat', () => {
    const stat = 'cpu  6824049 142293 1551575 6993035 169583 0 25166 98737 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n'
    expect(stealAndTotalTicks(stat)).toEqual([98_737, 6_824_049 + 142_293 + 1_551_575 + 6_993_035 + 169_583 + 0 + 25_166 + 98_737])
    expect(stealAndTotalTicks('cpu0 1 2 3 4 5 6 7 8 0 0\n')).toBeNull()
    expect(stealAndTotalTicks('cpu  1 2 3\n')).toBeNull()
  })
})
