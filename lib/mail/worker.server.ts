import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Db } from '@/lib/db/create-client'
import type { OutboxMessage } from '@/lib/db/generated/sqlite/client'
import type { MailSender } from './mail-config'
import { redactSecrets } from './redact'
import { afterFailure, classifyFailure } from './retry'
import type { MailTransport } from './transport.server'

export type WorkerContext = {
  db: Db
  provider: 'sqlite' | 'postgresql'
  transport: MailTransport
  from: MailSender
  /** Who holds a claim (a random id per worker). */
  workerId?: string
  batchSize?: number
  /** How long a claim lasts: longer than a batch can take; a dead worker's claim then lapses. */
  leaseMs?: number
  now?: () => Date
}

export const DEFAULT_BATCH = 20
export const DEFAULT_LEASE_MS = 10 * 60_000
/** A message is not started this close to the end of its claim (its send may take this long). */
const LEASE_MARGIN_MS = 90_000

/**
 * Claims up to `batchSize` due messages for this worker, in one short transaction: pending, due,
 * and not claimed by anyone whose lease is still running. The claim itself is a lease
 * (`claimedUntil`): if the worker dies, another may take the messages once it has passed.
 *
 * PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` — two workers claiming at the same moment skip
 * each other's rows instead of waiting for them or taking them twice. SQLite: the transaction
 * begins IMMEDIATE (lib/db/sqlite-transaction-isolation.ts), so claims of several processes run
 * one after the other; one process normally delivers.
 * `attempts` counts here, so a message whose sending kills the worker still runs out of tries.
 */
export async function claimDue(ctx: WorkerContext, workerId: string): Promise<OutboxMessage[]> {
  const now = (ctx.now ?? (() => new Date()))()
  const batchSize = ctx.batchSize ?? DEFAULT_BATCH
  const claimedUntil = new Date(now.getTime() + (ctx.leaseMs ?? DEFAULT_LEASE_MS))
  // A plain read first: an idle poll opens no transaction (on SQLite one would take the write lock).
  const due = await ctx.db.outboxMessage.findFirst({
    where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }] },
    select: { id: true },
  })
  if (!due) return []
  return ctx.db.$transaction(async (tx) => {
    let ids: string[]
    if (ctx.provider === 'postgresql') {
      const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "outbox_message"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
        ORDER BY "nextAttemptAt", "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`
      ids = rows.map((row) => row.id)
    } else {
      const rows = await tx.outboxMessage.findMany({
        where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }] },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        take: batchSize,
        select: { id: true },
      })
      ids = rows.map((row) => row.id)
    }
    if (ids.length === 0) return []
    await tx.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { claimedBy: workerId, claimedUntil, attempts: { increment: 1 } } })
    return tx.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }] })
  })
}

export type BatchResult = { claimed: number; sent: number; retried: number; failed: number; expired: number; released: number }

/** `<id@domain of MAIL_FROM>`: the same on every retry of one message. */
export function messageIdOf(outboxId: string, from: MailSender): string {
  return `<${outboxId}@${from.address.split('@')[1] ?? 'localhost'}>`
}

/**
 * One round: claim a batch and deliver it message by message, recording each outcome as soon as
 * it is known (only under this worker's claim). If the worker dies, what it recorded stays, and
 * the rest of the batch goes to the next worker when the lease lapses: nothing is lost. The one
 * window for a duplicate is a death between the SMTP server's "250 OK" and that record; the
 * duplicate carries the same Message-ID.
 *
 * A connection-level failure (refused, timed out, dropped) is the server's, not the message's:
 * the rest of the batch is put back with the same backoff instead of each waiting its own timeout.
 */
export async function deliverBatch(ctx: WorkerContext): Promise<BatchResult> {
  const workerId = ctx.workerId ?? randomUUID()
  const clock = ctx.now ?? (() => new Date())
  const result: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, expired: 0, released: 0 }
  const batch = await claimDue(ctx, workerId)
  result.claimed = batch.length
  const mine = (message: OutboxMessage) => ({ id: message.id, claimedBy: workerId })

  for (let index = 0; index < batch.length; index++) {
    const message = batch[index]!
    const now = clock()
    if (message.claimedUntil && now.getTime() > message.claimedUntil.getTime() - LEASE_MARGIN_MS) {
      // Too late in the lease to start another: give the rest back untouched (the attempt it
      // counted is returned too).
      const rest = batch.slice(index).map((m) => m.id)
      const released = await ctx.db.outboxMessage.updateMany({
        where: { id: { in: rest }, claimedBy: workerId },
        data: { claimedBy: null, claimedUntil: null, attempts: { decrement: 1 } },
      })
      result.released += released.count
      break
    }
    if (message.expiresAt && message.expiresAt <= now) {
      await ctx.db.outboxMessage.updateMany({ where: mine(message), data: { status: 'expired', claimedBy: null, claimedUntil: null, lastError: 'Kedaluwarsa sebelum terkirim.' } })
      result.expired++
      continue
    }
    try {
      await ctx.transport.send({
        from: ctx.from,
        to: { name: message.toName, address: message.toAddress },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageIdOf(message.id, ctx.from),
      })
    } catch (error) {
      const outcome = afterFailure(error, message.attempts, clock())
      await ctx.db.outboxMessage.updateMany({ where: mine(message), data: { ...outcome, claimedBy: null, claimedUntil: null } })
      if (outcome.status === 'failed') result.failed++
      else result.retried++
      const responseCode = (error as { responseCode?: unknown }).responseCode
      if (typeof responseCode !== 'number' && !classifyFailure(error).permanent) {
        // The server is unreachable or stopped answering: the rest of the batch waits too.
        for (const other of batch.slice(index + 1)) {
          const deferred = afterFailure(error, other.attempts, clock())
          await ctx.db.outboxMessage.updateMany({ where: mine(other), data: { ...deferred, claimedBy: null, claimedUntil: null } })
          if (deferred.status === 'failed') result.failed++
          else result.retried++
        }
        break
      }
      continue
    }
    await ctx.db.outboxMessage.updateMany({
      where: mine(message),
      data: {
        status: 'sent',
        sentAt: clock(),
        claimedBy: null,
        claimedUntil: null,
        lastError: null,
        ...(message.sensitive ? { text: redactSecrets(message.text), html: redactSecrets(message.html) } : {}),
      },
    })
    result.sent++
  }
  return result
}

export type RunningWorker = { stop(): Promise<void>; wake(): void }

/**
 * Delivers until stopped: a round whenever the last one was full, otherwise after `pollMs` (or
 * at `wake()`). An error (the database restarting) is logged and the loop goes on. Its timers
 * do not keep the process alive.
 */
export function startWorker(ctx: WorkerContext, options: { pollMs?: number; log?: (line: string) => void } = {}): RunningWorker {
  const pollMs = options.pollMs ?? 5_000
  const log = options.log ?? ((line) => console.log(line))
  const workerId = ctx.workerId ?? `worker-${randomUUID()}`
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let wakeUp: (() => void) | undefined
  const pause = () =>
    new Promise<void>((resolve) => {
      wakeUp = resolve
      timer = setTimeout(resolve, pollMs)
      timer.unref?.()
    })
  const loop = (async () => {
    while (!stopped) {
      let full = false
      try {
        const round = await deliverBatch({ ...ctx, workerId })
        if (round.claimed > 0) log(`mail: ${JSON.stringify(round)}`)
        full = round.claimed >= (ctx.batchSize ?? DEFAULT_BATCH)
      } catch (error) {
        log(`mail: round failed: ${(error as Error).message}`)
      }
      if (!full && !stopped) await pause()
    }
  })()
  return {
    wake() {
      if (timer) clearTimeout(timer)
      wakeUp?.()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      wakeUp?.()
      await loop
      ctx.transport.close()
    },
  }
}
