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

/**
 * A message rendered once for a whole batch, with `nameToken` where each person's name goes (the
 * due-date reminder: only the greeting differs from person to person).
 */
export type MailTemplateForSql = { subject: string; text: string; html: string; nameToken: string }

/** A random token no template text contains, to render a template once with it as the name. */
export function newNameToken(): string {
  return `\u27e6penerima-${timeOrderedUuid().slice(-12)}\u27e7`
}

/**
 * Whether `template` can be filled in by SQL: the token is in the text and the HTML (as the name
 * is: the HTML escaping leaves the token alone) and not in the subject. Otherwise (a cohort name
 * that contains the token, a template without a greeting) the caller renders person by person.
 */
export function fillableInSql(template: MailTemplateForSql): boolean {
  return template.text.includes(template.nameToken) && template.html.includes(template.nameToken) && !template.subject.includes(template.nameToken)
}

/**
 * Queues one message a person for the people a query selects, set-based (decision 038): ONE
 * `INSERT … SELECT` that fills each person's name into the template in SQL (`replace`, with the
 * five escapes of `escapeHtml` for the HTML part), builds the idempotency key as
 * `keyPrefix || user id || keySuffix` and a time-ordered id, with `ON CONFLICT DO NOTHING` as
 * every queue. Nothing per person travels between the app and the database.
 *
 * `from` is `FROM … WHERE …` over a person aliased `u`; it must select only people whose name and
 * address go in unchanged (lib/mail/sql-predicates.server.ts: `headerSafeNameSql`,
 * `certainlyValidEmailSql`), exactly as `queueMails` would store them; the template must satisfy
 * `fillableInSql`. No expiry, not sensitive (reminders and notices). Returns the rows inserted.
 */
export async function queueTemplatedMails(
  tx: TransactionClient | Db,
  provider: 'sqlite' | 'postgresql',
  input: { kind: string; keyPrefix: string; keySuffix: string; template: MailTemplateForSql; from: Prisma.Sql },
  now = new Date(),
): Promise<number> {
  if (!fillableInSql(input.template)) throw new Error('queueTemplatedMails: the template does not carry its name token as expected')
  const kind = queuedMailSchema.shape.kind.parse(input.kind)
  const subject = headerSafe(input.template.subject, 250)
  const { text, html, nameToken } = input.template
  // A v7 id's first 15 characters are its millisecond time and version: bound once, the rest random in SQL.
  const idPrefix = timeOrderedUuid().slice(0, 15)
  const escapedName = Prisma.sql`replace(replace(replace(replace(replace(u."name", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`
  return provider === 'postgresql'
    ? tx.$executeRaw`INSERT INTO "outbox_message"
          ("id", "idempotencyKey", "kind", "userId", "toAddress", "toName", "subject", "text", "html", "sensitive",
           "attempts", "nextAttemptAt", "expiresAt", "createdAt", "updatedAt")
        SELECT CAST(${idPrefix} AS TEXT) || substr(CAST(gen_random_uuid() AS TEXT), 16),
           CAST(${input.keyPrefix} AS TEXT) || u."id" || CAST(${input.keySuffix} AS TEXT), CAST(${kind} AS TEXT), u."id", u."email", u."name",
           CAST(${subject} AS TEXT),
           replace(CAST(${text} AS TEXT), CAST(${nameToken} AS TEXT), u."name"),
           replace(CAST(${html} AS TEXT), CAST(${nameToken} AS TEXT), ${escapedName}),
           false, 0, CAST(${now} AS TIMESTAMP(3)), NULL, CAST(${now} AS TIMESTAMP(3)), CAST(${now} AS TIMESTAMP(3))
        ${input.from}
        ON CONFLICT ("idempotencyKey") DO NOTHING`
    : // SQLite: the random part of the id from randomblob, with the version-7 variant bits ("8"–"b").
      // The caller's WHERE keeps ON CONFLICT from being read as a join's ON.
      tx.$executeRaw`INSERT INTO "outbox_message"
          ("id", "idempotencyKey", "kind", "userId", "toAddress", "toName", "subject", "text", "html", "sensitive",
           "attempts", "nextAttemptAt", "expiresAt", "createdAt", "updatedAt")
        SELECT ${idPrefix} || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
             || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
           ${input.keyPrefix} || u."id" || ${input.keySuffix}, ${kind}, u."id", u."email", u."name", ${subject},
           replace(${text}, ${nameToken}, u."name"),
           replace(${html}, ${nameToken}, ${escapedName}),
           0, 0, ${now}, NULL, ${now}, ${now}
        ${input.from}
        ON CONFLICT ("idempotencyKey") DO NOTHING`
}
