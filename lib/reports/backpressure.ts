/** Small helpers for writers that push into a Node `Writable` and must not outrun it. */

import type { Writable } from 'node:stream'

/** Yields to the event loop (after I/O callbacks), so zlib and socket or file writes can run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * Resolves on the output's next `drain` or `close`, removing both listeners either way (unlike
 * racing two `events.once`, which leaves the loser's listeners behind on every wait).
 */
export function drainOrClose(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done)
      output.off('close', done)
      resolve()
    }
    output.on('drain', done)
    output.on('close', done)
  })
}
