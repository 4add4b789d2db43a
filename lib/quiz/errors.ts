/**
 * Typed errors of the quiz domain, so callers can map them to responses:
 * - `BankError`: the bank itself is inconsistent (duplicate ids, unknown rule) — a content bug.
 * - `DrawError`: the blueprint cannot be met by the bank (too small, area without items).
 * - `AttemptError`: a stored attempt does not fit the bank (item removed, options changed) —
 *   a server-side problem (5xx / start a new attempt).
 * - `ResponseError`: the submitted responses name items not in the attempt or use fields of
 *   another item type — the client's fault (4xx).
 */

export class BankError extends Error {
  override readonly name = 'BankError'
}

export class DrawError extends Error {
  override readonly name = 'DrawError'
}

export class AttemptError extends Error {
  override readonly name = 'AttemptError'
  constructor(
    message: string,
    readonly itemId: string | null = null,
  ) {
    super(message)
  }
}

export class ResponseError extends Error {
  override readonly name = 'ResponseError'
  /** Response keys that are not items of the attempt. */
  readonly unknownItemIds: readonly string[]
  /** Items whose response uses fields of another item type. */
  readonly mismatchedItemIds: readonly string[]

  constructor(unknownItemIds: readonly string[], mismatchedItemIds: readonly string[]) {
    const parts: string[] = []
    if (unknownItemIds.length > 0) {
      parts.push(`responses for items not in the attempt: ${unknownItemIds.join(', ')}`)
    }
    if (mismatchedItemIds.length > 0) {
      parts.push(`responses with fields of another item type: ${mismatchedItemIds.join(', ')}`)
    }
    super(parts.join('; ') || 'invalid responses')
    this.unknownItemIds = unknownItemIds
    this.mismatchedItemIds = mismatchedItemIds
  }
}
