import 'server-only'
import { v7 as timeOrderedUuid } from 'uuid'
import { z } from 'zod'
import type { Db } from '@/lib/db/create-client'
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

/** Rows per statement of `queueMails`. */
export const QUEUE_BATCH = 1_000

/**
 * Queues many messages without an expiry (reminders, notices, digests), one statement per
 * QUEUE_BATCH rows: `INSERT … SELECT … FROM <the rows as one JSON parameter> ON CONFLICT DO
 * NOTHING` (the scheduler's reminders for a whole cohort: no round trip per person). The rows
 * travel as ONE bound JSON value, not 14 values a row: Prisma's handling of each bound value cost
 * more than the insert itself (decision 036). The dates are the same for every row and bound
 * once, as `queueMail` binds them, so they are stored exactly as Prisma stores dates.
 *
 * Every row is checked as `queueMail` checks it; a row whose address is malformed is left out
 * and returned in `refused` (the caller counts it as unreachable). Returns how many rows were
 * inserted (a key already queued inserts nothing).
 */
export async function queueMails(
  tx: TransactionClient | Db,
  provider: 'sqlite' | 'postgresql',
  inputs: readonly QueuedMail[],
  now = new Date(),
): Promise<{ inserted: number; refused: QueuedMail[] }> {
  const refused: QueuedMail[] = []
  const rows: { id: string; idempotencyKey: string; kind: string; userId: string | null; toAddress: string; toName: string; subject: string; text: string; html: string; sensitive: boolean }[] = []
  for (const input of inputs) {
    const parsed = queuedMailSchema.safeParse(input)
    if (!parsed.success) {
      refused.push(input)
      continue
    }
    const mail = parsed.data
    if (mail.expiresAt) throw new Error('queueMails: messages with an expiry are queued one by one (queueMail)')
    rows.push({ id: timeOrderedUuid(), idempotencyKey: mail.idempotencyKey, kind: mail.kind, userId: mail.userId, toAddress: mail.to, toName: mail.toName, subject: mail.subject, text: mail.text, html: mail.html, sensitive: mail.sensitive })
  }
  let inserted = 0
  for (let start = 0; start < rows.length; start += QUEUE_BATCH) {
    const json = JSON.stringify(rows.slice(start, start + QUEUE_BATCH))
    inserted +=
      provider === 'postgresql'
        ? await tx.$executeRaw`INSERT INTO "outbox_message"
              ("id", "idempotencyKey", "kind", "userId", "toAddress", "toName", "subject", "text", "html", "sensitive",
               "attempts", "nextAttemptAt", "expiresAt", "createdAt", "updatedAt")
            SELECT r."id", r."idempotencyKey", r."kind", r."userId", r."toAddress", r."toName", r."subject", r."text", r."html", r."sensitive",
               0, CAST(${now} AS TIMESTAMP(3)), NULL, CAST(${now} AS TIMESTAMP(3)), CAST(${now} AS TIMESTAMP(3))
            FROM json_to_recordset(CAST(${json} AS JSON)) AS r("id" TEXT, "idempotencyKey" TEXT, "kind" TEXT, "userId" TEXT, "toAddress" TEXT,
               "toName" TEXT, "subject" TEXT, "text" TEXT, "html" TEXT, "sensitive" BOOLEAN)
            ON CONFLICT ("idempotencyKey") DO NOTHING`
        : // SQLite: json_each over the array; "WHERE true" keeps ON CONFLICT from being read as a join's ON.
          await tx.$executeRaw`INSERT INTO "outbox_message"
              ("id", "idempotencyKey", "kind", "userId", "toAddress", "toName", "subject", "text", "html", "sensitive",
               "attempts", "nextAttemptAt", "expiresAt", "createdAt", "updatedAt")
            SELECT r.value ->> 'id', r.value ->> 'idempotencyKey', r.value ->> 'kind', r.value ->> 'userId', r.value ->> 'toAddress',
               r.value ->> 'toName', r.value ->> 'subject', r.value ->> 'text', r.value ->> 'html', r.value ->> 'sensitive',
               0, ${now}, NULL, ${now}, ${now}
            FROM json_each(${json}) AS r WHERE true
            ON CONFLICT ("idempotencyKey") DO NOTHING`
  }
  return { inserted, refused }
}
