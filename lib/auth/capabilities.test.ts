import { describe, expect, it } from 'vitest'
import { capabilitiesFrom, homeFor, navCapabilities, scopeKeyOf, unitInScope, type Grant } from './capabilities'

const hr = (agencyId: string): Grant => ({ capability: 'hr', agencyId, unitId: null })
const operator = (agencyId: string, unitId: string): Grant => ({ capability: 'unit_operator', agencyId, unitId })
const head = (agencyId: string, unitId: string): Grant => ({ capability: 'unit_head', agencyId, unitId })
const admin: Grant = { capability: 'admin', agencyId: null, unitId: null }

describe('capabilitiesFrom', () => {
  it('makes a person without grants a learner only, landing on their dashboard', () => {
    const none = capabilitiesFrom([])
    expect(none).toEqual({ admin: false, hrAgencyId: null, scope: null })
    expect(homeFor(none)).toBe('/dasbor')
    expect(navCapabilities(none)).toEqual({ admin: false, hr: false, unit: false })
  })

  it('gives HR the whole agency, to manage and act in', () => {
    const caps = capabilitiesFrom([hr('a1')])
    expect(caps.scope).toEqual({ agencyId: 'a1', unitIds: null, manage: true, act: true })
    expect(homeFor(caps)).toBe('/hr')
    expect(navCapabilities(caps)).toEqual({ admin: false, hr: true, unit: false })
  })

  it('gives a unit operator their units, to act in but not manage; a head only reads', () => {
    const caps = capabilitiesFrom([operator('a1', 'u2'), operator('a1', 'u1'), head('a1', 'u3')])
    expect(caps.scope).toEqual({ agencyId: 'a1', unitIds: ['u1', 'u2', 'u3'], manage: false, act: true })
    expect(navCapabilities(caps)).toEqual({ admin: false, hr: false, unit: true })
    expect(capabilitiesFrom([head('a1', 'u3')]).scope).toEqual({ agencyId: 'a1', unitIds: ['u3'], manage: false, act: false })
  })

  it('lets HR outrank unit grants, and keeps unit grants to one agency', () => {
    expect(capabilitiesFrom([operator('a1', 'u1'), hr('a1')]).scope?.unitIds).toBeNull()
    expect(capabilitiesFrom([operator('a1', 'u1'), operator('a2', 'u9')]).scope).toEqual({ agencyId: 'a1', unitIds: ['u1'], manage: false, act: true })
  })

  it('sends an admin to the admin area, whatever else they hold', () => {
    const caps = capabilitiesFrom([hr('a1'), admin])
    expect(caps.admin).toBe(true)
    expect(homeFor(caps)).toBe('/admin')
    expect(navCapabilities(caps)).toEqual({ admin: true, hr: true, unit: false })
  })
})

describe('scopes', () => {
  it('keys one grant per scope', () => {
    expect(scopeKeyOf(admin)).toBe('')
    expect(scopeKeyOf(hr('a1'))).toBe('a1')
    expect(scopeKeyOf(operator('a1', 'u1'))).toBe('u1')
  })

  it('puts a person without a unit outside every unit scope, inside an agency-wide one', () => {
    const unitScope = { agencyId: 'a1', unitIds: ['u1'], manage: false, act: true }
    expect(unitInScope(unitScope, 'u1')).toBe(true)
    expect(unitInScope(unitScope, 'u2')).toBe(false)
    expect(unitInScope(unitScope, null)).toBe(false)
    expect(unitInScope({ ...unitScope, unitIds: null }, null)).toBe(true)
  })
})
