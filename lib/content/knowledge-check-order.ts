/**
 * The order in which a knowledge check's options are shown (issue 12): shuffled per learner,
 * so position and habit ("it is usually b") give nothing away, yet stable for that learner
 * across reloads and devices. Answers stay stored by option id; only the display order changes.
 * Plain functions, safe in the browser (no zod, no server code).
 */
import { createRng, shuffled } from '@/lib/quiz/rng'

/** localStorage key of the random seed of a reader who is not signed in (the sample lesson). */
export const DEVICE_SEED_KEY = 'bbs-urutan-pilihan'

/** Whose order it is: a signed-in learner (their user id) or this device (a random value). */
export type OrderSeed = `pengguna:${string}` | `perangkat:${string}`

/**
 * The options of one question in the order for `seed`: a permutation, the same for the same
 * seed, lesson and question, and different between learners.
 */
export function orderOptions<T extends { readonly id: string }>(options: readonly T[], seed: OrderSeed, lesson: string, questionId: string): T[] {
  return shuffled(createRng(`${seed}|${lesson}|${questionId}`), options)
}

export type SeedInputs = {
  /** Rendered in the browser and the persisted store read (false on the server's render). */
  readonly hydrated: boolean
  /** The session hint cookie: true signed in (as far as the browser knows), false not, null unknown. */
  readonly hint: boolean | null
  /** What the progress API said, once it answered. */
  readonly readerStatus: 'signed-in' | 'anonymous' | null
  /** The user the progress API named (the learning store's owner). */
  readonly owner: string | null
  /** This device's random seed (localStorage), null until read. */
  readonly deviceSeed: string | null
  /** The progress API has not answered for a long time (offline): use this device's seed. */
  readonly gaveUpWaiting: boolean
}

/**
 * Which seed orders the options, or null while it is not known yet (the options are then not
 * shown, so they never jump to another order under the learner's pointer). A signed-in
 * learner's order waits for the progress API to confirm who they are, so a previous user's
 * state on a shared computer does not decide it.
 */
export function chooseOrderSeed(input: SeedInputs): OrderSeed | null {
  if (!input.hydrated || input.hint === null) return null
  const device = input.deviceSeed === null ? null : (`perangkat:${input.deviceSeed}` as const)
  if (input.hint === false || input.readerStatus === 'anonymous') return device
  if (input.readerStatus === 'signed-in' && input.owner) return `pengguna:${input.owner}`
  return input.gaveUpWaiting ? device : null
}

/** A new random device seed (hex; crypto.getRandomValues also works outside secure contexts). */
export function newDeviceSeed(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
