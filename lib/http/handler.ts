import { unstable_rethrow } from 'next/navigation'
import type { z } from 'zod'
import type { SessionUser } from '@/lib/auth/request-session.server'
import type { AgencyScope } from '@/lib/auth/capabilities'
import type { CurrentUser } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { jsonError, readJsonBody, zodFields } from './json-response'
import { CROSS_ORIGIN_MESSAGE, isSameOriginRequest } from './same-origin'

/**
 * The one entry for route handlers and server actions (decision 029): authenticate, authorise
 * (role and agency), validate with zod, run, and turn a domain error into a response or a form
 * state. This file holds the logic with its dependencies passed in (unit-tested in
 * handler.test.ts); `handler.server.ts` wires in the real session, origin and navigation.
 *
 * Who may call (`access`):
 * - `visitor`: anyone; no session is looked up (public pages' forms, health, public PDFs).
 * - `learner`: any signed-in person (every role takes the course), session checked in the database.
 * - `learner-cached`: the same, but from better-auth's 5-minute signed cookie cache; only for the
 *   learner's quiz submission and lesson progress (decision 010). Route handlers only.
 * - `hr`: an HR officer; `run` gets the agency they administer as `agencyId`, never from input.
 * - `unit`: HR or a unit operator (decision 037), who may act on people in their scope (assign
 *   to cohorts, remind); `run` gets `agencyId` and `scope` (the units, or null for all).
 * - `unit-read`: the same plus unit heads, who only read (reports).
 * - `admin`: a platform admin.
 */
export type Access = 'visitor' | 'learner' | 'learner-cached' | 'hr' | 'unit' | 'unit-read' | 'admin'
export type ActionAccess = Exclude<Access, 'learner-cached'>

export type HrUser = CurrentUser & { agencyId: string }
/** Someone looking at (part of) an agency: `agencyId` is the scope's agency. */
export type ScopedUser = CurrentUser & { agencyId: string; scope: AgencyScope }

export type UserFor<A extends Access> = A extends 'visitor'
  ? null
  : A extends 'learner-cached'
    ? SessionUser
    : A extends 'hr'
      ? HrUser
      : A extends 'unit' | 'unit-read'
        ? ScopedUser
        : CurrentUser

export type EntryDeps = {
  /** The signed-in user, session checked in the database (once per request). */
  currentUser(): Promise<CurrentUser | null>
  /** The signed-in user from the signed cookie cache (falls back to the database). */
  cachedUser(headers: Headers): Promise<SessionUser | null>
  /** The origins a mutating request may come from. */
  siteOrigins(request: Request): string[]
  /** Actions: a signed-out caller is sent to sign in, coming back to `returnTo` (throws). */
  signIn(returnTo: string): never
  /** Actions: a signed-in caller with the wrong role gets the 403 page (throws). */
  forbidden(): never
  /**
   * Where an unexpected error goes (server log, with the request's id: from `request` for route
   * handlers, from the action's own request otherwise); the caller sees only a generic message.
   */
  logError(where: string, error: unknown, request?: Request): void | Promise<void>
}

/** What a caller sees when something unexpected failed: no message of the error itself. */
export const UNEXPECTED_ERROR_MESSAGE = 'Terjadi kesalahan di server. Silakan coba lagi; bila berulang, hubungi admin.'

const SIGNED_OUT: Record<Exclude<Access, 'visitor'>, string> = {
  learner: 'Silakan masuk terlebih dahulu.',
  'learner-cached': 'Silakan masuk terlebih dahulu.',
  hr: 'Silakan masuk sebagai admin kepegawaian.',
  unit: 'Silakan masuk sebagai admin kepegawaian atau operator unit.',
  'unit-read': 'Silakan masuk sebagai admin kepegawaian, operator unit atau pimpinan unit.',
  admin: 'Silakan masuk sebagai admin platform.',
}
const WRONG_ROLE: Record<'hr' | 'unit' | 'unit-read' | 'admin', string> = {
  hr: 'Hanya admin kepegawaian instansi yang dapat melakukan ini.',
  unit: 'Hanya admin kepegawaian atau operator unit yang dapat melakukan ini.',
  'unit-read': 'Hanya admin kepegawaian, operator unit atau pimpinan unit yang dapat melihat ini.',
  admin: 'Hanya admin platform yang dapat melakukan ini.',
}

/**
 * The user `run` gets for `access`, or null when the signed-in `user` may not call: HR's
 * agency, or the unit scope's agency and units, always from the grants, never from input.
 */
export function userForAccess(access: 'learner' | 'hr' | 'unit' | 'unit-read' | 'admin', user: CurrentUser): CurrentUser | HrUser | ScopedUser | null {
  const { hrAgencyId, scope, admin } = user.capabilities
  if (access === 'admin') return admin ? user : null
  if (access === 'hr') return hrAgencyId ? { ...user, agencyId: hrAgencyId } : null
  if (access === 'unit') return scope?.act ? { ...user, agencyId: scope.agencyId, scope } : null
  if (access === 'unit-read') return scope ? { ...user, agencyId: scope.agencyId, scope } : null
  return user
}

// ---------------------------------------------------------------------------------------------
// Route handlers

type AnySchema = z.ZodType

/** A JSON body of at most `maxBytes`, counted while streaming (lib/http/json-response.ts). */
export type JsonInput<S extends AnySchema> = {
  from: 'json'
  schema: S
  maxBytes: number
  /** 400 when the body is missing, too large or not JSON. */
  unreadable: string
  /** 422 with a message per field when the schema refuses it. */
  invalid: string
}
/** The query string, as an object of its (last) values. */
export type QueryInput<S extends AnySchema> = { from: 'query'; schema: S; invalid: string }
export type RouteInput<S extends AnySchema> = JsonInput<S> | QueryInput<S>

export type RouteSpec<A extends Access, S extends AnySchema | undefined, P> = {
  access: A
  /** The 401 message, when the role's default does not say what the caller was doing. */
  signedOut?: string
  input?: S extends AnySchema ? RouteInput<S> : undefined
  /** An AppError's `details` are sent as `fields` (only where they are meant for the caller). */
  errorDetailsAsFields?: boolean
  run(context: {
    request: Request
    user: UserFor<A>
    input: S extends AnySchema ? z.output<S> : undefined
    params: P
  }): Response | Promise<Response>
}

export type RouteHandler<P> = (request: Request, context?: { params: Promise<P> }) => Promise<Response>

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The status of input a schema refused (routes); unreadable bodies stay 400. */
export const INVALID_INPUT_STATUS = 422

// ---------------------------------------------------------------------------------------------
// Server actions

/** Every form's state: errors per field (`form` for none), an error line, a success line, what was typed. */
export type FormState = {
  fieldErrors?: FieldErrors
  error?: string
  done?: string
  values?: Record<string, string>
} | null

/** What the entry itself answers with: a form's state type must accept it. */
type EntryFormState = { fieldErrors: FieldErrors; error?: string; values: Record<string, string> }

export type ActionSpec<A extends ActionAccess, S extends AnySchema | undefined, State> = {
  access: A
  /** Where a signed-out caller comes back to after signing in (not for `visitor`). */
  returnTo: A extends 'visitor' ? undefined : string | ((formData: FormData) => string)
  /** A zod schema over the form's fields (`Object.fromEntries(formData)`); refused → field errors. */
  input?: S
  /** Fields echoed back as `values` when refused (never passwords), and given to `run` as strings. */
  fields?: readonly string[]
  /** The field an AppError's message belongs to; by default it is the form's error line. */
  errorField?: string
  run(context: {
    user: UserFor<A>
    input: S extends AnySchema ? z.output<S> : undefined
    values: Record<string, string>
    formData: FormData
    previous: State
  }): Promise<State>
}

/** FormData as strings per field (a missing field is ''), for parsing and for echoing back. */
export function formStrings(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = formData.get(field)
      return [field, typeof value === 'string' ? value : '']
    }),
  )
}

export function createEntry(deps: EntryDeps) {
  async function routeUser(access: Access, request: Request, signedOut: string | undefined): Promise<{ user: unknown } | { refusal: Response }> {
    if (access === 'visitor') return { user: null }
    if (access === 'learner-cached') {
      const user = await deps.cachedUser(request.headers)
      return user ? { user } : { refusal: jsonError(401, signedOut ?? SIGNED_OUT[access]) }
    }
    const user = await deps.currentUser()
    if (!user) return { refusal: jsonError(401, signedOut ?? SIGNED_OUT[access]) }
    const allowedUser = userForAccess(access, user)
    if (!allowedUser) return { refusal: jsonError(403, WRONG_ROLE[access as keyof typeof WRONG_ROLE]) }
    return { user: allowedUser }
  }

  async function routeInput(input: RouteInput<AnySchema>, request: Request): Promise<{ value: unknown } | { refusal: Response }> {
    let raw: unknown
    if (input.from === 'json') {
      raw = await readJsonBody(request, input.maxBytes)
      if (raw === null) return { refusal: jsonError(400, input.unreadable) }
    } else {
      raw = Object.fromEntries(new URL(request.url).searchParams)
    }
    const parsed = input.schema.safeParse(raw)
    if (!parsed.success) return { refusal: jsonError(INVALID_INPUT_STATUS, input.invalid, zodFields(parsed.error)) }
    return { value: parsed.data }
  }

  /**
   * A route handler: a mutating method (anything but GET/HEAD/OPTIONS) from another site gets 403
   * before anything is read; then the caller's access (401/403), the input (400/422), `run`. An
   * AppError becomes its status and message; anything else is logged and answered with 500 and a
   * generic message.
   */
  function route<A extends Access, S extends AnySchema | undefined = undefined, P = Record<string, never>>(
    spec: RouteSpec<A, S, P>,
  ): RouteHandler<P> {
    return async (request, context) => {
      try {
        if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request.headers, deps.siteOrigins(request))) {
          await request.body?.cancel().catch(() => {})
          return jsonError(403, CROSS_ORIGIN_MESSAGE)
        }
        const caller = await routeUser(spec.access, request, spec.signedOut)
        if ('refusal' in caller) return caller.refusal
        let input: unknown = undefined
        if (spec.input) {
          const parsed = await routeInput(spec.input as RouteInput<AnySchema>, request)
          if ('refusal' in parsed) return parsed.refusal
          input = parsed.value
        }
        const params = (await context?.params) as P
        return await spec.run({ request, user: caller.user as UserFor<A>, input: input as never, params })
      } catch (error) {
        unstable_rethrow(error)
        if (isAppError(error)) {
          const fields = spec.errorDetailsAsFields && error.details ? detailFields(error.details) : undefined
          return jsonError(error.status, error.userMessage, fields)
        }
        // The method only: the path carries ids and codes; the request line names the route.
        await deps.logError(`route handler (${request.method})`, error, request)
        return jsonError(500, UNEXPECTED_ERROR_MESSAGE)
      }
    }
  }

  async function actionUser(access: ActionAccess, returnTo: string | ((formData: FormData) => string) | undefined, formData: FormData) {
    if (access === 'visitor') return null
    const user = await deps.currentUser()
    if (!user) deps.signIn(typeof returnTo === 'function' ? returnTo(formData) : (returnTo ?? '/'))
    return userForAccess(access, user) ?? deps.forbidden()
  }

  /**
   * A server action for `useActionState`: a signed-out caller is sent to sign in, a wrong role
   * gets 403 (both as pages do); refused input comes back as field errors with what was typed;
   * an AppError as the form's error (or `errorField`'s); anything else is logged and comes back
   * as a generic error line. `redirect()`, `notFound()` and `forbidden()` inside `run` work as usual.
   * Next itself refuses a server action whose Origin is not the site's.
   */
  function action<A extends ActionAccess, S extends AnySchema | undefined = undefined, State = FormState>(
    spec: ActionSpec<A, S, State> & (EntryFormState extends State ? unknown : { stateMustAcceptEntryErrors: never }),
  ): (previous: State, formData: FormData) => Promise<State> {
    return async (previous, formData) => {
      const user = await actionUser(spec.access, spec.returnTo, formData)
      const values = formStrings(formData, spec.fields ?? [])
      try {
        let input: unknown = undefined
        if (spec.input) {
          const parsed = spec.input.safeParse(Object.fromEntries(formData))
          if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values } satisfies EntryFormState as State
          input = parsed.data
        }
        return await spec.run({ user: user as UserFor<A>, input: input as never, values, formData, previous })
      } catch (error) {
        unstable_rethrow(error)
        if (isAppError(error)) {
          const refused: EntryFormState = spec.errorField
            ? { fieldErrors: { [spec.errorField]: error.userMessage }, values }
            : { fieldErrors: { form: error.userMessage }, error: error.userMessage, values }
          return refused as State
        }
        await deps.logError(`server action${spec.returnTo && typeof spec.returnTo === 'string' ? ` (${spec.returnTo})` : ''}`, error)
        return { fieldErrors: { form: UNEXPECTED_ERROR_MESSAGE }, error: UNEXPECTED_ERROR_MESSAGE, values } satisfies EntryFormState as State
      }
    }
  }

  /**
   * A server action used directly as a form's `action` (no state): the same access rules; it
   * ends in a redirect. An error is logged and rethrown to the error page, without its message.
   */
  function formAction<A extends ActionAccess>(spec: {
    access: A
    returnTo: A extends 'visitor' ? undefined : string
    run(context: { user: UserFor<A>; formData: FormData }): Promise<void>
  }): (formData: FormData) => Promise<void> {
    return async (formData) => {
      const user = await actionUser(spec.access, spec.returnTo, formData)
      try {
        await spec.run({ user: user as UserFor<A>, formData })
      } catch (error) {
        unstable_rethrow(error)
        await deps.logError(`server action${spec.returnTo ? ` (${spec.returnTo})` : ''}`, error)
        throw new Error(UNEXPECTED_ERROR_MESSAGE)
      }
    }
  }

  return { route, action, formAction }
}

/** An AppError's details as one message per field. */
function detailFields(details: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]))
}
