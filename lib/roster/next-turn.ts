/**
 * A roster import runs at background priority in the server process (issue 13).
 *
 * A 50,000-row roster takes seconds of synchronous work to parse, validate, classify, stage and
 * clean up, and on SQLite every statement blocks the process (the driver is synchronous). So the
 * import works in short steps (ROWS_PER_TURN rows, one statement) and after each one gives the
 * event loop back with `backgroundTurn`: pending requests (a learner saving progress or
 * submitting a quiz) run first, and while other requests keep the process busy the import waits
 * a little longer, so learners are not slowed down by more than one step at a time.
 */

/** Rows read, validated or classified between two yields: a few milliseconds of work. */
export const ROWS_PER_TURN = 250

/** Resolves after the event loop has run pending I/O callbacks (setImmediate, not a timer). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** A turn of the event loop that came back within this long had nothing else to do. */
const QUIET_TURN_MS = 1
/** The longest a background step waits for a quiet turn: the import still progresses under load. */
export const MAX_BACKGROUND_WAIT_MS = 100

/**
 * Yields to the event loop until a turn comes back quickly (nothing else was waiting), or for at
 * most `maxWaitMs`: other requests go first, and keep going first while they keep the process busy.
 */
export async function backgroundTurn(maxWaitMs = MAX_BACKGROUND_WAIT_MS): Promise<void> {
  const start = performance.now()
  for (;;) {
    const before = performance.now()
    await nextTurn()
    const after = performance.now()
    if (after - before < QUIET_TURN_MS || after - start >= maxWaitMs) return
  }
}

/**
 * `await turnAfter(i)` in a loop over rows: a background turn after every `every`-th row, nothing
 * otherwise.
 */
export function turnAfter(index: number, every = ROWS_PER_TURN): Promise<void> | undefined {
  return index % every === every - 1 ? backgroundTurn() : undefined
}

/** Elements sorted, or merged, between two background turns: a millisecond or two of work. */
const SORT_STEP = 2_500

/**
 * `items` sorted by `compare` (stable), in steps with a background turn between them:
 * `Array.prototype.sort` of a 50,000-row roster is one 30-140 ms block of the event loop. Runs of
 * SORT_STEP are sorted natively, then merged pairwise, SORT_STEP elements at a time.
 */
export async function sortInTurns<T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  let sorted: T[] = []
  for (let start = 0; start < items.length; start += SORT_STEP) {
    for (const item of items.slice(start, start + SORT_STEP).sort(compare)) sorted.push(item)
    await backgroundTurn()
  }
  for (let width = SORT_STEP; width < sorted.length; width *= 2) {
    const merged: T[] = []
    for (let left = 0; left < sorted.length; left += 2 * width) {
      const middle = Math.min(left + width, sorted.length)
      const end = Math.min(left + 2 * width, sorted.length)
      let i = left
      let j = middle
      while (i < middle || j < end) {
        merged.push(j >= end || (i < middle && compare(sorted[i]!, sorted[j]!) <= 0) ? sorted[i++]! : sorted[j++]!)
        if (merged.length % SORT_STEP === 0) await backgroundTurn()
      }
    }
    sorted = merged
  }
  return sorted
}
