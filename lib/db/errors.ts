/**
 * Whether a Prisma error is a unique-constraint violation: P2002 from model queries, or P2010
 * (raw query failed) whose driver-adapter cause is UniqueConstraintViolation, on either provider.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } }
  return code === 'P2002' || (code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
}

/**
 * Whether PostgreSQL gave up a transaction because a concurrent one wrote the same rows: a
 * deadlock (40P01) or a serialization failure (40001). Nothing of it was written; the caller
 * can say the data changed meanwhile.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } }
  const sqlState = meta?.driverAdapterError?.cause?.originalCode
  return code === 'P2034' || (code === 'P2010' && (sqlState === '40P01' || sqlState === '40001'))
}
