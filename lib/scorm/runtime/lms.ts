/**
 * The package's connection to the LMS (decision 051), in the browser: SCORM 1.2 (the `API` object
 * an LMS puts on a parent window), cmi5 (xAPI over fetch, with the launch parameters), or a
 * preview without an LMS (the browser's localStorage) so the package can be opened from disk.
 */
import { buildCmi5Statement, parseCmi5Launch, stateUrl, type Cmi5Launch, type Cmi5Verb } from '../cmi5'
import type { LmsStatus } from '../state'

export type Lms = {
  kind: 'scorm12' | 'cmi5' | 'preview'
  learnerId: string
  learnerName: string
  suspendData: string | null
  location: string | null
  /** The LMS's pass mark (0–100) when it sets one (cmi5 masteryScore); the package's otherwise. */
  masteryScore: number | null
  save(data: string, location: string): void
  /** Reports the course status (and the post-test score, 0–100). `sent` holds events not to repeat. */
  report(status: LmsStatus, score: number | null, sent: string[]): string[]
  /** Ends the session; `suspend`: the learner will come back (SCORM cmi.core.exit "suspend"). */
  finish(suspend: boolean): void
  /** Where to go after finishing (cmi5 returnURL), if anywhere. */
  returnUrl: string | null
}

type Scorm12Api = {
  LMSInitialize(arg: string): string
  LMSFinish(arg: string): string
  LMSGetValue(element: string): string
  LMSSetValue(element: string, value: string): string
  LMSCommit(arg: string): string
}

/** The standard search: up the parents (at most 10), then the opener's. */
export function findScorm12Api(start: Window): Scorm12Api | null {
  const search = (from: Window | null): Scorm12Api | null => {
    let win: Window | null = from
    for (let depth = 0; win && depth < 10; depth++) {
      try {
        const api = (win as unknown as { API?: Scorm12Api }).API
        if (api) return api
      } catch {
        return null // a cross-origin parent
      }
      if (win.parent === win) break
      win = win.parent
    }
    return null
  }
  return search(start) ?? (start.opener ? search(start.opener as Window) : null)
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
export function scormTimespan(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  return `${pad(Math.floor(total / 3600), 4)}:${pad(Math.floor((total % 3600) / 60), 2)}:${pad(total % 60, 2)}`
}

function scorm12(api: Scorm12Api): Lms {
  const started = Date.now()
  if (api.LMSInitialize('') !== 'true') throw new Error('LMSInitialize gagal')
  const status = api.LMSGetValue('cmi.core.lesson_status')
  if (status === 'not attempted' || status === '') api.LMSSetValue('cmi.core.lesson_status', 'incomplete')
  let finished = false
  return {
    kind: 'scorm12',
    learnerId: api.LMSGetValue('cmi.core.student_id'),
    learnerName: api.LMSGetValue('cmi.core.student_name'),
    suspendData: api.LMSGetValue('cmi.suspend_data') || null,
    location: api.LMSGetValue('cmi.core.lesson_location') || null,
    masteryScore: null,
    returnUrl: null,
    save(data, location) {
      if (finished) return
      api.LMSSetValue('cmi.suspend_data', data)
      api.LMSSetValue('cmi.core.lesson_location', location)
      api.LMSCommit('')
    },
    report(lessonStatus, score, sent) {
      if (finished) return sent
      if (score !== null) {
        api.LMSSetValue('cmi.core.score.min', '0')
        api.LMSSetValue('cmi.core.score.max', '100')
        api.LMSSetValue('cmi.core.score.raw', String(score))
      }
      api.LMSSetValue('cmi.core.lesson_status', lessonStatus)
      api.LMSCommit('')
      return sent
    },
    finish(suspend) {
      if (finished) return
      finished = true
      api.LMSSetValue('cmi.core.exit', suspend ? 'suspend' : '')
      api.LMSSetValue('cmi.core.session_time', scormTimespan(Date.now() - started))
      api.LMSCommit('')
      api.LMSFinish('')
    },
  }
}

function uuid(): string {
  return crypto.randomUUID()
}

async function cmi5(launch: Cmi5Launch): Promise<Lms> {
  const started = Date.now()
  const tokenResponse = await fetch(launch.fetchUrl, { method: 'POST' })
  const tokenBody = (await tokenResponse.json()) as { 'auth-token'?: string }
  if (!tokenResponse.ok || !tokenBody['auth-token']) throw new Error('cmi5: token tidak diterima dari LMS')
  const headers = { Authorization: `Basic ${tokenBody['auth-token']}`, 'X-Experience-API-Version': '1.0.3' }
  const launchDataResponse = await fetch(stateUrl(launch, 'LMS.LaunchData'), { headers })
  if (!launchDataResponse.ok) throw new Error('cmi5: LMS.LaunchData tidak dapat dibaca')
  const launchData = (await launchDataResponse.json()) as { contextTemplate?: Record<string, unknown>; launchMode?: string; masteryScore?: number; returnURL?: string }
  const contextTemplate = launchData.contextTemplate ?? {}
  const normal = (launchData.launchMode ?? 'Normal') === 'Normal'
  const suspendResponse = await fetch(stateUrl(launch, 'bbs-suspend'), { headers })
  const suspendData = suspendResponse.ok ? await suspendResponse.text() : null
  const masteryScore = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : undefined
  // Statements go one after the other (the LRS stores them in the order the AU meant):
  // initialized first, terminated last.
  let queue: Promise<unknown> = Promise.resolve()
  let pending = 0
  const send = (verb: Cmi5Verb, extra: { scaled?: number } = {}, keepalive = false): Promise<unknown> => {
    pending++
    const run = () => post(verb, extra, keepalive).finally(() => pending--)
    // At pagehide a queued fetch might never start: terminated goes at once when nothing waits.
    queue = pending === 1 ? run() : queue.then(run, run)
    return queue
  }
  const post = (verb: Cmi5Verb, extra: { scaled?: number }, keepalive: boolean) => {
    const statement = buildCmi5Statement({
      verb,
      launch,
      contextTemplate,
      id: uuid(),
      timestamp: new Date().toISOString(),
      durationMs: verb === 'initialized' ? undefined : Date.now() - started,
      masteryScore,
      ...extra,
    })
    return fetch(`${launch.endpoint}statements`, { method: 'POST', keepalive, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(statement) }).then((response) => {
      if (!response.ok) throw new Error(`cmi5: LRS menolak pernyataan ${verb} (${response.status})`)
    })
  }
  // Browse and Review launches still say initialized and terminated, never a result (cmi5 §10).
  await send('initialized')
  let finished = false
  const actor = launch.actor as { name?: string; account?: { name?: string }; mbox?: string }
  return {
    kind: 'cmi5',
    learnerId: actor.account?.name ?? actor.mbox ?? 'pelajar',
    learnerName: actor.name ?? '',
    suspendData,
    location: null,
    masteryScore: masteryScore === undefined ? null : Math.round(masteryScore * 1000) / 10,
    returnUrl: launchData.returnURL ?? null,
    save(data) {
      if (finished) return
      void fetch(stateUrl(launch, 'bbs-suspend'), { method: 'PUT', keepalive: true, headers: { ...headers, 'Content-Type': 'application/json' }, body: data })
    },
    report(status, score, sent) {
      if (finished || !normal) return sent
      const next = [...sent]
      // cmi5 9.3: completed and passed at most once per registration; failed only before a pass.
      if ((status === 'completed' || status === 'passed' || status === 'failed') && !next.includes('completed')) {
        next.push('completed')
        void send('completed')
      }
      if (score !== null && !next.includes('passed')) {
        if (status === 'passed') next.push('passed')
        void send(status === 'passed' ? 'passed' : 'failed', { scaled: score / 100 })
      }
      return next
    },
    finish() {
      if (finished) return
      finished = true
      void send('terminated', {}, true)
    },
  }
}

function preview(): Lms {
  const key = 'bbs-paket-pratinjau'
  type Saved = { data: string; location: string } | null
  let saved: Saved
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Saved
  } catch {
    saved = null
  }
  return {
    kind: 'preview',
    learnerId: 'pratinjau',
    learnerName: '',
    suspendData: saved?.data ?? null,
    location: saved?.location ?? null,
    masteryScore: null,
    returnUrl: null,
    save(data, location) {
      try {
        localStorage.setItem(key, JSON.stringify({ data, location }))
      } catch {
        // storage refused: the preview forgets on reload
      }
    },
    report: (_status, _score, sent) => sent,
    finish() {},
  }
}

/** Connects to the LMS the package was built for; a preview when none answers. */
export async function connectLms(mode: 'scorm12' | 'cmi5', win: Window): Promise<Lms> {
  if (mode === 'scorm12') {
    const api = findScorm12Api(win)
    return api ? scorm12(api) : preview()
  }
  const launch = parseCmi5Launch(win.location.search)
  return launch ? cmi5(launch) : preview()
}
