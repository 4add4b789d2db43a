/**
 * A minimal cmi5 assignable unit (decision 051): the launch parameters, and the statements the AU
 * sends (initialized, completed, passed|failed, terminated), per the cmi5 specification
 * (AICC/CMI-5_Spec_Current, "cmi5_spec.md" sections 8–9). Plain functions; the network calls are
 * in lib/scorm/runtime/cmi5-adapter.ts.
 */

export type Cmi5Launch = {
  endpoint: string
  fetchUrl: string
  actor: Record<string, unknown>
  registration: string
  activityId: string
}

/** Reads the five launch parameters the LMS appends to the AU's URL; null when one is missing. */
export function parseCmi5Launch(search: string): Cmi5Launch | null {
  const params = new URLSearchParams(search)
  const endpoint = params.get('endpoint')
  const fetchUrl = params.get('fetch')
  const actorText = params.get('actor')
  const registration = params.get('registration')
  const activityId = params.get('activityId')
  if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) return null
  try {
    const actor: unknown = JSON.parse(actorText)
    if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) return null
    return { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetchUrl, actor: actor as Record<string, unknown>, registration, activityId }
  } catch {
    return null
  }
}

export const CMI5_VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
} as const

export type Cmi5Verb = keyof typeof CMI5_VERBS

const CATEGORY_CMI5 = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }
const CATEGORY_MOVEON = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }

/** ISO 8601 duration with seconds to two decimals, as xAPI wants (`PT1H2M3.45S`). */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = Math.round((total % 60) * 100) / 100
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`
}

export type StatementInput = {
  verb: Cmi5Verb
  launch: Cmi5Launch
  /** The `contextTemplate` of the LMS.LaunchData state document (kept as given, then extended). */
  contextTemplate: Record<string, unknown>
  id: string
  timestamp: string
  /** Since initialized (completed, passed, failed, terminated carry it). */
  durationMs?: number
  /** Scaled 0–1 (passed/failed). */
  scaled?: number
  /** The masteryScore the LMS launched with (passed/failed carry it in the context extensions). */
  masteryScore?: number
}

/** A cmi5-defined statement about the AU (the activity of the launch). */
export function buildCmi5Statement(input: StatementInput): Record<string, unknown> {
  const { verb, launch } = input
  const template = input.contextTemplate
  const templateActivities = (template.contextActivities ?? {}) as Record<string, unknown>
  const category = [...((templateActivities.category as unknown[]) ?? []), CATEGORY_CMI5]
  if (verb === 'completed' || verb === 'passed' || verb === 'failed') category.push(CATEGORY_MOVEON)
  const extensions = { ...((template.extensions as Record<string, unknown>) ?? {}) }
  if ((verb === 'passed' || verb === 'failed') && input.masteryScore !== undefined) {
    extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'] = input.masteryScore
  }
  const result: Record<string, unknown> = {}
  if (verb === 'completed') result.completion = true
  if (verb === 'passed' || verb === 'failed') {
    result.success = verb === 'passed'
    if (input.scaled !== undefined) result.score = { scaled: Math.round(input.scaled * 1000) / 1000 }
  }
  if (verb !== 'initialized' && input.durationMs !== undefined) result.duration = isoDuration(input.durationMs)
  const statement: Record<string, unknown> = {
    id: input.id,
    timestamp: input.timestamp,
    actor: launch.actor,
    verb: CMI5_VERBS[verb],
    object: { objectType: 'Activity', id: launch.activityId },
    context: {
      ...template,
      registration: launch.registration,
      contextActivities: { ...templateActivities, category },
      extensions,
    },
  }
  if (Object.keys(result).length > 0) statement.result = result
  return statement
}

/** The URL of an xAPI state document for this launch (LMS.LaunchData, or the AU's own suspend state). */
export function stateUrl(launch: Cmi5Launch, stateId: string): string {
  const query = new URLSearchParams({ stateId, activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration })
  return `${launch.endpoint}activities/state?${query.toString()}`
}
