import 'server-only'
import { v7 as timeOrderedUuid } from 'uuid'
import { z } from 'zod'
import { Prisma, type Db } from '@/lib/db/create-client'
import { headerSafe, mailAddressSchema } from './headers'

type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0]

const queuedMailSchema = z.object({
  idempotencyKey: z.string().min(1).max(300),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  userId: z.string().min(1).max(100).nullable(),
  to: mailAddressSchema,
  toName: z.string().max(500).transform((name) => headerSafe(name)),
  subject: z.string().max(500).transform((subject) => headerSafe(subject, 250)),
  text: z.string().min(1),
  html: z.string().min(1),
  sensitive: z.boolean().default(false),
  expiresAt: z.date().nullable().default(null),
})

export type QueuedMail = z.input<typeof queuedMailSchema>

/**
 * Queues one message in the caller's transaction, so it exists exactly when the event that
 * causes it does (decision 032). A second call with the same idempotency key inserts nothing
 * (`ON CONFLICT DO NOTHING`: on PostgreSQL a unique-violation error would abort the caller's
 * transaction; this never raises one). Returns whether this call queued it.
 *
 * The address is checked here too: a malformed one is refused before anything is written (the
 * caller decides what to tell the person); a name or subject cannot carry a line break into a
 * header.
 */
export async function queueMail(tx: TransactionClient | Db, input: QueuedMail, now = new Date()): Promise<boolean> {
  const mail = queuedMailSchema.parse(input)
  // Tagged SQL, standard on both providers; status takes its default ('pending').
  const inserted = await tx.$executeRaw`INSERT INTO "outbox_message"
      ("id", "idempotencyKey", "kind", "userId", "toAddress", "toName", "subject", "text", "html", "sensitive",
       "attempts", "nextAttemptAt", "expiresAt", "createdAt", "updatedAt")
    VALUES (${timeOrderedUuid()}, ${mail.idempotencyKey}, ${mail.kind}, ${mail.userId}, ${mail.to}, ${mail.toName}, ${mail.subject},
       ${mail.text}, ${mail.html}, ${mail.sensitive}, 0, ${now}, ${mail.expiresAt}, ${now}, ${now})
    ON CONFLICT ("idempotencyKey") DO NOTHING`
  return inserted === 1
}

/** Rows per statement of `queueMails`: 14 bound values each, well under either provider's limit. */
export const QUEUE_BATCH = 500

/**
 * Queues many messages with one `INSERT … VALUES (…), (…) ON CONFLICT DO NOTHING` per
 * QUEUE_BATCH rows (the scheduler's reminders for a whole cohort: one statement per batch, not
 * one round trip per person). Every row is checked as `queueMail` checks it; a row whose address
 * is malformed is left out and returned in `refused` (the caller counts it as unreachable).
 * Returns how many rows were inserted (a key already queued inserts nothing).
 */
export async function queueMails(tx: TransactionClient | Db, inputs: readonly QueuedMail[], now = new Date()): Promise<{ inserted: number; refused: QueuedMail[] }> {
  const refused: QueuedMail[] = []
  const rows: z.output<typeof queuedMailSchema>[] = []
  for (const input of inputs) {
    const parsed = queuedMailSchema.safeParse(input)
    if (parsed.success) rows.push(parsed.data)
    else refused.push(input)
  }
  let inserted = 0
  for (let start = 0; start < rows.length; start += QUEUE_BATCH) {
    const values = rows
      .slice(start, start + QUEUE_BATCH)
      .map(
        (mail) =>
          Prisma.sql`(${timeOrderedUuid()}, ${mail.idempotencyKey}, ${mail.kind}, ${mail.userId}, ${mail.to}, ${mail.toName}, ${mail.subject},
            ${mail.text}, ${mail.html}, ${mail.sensitive}, 0, ${now}, ${mail.expiresAt}, ${now}, ${now})`,
      )
    inserted += await tx.$executeRaw`INSERT INTO "outbox_message"
        ("id", "idempotencyKey", "kind", "userId", "toAddress", "toName", "subject", "text", "html", "sensitive",
         "attempts", "nextAttemptAt", "expiresAt", "createdAt", "updatedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("idempotencyKey") DO NOTHING`
  }
  return { inserted, refused }
}
