import { describe, expect, expectTypeOf, it } from 'vitest'
import * as postgresEnums from '@/lib/db/generated/postgresql/enums'
import * as sqliteEnums from '@/lib/db/generated/sqlite/enums'
import { EMPLOYMENT_TYPES, employmentTypeLabel, isEmploymentType, nipLabel, type EmploymentType } from './employment-types'
import { IDENTITY_STATUSES, type IdentityStatus } from './statuses'

describe('employment types', () => {
  it('are the schema enum, in its order, on both providers', () => {
    expect(EMPLOYMENT_TYPES).toEqual(['PNS', 'CPNS', 'PPPK'])
    expect(EMPLOYMENT_TYPES).toEqual(Object.values(sqliteEnums.EmploymentType))
    expect(EMPLOYMENT_TYPES).toEqual(Object.values(postgresEnums.EmploymentType))
    expectTypeOf<EmploymentType>().toEqualTypeOf<sqliteEnums.EmploymentType>()
    expectTypeOf<EmploymentType>().toEqualTypeOf<postgresEnums.EmploymentType>()
  })

  it('labels and guards', () => {
    expect(employmentTypeLabel('PPPK')).toBe('PPPK')
    expect(employmentTypeLabel(null)).toBe('Jenis kepegawaian tidak diisi')
    expect(isEmploymentType('CPNS')).toBe(true)
    expect(isEmploymentType('P3K')).toBe(false)
    expect(nipLabel('PPPK')).toBe('NI PPPK')
    expect(nipLabel('PNS')).toBe('NIP')
    expect(nipLabel(null)).toBe('NIP')
  })

  it('identity statuses are the schema enum', () => {
    expect([...IDENTITY_STATUSES].sort()).toEqual(Object.values(sqliteEnums.IdentityStatus).sort())
    expectTypeOf<IdentityStatus>().toEqualTypeOf<sqliteEnums.IdentityStatus>()
  })
})
