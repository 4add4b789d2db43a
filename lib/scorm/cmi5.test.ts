import { describe, expect, it } from 'vitest'
import { buildCmi5Statement, isoDuration, parseCmi5Launch, stateUrl } from './cmi5'

const search =
  '?endpoint=https%3A%2F%2Flms.contoh.go.id%2Fxapi&fetch=https%3A%2F%2Flms.contoh.go.id%2Ffetch%3Fk%3D1&actor=' +
  encodeURIComponent(JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.contoh.go.id', name: '42' } })) +
  '&registration=6f1c2b7e-0000-4000-8000-000000000001&activityId=https%3A%2F%2Fkursus.contoh.go.id%2Fau'

describe('cmi5', () => {
  it('reads the launch parameters, and refuses a launch without them', () => {
    const launch = parseCmi5Launch(search)!
    expect(launch.endpoint).toBe('https://lms.contoh.go.id/xapi/')
    expect(launch.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://lms.contoh.go.id', name: '42' } })
    expect(parseCmi5Launch('?endpoint=x')).toBeNull()
    expect(parseCmi5Launch(search.replace(/actor=[^&]+/, 'actor=%7Bkacau'))).toBeNull()
    expect(stateUrl(launch, 'LMS.LaunchData')).toMatch(/^https:\/\/lms\.contoh\.go\.id\/xapi\/activities\/state\?stateId=LMS\.LaunchData&activityId=.*&agent=.*&registration=6f1c2b7e/)
  })

  it('builds passed with the context template, the moveon category, the mastery score and a scaled score', () => {
    const launch = parseCmi5Launch(search)!
    const template = { contextActivities: { grouping: [{ id: 'https://lms/kursus' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' } }
    const statement = buildCmi5Statement({ verb: 'passed', launch, contextTemplate: template, id: 'id-1', timestamp: '2026-12-02T00:00:00.000Z', durationMs: 61_500, scaled: 0.8667, masteryScore: 0.8 })
    expect(statement).toMatchObject({
      actor: launch.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      object: { id: 'https://kursus.contoh.go.id/au' },
      result: { success: true, score: { scaled: 0.867 }, duration: 'PT1M1.5S' },
      context: {
        registration: launch.registration,
        contextActivities: {
          grouping: [{ id: 'https://lms/kursus' }],
          category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }, { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }],
        },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1', 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8 },
      },
    })
    const initialized = buildCmi5Statement({ verb: 'initialized', launch, contextTemplate: template, id: 'id-2', timestamp: 't' })
    expect(initialized.result).toBeUndefined()
    expect((initialized.context as { contextActivities: { category: unknown[] } }).contextActivities.category).toHaveLength(1)
  })

  it('writes xAPI durations', () => {
    expect(isoDuration(0)).toBe('PT0S')
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S')
  })
})
