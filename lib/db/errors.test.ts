import { describe, expect, it } from 'vitest'
import { isUniqueViolation, isWriteConflict } from './errors'

/** A raw query's failure as Prisma's driver adapters report it. */
const rawFailure = (cause: Record<string, string>) => ({ code: 'P2010', meta: { driverAdapterError: { cause } } })

describe('database errors', () => {
  it('tells a unique violation from model and raw queries', () => {
    expect(isUniqueViolation({ code: 'P2002' })).toBe(true)
    expect(isUniqueViolation(rawFailure({ kind: 'UniqueConstraintViolation' }))).toBe(true)
    expect(isUniqueViolation(rawFailure({ kind: 'postgres', originalCode: '40P01' }))).toBe(false)
    expect(isUniqueViolation(new Error('x'))).toBe(false)
  })

  it("tells PostgreSQL's deadlock and serialization failures, and nothing else, as a write conflict", () => {
    expect(isWriteConflict(rawFailure({ kind: 'postgres', originalCode: '40P01' }))).toBe(true)
    expect(isWriteConflict(rawFailure({ kind: 'postgres', originalCode: '40001' }))).toBe(true)
    expect(isWriteConflict({ code: 'P2034' })).toBe(true)
    expect(isWriteConflict(rawFailure({ kind: 'postgres', originalCode: '23505' }))).toBe(false)
    expect(isWriteConflict({ code: 'P2002' })).toBe(false)
    expect(isWriteConflict(null)).toBe(false)
  })
})
