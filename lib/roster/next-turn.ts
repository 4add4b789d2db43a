/**
 * Giving the event loop back while a roster is read, validated and classified (issue 13).
 *
 * A 50,000-row roster takes seconds of synchronous work to parse and validate, and the upload is
 * already in memory when it starts, so without a yield the whole read runs as one task: no other
 * request of the process (a learner saving progress or submitting a quiz) is served until it
 * ends. Every ROWS_PER_TURN rows the reader lets pending I/O (other requests) run first.
 */

/** Rows read, validated or classified between two yields: a few milliseconds of work. */
export const ROWS_PER_TURN = 250

/** Resolves after the event loop has run pending I/O callbacks (setImmediate, not a timer). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * `await turnAfter(i)` in a loop over rows: yields after every ROWS_PER_TURN-th row, and is a
 * no-op otherwise.
 */
export function turnAfter(index: number, every = ROWS_PER_TURN): Promise<void> | undefined {
  return index % every === every - 1 ? nextTurn() : undefined
}
