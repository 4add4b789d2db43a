import type { LimitPolicy } from './limiter'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Every limit of the public forms in one place (docs/security/abuse.md explains each). Per-address
 * limits are generous because a whole office often shares one public address (NAT); per-account
 * and per-device limits are where guessing is stopped.
 */
export const POLICIES = {
  /** Sign-in attempts from one address, any account. */
  signInAddress: { kind: 'window', limit: 200, windowMs: 15 * MINUTE },
  /** Failed sign-ins from one address over all accounts (password spraying); successes are given back. */
  signInAddressFailures: { kind: 'window', limit: 30, windowMs: 15 * MINUTE },
  /** Failures for one account from browsers it has not signed in from: 5 free, then 1, 2, 4, 8, 16, 30 minutes. */
  signInAccount: { kind: 'growing', free: 5, baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE, windowMs: 24 * HOUR },
  /** Failures from one trusted browser (device cookie) for its account: the same delays, for that browser only. */
  signInDevice: { kind: 'growing', free: 5, baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE, windowMs: 24 * HOUR },
  /** Valid registration forms from one address (an office registering its staff shares one). */
  registerAddress: { kind: 'window', limit: 50, windowMs: HOUR },
  /** Activation and reset-code attempts from one address. */
  codeAddress: { kind: 'window', limit: 30, windowMs: 15 * MINUTE },
  /** Wrong activation or reset codes for one NIP: 5 free, then growing delays. */
  codeAccount: { kind: 'growing', free: 5, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 24 * HOUR },
  /** Wrong current passwords when changing one's password (an unattended signed-in browser). */
  passwordChange: { kind: 'growing', free: 5, baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE, windowMs: 24 * HOUR },
  /** "Lupa kata sandi" requests from one address (an office shares one). */
  resetLinkAddress: { kind: 'window', limit: 30, windowMs: 15 * MINUTE },
  /** "Lupa kata sandi" requests for one typed address, whether or not it has an account. */
  resetLinkEmail: { kind: 'window', limit: 5, windowMs: HOUR },
  /** "Kirim tautan verifikasi" for one's own address: a lost email or two, never a mail bomb. */
  verifyEmailRequest: { kind: 'window', limit: 5, windowMs: HOUR },
  /** "Laporkan soal ini" reports from one learner (decision 035): a few honest ones, never a flood. */
  itemReportLearner: { kind: 'window', limit: 5, windowMs: HOUR },
  /** Name-correction requests from one person ("Data saya", decision 043): a few honest ones a day. */
  nameCorrectionPerson: { kind: 'window', limit: 3, windowMs: 24 * HOUR },
  /** Certificate checks on /verify from one address. */
  verifyAddress: { kind: 'window', limit: 30, windowMs: MINUTE },
} as const satisfies Record<string, LimitPolicy>

export type PolicyName = keyof typeof POLICIES
