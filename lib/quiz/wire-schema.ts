/**
 * zod schemas for data crossing a trust boundary:
 * - `attemptSchema`: an attempt read back from the database (JSON column).
 * - `responsesSchema`: the responses a browser submits. Bounded sizes; item keys must be
 *   kebab-case ids (so "__proto__" and friends are rejected before scoring).
 * Both parse into the domain types (`Attempt`, `Responses`).
 */
import { z } from 'zod'
import { ID_PATTERN } from './bank-schema'
import type { Attempt, Responses } from './types'

const MAX_ITEMS = 200
const MAX_CHOICES = 20
const id = z.string().max(120).regex(ID_PATTERN)

export const drawnItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ itemId: id, type: z.enum(['single', 'multi']), optionOrder: z.array(id).max(MAX_CHOICES) }),
  z.strictObject({ itemId: id, type: z.literal('judge'), reasonOrder: z.array(id).max(MAX_CHOICES) }),
])

export const attemptSchema = z.strictObject({
  version: z.literal(1),
  seed: z.string().max(200),
  items: z.array(drawnItemSchema).max(MAX_ITEMS),
})

/** Response values are loosely typed strings here; unknown ids are the scorer's business. */
const choiceId = z.string().max(120)

export const itemResponseSchema = z.union([
  z.strictObject({ optionId: choiceId.nullable().optional() }),
  z.strictObject({ optionIds: z.array(choiceId).max(MAX_CHOICES) }),
  z.strictObject({ verdict: z.enum(['ya', 'tidak']).nullable().optional(), reasonId: choiceId.nullable().optional() }),
])

/** Keys are checked on the raw input first: JSON.parse makes "__proto__" an own key. */
export const responsesSchema = z
  .custom<Record<string, unknown>>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.keys(v).length <= MAX_ITEMS &&
      Object.keys(v).every((k) => ID_PATTERN.test(k)),
    `responses must be an object keyed by item id (at most ${MAX_ITEMS})`,
  )
  .pipe(z.record(id, itemResponseSchema))

// Compile-time guarantees that the parsed shapes are the domain types.
export type ParsedAttempt = z.output<typeof attemptSchema>
export type ParsedResponses = z.output<typeof responsesSchema>
const _attemptFits = (a: ParsedAttempt): Attempt => a
const _responsesFit = (r: ParsedResponses): Responses => r
void _attemptFits
void _responsesFit
