/**
 * Whether a Prisma error is a unique-constraint violation: P2002 from model queries, or P2010
 * (raw query failed) whose driver-adapter cause is UniqueConstraintViolation, on either provider.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } }
  return code === 'P2002' || (code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
}
