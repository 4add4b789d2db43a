import 'server-only'
import { db } from '@/lib/db/db.server'
import { AppError } from '@/lib/errors/app-error'
import { logger } from '@/lib/observability/log.server'

/** Roster uploads (preview, import, assign) one agency may run at once, across all instances. */
export const MAX_CONCURRENT_UPLOADS = 2
/** A slot not released within this time is taken to be lost (an instance that crashed). */
export const UPLOAD_SLOT_STALE_MS = 10 * 60 * 1000

export const TOO_MANY_UPLOADS_MESSAGE =
  `Instansi Anda sedang memproses ${MAX_CONCURRENT_UPLOADS} unggahan daftar pegawai. Tunggu sampai selesai, lalu coba lagi.`

const keyOf = (agencyId: string) => `upload-slots:${agencyId}`

/**
 * Takes one of the agency's upload slots, or refuses: ONE conditional statement on the
 * rate_limit_counter row of the agency (count = slots in use, windowStart = last taken), so
 * parallel requests on any number of instances cannot both take the last slot. A row untouched
 * for UPLOAD_SLOT_STALE_MS starts again from one slot: slots lost by a crashed instance do not
 * block the agency for ever.
 */
export async function takeUploadSlot(agencyId: string, now = Date.now()): Promise<boolean> {
  const staleBefore = BigInt(now - UPLOAD_SLOT_STALE_MS)
  const taken = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "rate_limit_counter" ("key", "count", "windowStart", "blockedUntil")
    VALUES (${keyOf(agencyId)}, 1, ${BigInt(now)}, 0)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limit_counter"."windowStart" < ${staleBefore} THEN 1 ELSE "rate_limit_counter"."count" + 1 END,
      "windowStart" = ${BigInt(now)}
    WHERE "rate_limit_counter"."count" < ${MAX_CONCURRENT_UPLOADS} OR "rate_limit_counter"."windowStart" < ${staleBefore}
    RETURNING "count"`
  return taken.length === 1
}

/** Gives a slot back (one statement; never below zero). */
export async function releaseUploadSlot(agencyId: string): Promise<void> {
  await db.$executeRaw`UPDATE "rate_limit_counter" SET "count" = "count" - 1 WHERE "key" = ${keyOf(agencyId)} AND "count" > 0`
}

/** Runs `work` holding one of the agency's upload slots; 429 when none is free. */
export async function withUploadSlot<T>(agencyId: string, work: () => Promise<T>): Promise<T> {
  if (!(await takeUploadSlot(agencyId))) throw new AppError(429, TOO_MANY_UPLOADS_MESSAGE)
  try {
    return await work()
  } finally {
    await releaseUploadSlot(agencyId).catch((error: unknown) => logger().error({ agencyId, err: error }, 'upload slot not released'))
  }
}
