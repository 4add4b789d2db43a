/**
 * The security suite's contract (issue 10): every attack is a function that really performs the
 * attack over HTTP against a running production build and resolves `{ refused: true }` only when
 * the app refused it as it must (checked in the response and, where it matters, the database).
 * Attacks live in `attacks/<area>.ts`, each exporting `attacks: Attack[]`.
 */
import type { Db } from '@/lib/db/create-client'

export type Provider = 'sqlite' | 'postgresql'

export type Person = { id: string; nip: string | null; email: string; password: string; agencyId: string | null }

export type AttackContext = {
  /** The server under attack, e.g. http://localhost:3300 (`next start` on a fresh database). */
  baseUrl: string
  provider: Provider
  /** Prisma client on the server's database (migrated, seeded with prisma/seed/demo.ts). */
  db: Db
  /** A learner made directly in the database (not through the form under test). */
  newLearner(
    label: string,
    options?: { agencyCode?: string; identityStatus?: 'claimed' | 'verified'; nip?: string },
  ): Promise<Person & { nip: string; agencyId: string }>
  /** An HR officer of an agency (default: the demo city, PEMKOT-DEMO; KEMEN-DEMO is the other). */
  newHrOfficer(label: string, options?: { agencyCode?: string }): Promise<Person & { agencyId: string }>
  newAdmin(label: string): Promise<Person>
  /** A fresh cookie-keeping HTTP client. `forwardedFor` is sent as X-Forwarded-For on every request. */
  client(options?: { forwardedFor?: string }): HttpClient
  /** A structurally valid NIP that no other attack uses. */
  freshNip(): string
}

export type HttpClient = {
  get(path: string, init?: RequestInit): Promise<Response>
  post(path: string, init?: RequestInit): Promise<Response>
  /**
   * Submits a page's form the way a browser without JavaScript does: GETs `pagePath`, takes the
   * hidden server-action fields ($ACTION_…) and other hidden inputs of form number `formIndex`
   * (default: the first form that posts a server action), overlays `fields`, and POSTs it as
   * multipart to `pagePath` (or `options.action`) with Origin = baseUrl. The redirect is not
   * followed: a 303 with a Location means the action redirected.
   */
  submitForm(pagePath: string, fields: Record<string, string>, options?: { formIndex?: number; origin?: string }): Promise<Response>
  /** Signs in through /masuk's form; true when a session cookie was set. */
  signIn(identifier: string, password: string): Promise<boolean>
  cookies(): Record<string, string>
  setCookie(name: string, value: string): void
  clearCookies(): void
}

export type AttackResult = { refused: boolean; detail?: string }

export type Attack = {
  /** kebab-case, unique across the suite */
  name: string
  area: string
  /** One line: what the attacker does. */
  description: string
  run(ctx: AttackContext): Promise<AttackResult>
}

/** `{ refused: false, detail }` unless `condition`; for attacks with several checks. */
export function refusedIf(condition: boolean, detail: string): AttackResult {
  return condition ? { refused: true } : { refused: false, detail }
}
