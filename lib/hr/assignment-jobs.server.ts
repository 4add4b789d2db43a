import 'server-only'
import { VISIBLE_PERSON_WHERE } from './visible-people.server'
import { randomUUID } from 'node:crypto'
import { COUNTED_PERSON_WHERE } from './counted-person'
import { cycleKeyOf } from './cohort-form'
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  MAX_ASSIGNMENT_FAILURES,
  retryDelayMs,
  type AssignmentCounts,
  type AssignmentStatus,
  type AssignmentTarget,
} from './assignment-summary'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db, databaseProvider } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import type { Prisma } from '@/lib/db/generated/sqlite/client'
import { env } from '@/lib/env.server'
import { AppError } from '@/lib/errors/app-error'
import { logger } from '@/lib/observability/log.server'
import { backgroundTurn } from '@/lib/roster/next-turn'

/**
 * Cohort assignments as jobs applied in short batches (decision 049).
 *
 * HR's "put everyone into this cohort" used to be one transaction: a ministry of 80,000 people
 * held SQLite's only write connection for most of a minute, and on PostgreSQL locked every one of
 * their rows (so their own lesson saves waited) and could outrun any timeout. Now the request
 * records a job, and a runner applies it a batch of people at a time (in id order), each batch
 * one transaction that also advances the job's cursor and counts. So:
 * - a crash loses nothing and repeats nothing: the next runner continues after the cursor;
 * - learners wait for one batch at most (~0.1–0.3 s), never for the whole assignment;
 * - HR sees the progress, and may stop an assignment (what is done stays, and is audited).
 * Small assignments (up to ASSIGN_INLINE_LIMIT people) run all their batches in the request, so HR gets
 * the result at once as before. One active assignment per agency (`activeAgencyId` is unique).
 */

/** HR (the whole agency), or a unit operator limited to `unitIds` (decision 037). */
export type Officer = { id: string; agencyId: string; unitIds?: readonly string[] | null }

export type AssignTarget =
  | { target: 'semua' }
  | { target: 'tanpa-kelompok' }
  | { target: 'unit'; unitId: string }
  | { target: 'nip'; nips: string[] }

export type AssignmentOutcome =
  | { state: 'done'; jobId: string; total: number; result: AssignmentCounts }
  | { state: 'running'; jobId: string; total: number }

/**
 * People per batch; one batch is one transaction, and a learner whose person is in it waits for
 * it (their lesson save locks their person row, which the batch holds). On PostgreSQL a batch's
 * statements each take a round trip, so 250 people took 0.2–0.45 s at load 9–12 and learners'
 * saves a p99 of 240–520 ms (bench:assign, 8,000 people); 100 people: 0.11–0.16 s and p99
 * 150–210 ms, for an assignment 30–80 % longer in the background. On SQLite 250 people take
 * ~0.1 s and learners' p99 stays at what it is without an assignment; 100 only doubled the time.
 */
export const BATCH_SIZE = databaseProvider === 'postgresql' ? 100 : 250
// Up to env.ASSIGN_INLINE_LIMIT people (default 2000) the request applies the whole assignment itself.
/** A runner's hold on a job; renewed by every batch, so only a dead (or stuck) runner loses it. */
export const LEASE_MS = 60_000
/** A person's NIP list (target "nip") is cut at this many entries, as the form and upload say. */
const MAX_NIPS = 5000
// Ids per query stay well under the database drivers' limits on bound parameters.
const CHUNK = 500

type Job = NonNullable<Awaited<ReturnType<typeof db.assignmentJob.findUnique>>>
type Tx = Prisma.TransactionClient

function personWhere(job: Pick<Job, 'agencyId' | 'target' | 'targetUnitId' | 'scopeUnitIds'>) {
  const unitIds = job.scopeUnitIds ? (JSON.parse(job.scopeUnitIds) as string[]) : null
  return {
    agencyId: job.agencyId,
    ...COUNTED_PERSON_WHERE,
    // Not the people of an import still writing (decision 053).
    AND: [VISIBLE_PERSON_WHERE],
    ...(unitIds ? { unitId: { in: unitIds } } : {}),
    ...(job.target === 'unit' ? { unitId: job.targetUnitId ?? '' } : {}),
    ...(job.target === 'tanpa-kelompok' ? { enrolments: { none: {} } } : {}),
  }
}

/**
 * Checks the cohort (and unit) against the officer, records the job, and applies it at once when
 * it is small; otherwise the runner of this instance starts on it. A second assignment while the
 * agency's first one is still running is refused (409): they could move the same people.
 */
export async function startAssignment(
  officer: Officer,
  cohortId: string,
  target: AssignTarget,
  options: { inlineLimit?: number } = {},
): Promise<AssignmentOutcome> {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId } })
  if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  const scopeUnitIds = officer.unitIds ? [...officer.unitIds] : null
  if (target.target === 'unit') {
    const unit = await db.unit.findUnique({ where: { id: target.unitId } })
    if (!unit || unit.agencyId !== officer.agencyId || (scopeUnitIds && !scopeUnitIds.includes(unit.id))) {
      throw new AppError(404, 'Unit kerja tidak ditemukan.')
    }
  }
  const shape = {
    agencyId: officer.agencyId,
    target: target.target,
    targetUnitId: target.target === 'unit' ? target.unitId : null,
    scopeUnitIds: scopeUnitIds ? JSON.stringify(scopeUnitIds) : null,
  }
  let personIds: string[] | null = null
  let unknownNips: string[] = []
  let total: number
  if (target.target === 'nip') {
    const nips = [...new Set(target.nips.slice(0, MAX_NIPS))]
    const found: { id: string; nip: string | null }[] = []
    for (let start = 0; start < nips.length; start += CHUNK) {
      found.push(...(await db.user.findMany({ where: { ...personWhere(shape), nip: { in: nips.slice(start, start + CHUNK) } }, select: { id: true, nip: true } })))
    }
    const foundNips = new Set(found.map((person) => person.nip))
    unknownNips = nips.filter((nip) => !foundNips.has(nip))
    personIds = found.map((person) => person.id).sort()
    total = personIds.length
  } else {
    total = await db.user.count({ where: personWhere(shape) })
  }

  const inline = total <= (options.inlineLimit ?? env.ASSIGN_INLINE_LIMIT)
  const claimer = `request:${randomUUID()}`
  const now = new Date()
  let job: Job
  try {
    job = await db.$transaction(async (tx) => {
      const created = await tx.assignmentJob.create({
        data: {
          ...shape,
          cohortId: cohort.id,
          officerId: officer.id,
          personIds: personIds ? JSON.stringify(personIds) : null,
          unknownNips: unknownNips.length ? JSON.stringify(unknownNips) : null,
          total,
          activeAgencyId: officer.agencyId,
          ...(inline ? { status: 'running', claimedBy: claimer, claimedUntil: new Date(now.getTime() + LEASE_MS), startedAt: now } : {}),
        },
      })
      if (!inline) {
        await auditLogCreate(
          {
            action: 'cohort.assignment_queued',
            actorId: officer.id,
            agencyId: officer.agencyId,
            targetType: 'cohort',
            targetId: cohort.id,
            details: { jobId: created.id, target: target.target, total },
          },
          tx,
        )
      }
      return created
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'Penetapan lain di instansi Anda masih berjalan. Tunggu sampai selesai (lihat kemajuannya di halaman Kelompok), atau hentikan dulu.')
    }
    throw error
  }

  if (!inline) {
    wakeAssignmentRunner()
    return { state: 'running', jobId: job.id, total }
  }
  try {
    for (;;) {
      const step = await applyNextBatch(job.id, claimer)
      if (step.state === 'done') return { state: 'done', jobId: job.id, total, result: step.result }
      if (step.state !== 'more') break
      await betweenBatches(step)
    }
  } catch (error) {
    // What was applied stays; the runner takes the rest over (and fails the job after retries).
    await recordFailure(job.id, claimer, error)
    wakeAssignmentRunner()
  }
  return { state: 'running', jobId: job.id, total }
}

type BatchStep = { state: 'more'; progressed: boolean } | { state: 'done'; result: AssignmentCounts } | { state: 'lost' }

/**
 * One batch of a job held by `claimer`, in one transaction: renews the lease (only if the job is
 * still this claimer's and still running: a cancelled or taken-over job stops here), puts the
 * next people after the cursor into the cohort (or moves them there from another cohort of the
 * cycle, unless that enrolment earned its certificate), and records the cursor and counts. The
 * last batch marks the job done and writes the audit entry HR's assignment always had.
 */
export async function applyNextBatch(jobId: string, claimer: string, now = new Date()): Promise<BatchStep> {
  return db.$transaction(
    async (tx) => {
      const held = await tx.assignmentJob.updateMany({
        where: { id: jobId, claimedBy: claimer, status: 'running' },
        data: { claimedUntil: new Date(now.getTime() + LEASE_MS) },
      })
      if (held.count === 0) return { state: 'lost' } as const
      const job = await tx.assignmentJob.findUniqueOrThrow({ where: { id: jobId }, include: { cohort: { select: { kind: true, year: true } } } })
      const next = await nextPeople(tx, job, BATCH_SIZE)
      const cycleKey = cycleKeyOf(job.cohort.kind, job.cohort.year)
      const wanted = next.present ? next.candidates.filter((id) => next.present!.has(id)) : next.candidates
      const locked = await lockPeople(tx, cycleKey, wanted)
      // The batch goes as far as the first person a learner's own transaction holds right now
      // (PostgreSQL); the rest waits for the next batch, so the batch never waits on a learner.
      const stop = next.candidates.findIndex((id) => (!next.present || next.present.has(id)) && !locked.ready.has(id))
      const handled = stop < 0 ? next.candidates : next.candidates.slice(0, stop)
      const handledSet = new Set(handled)
      const counts = await assignBatch(tx, job, cycleKey, handled.filter((id) => locked.ready.has(id)), locked.existing.filter((e) => handledSet.has(e.userId)))
      const last = stop < 0 && next.last
      const totals = {
        added: job.added + counts.added,
        moved: job.moved + counts.moved,
        certified: job.certified + counts.certified,
        already: job.already + counts.already,
      }
      await tx.assignmentJob.update({
        where: { id: jobId },
        data: {
          ...totals,
          processed: job.processed + handled.length,
          cursor: handled.at(-1) ?? job.cursor,
          failures: 0,
          error: null,
          ...(last ? { status: 'done', activeAgencyId: null, claimedBy: null, claimedUntil: null, finishedAt: now } : {}),
        },
      })
      if (!last) return { state: 'more', progressed: handled.length > 0 } as const
      const unknownNips = job.unknownNips ? (JSON.parse(job.unknownNips) as string[]) : []
      await auditLogCreate(
        {
          action: 'cohort.assigned',
          actorId: job.officerId,
          agencyId: job.agencyId,
          targetType: 'cohort',
          targetId: job.cohortId,
          details: { jobId, target: job.target, ...totals, unknownNips: unknownNips.length },
        },
        tx,
      )
      return { state: 'done', result: { ...totals, unknownNips } } as const
    },
    { timeout: 30_000, maxWait: 15_000 },
  )
}

type NextPeople = { candidates: string[]; present: Set<string> | null; last: boolean }

/**
 * The next people after the job's cursor, in id order. `candidates` all move the cursor on;
 * `present` (target "nip") says which of them are still of the agency (someone may have left
 * since the job began; null: all are), and `last` whether this is the job's last batch.
 */
async function nextPeople(tx: Tx, job: Job, batchSize: number): Promise<NextPeople> {
  if (job.personIds) {
    const all = JSON.parse(job.personIds) as string[]
    const from = job.cursor ? all.findIndex((id) => id > job.cursor!) : 0
    const candidates = from < 0 ? [] : all.slice(from, from + batchSize)
    const still = candidates.length ? await tx.user.findMany({ where: { ...personWhere(job), id: { in: candidates } }, select: { id: true } }) : []
    return { candidates, present: new Set(still.map((person) => person.id)), last: from < 0 || from + candidates.length >= all.length }
  }
  const rows = await tx.user.findMany({
    where: { ...personWhere(job), ...(job.cursor ? { id: { gt: job.cursor } } : {}) },
    orderBy: { id: 'asc' },
    take: batchSize,
    select: { id: true },
  })
  return { candidates: rows.map((row) => row.id), present: null, last: rows.length < batchSize }
}

type ExistingEnrolment = { id: string; userId: string; cohortId: string; certified: boolean }

/**
 * The people's enrolments in the cycle, and which people the batch may write. On PostgreSQL the
 * batch first locks the people's rows, then their enrolments, each `SKIP LOCKED`: a learner's
 * lesson save locks their person row and then their enrolment, a quiz submission the enrolment
 * and then the person, so a batch that waited for either could deadlock with one of them
 * (bench:assign did, aborting learners' saves). A person whose row or enrolment a learner holds is
 * not ready; the batch stops before them and the next one takes them. SQLite writes one
 * transaction at a time: everyone is ready.
 */
async function lockPeople(tx: Tx, cycleKey: string, userIds: string[]): Promise<{ existing: ExistingEnrolment[]; ready: Set<string> }> {
  if (userIds.length === 0) return { existing: [], ready: new Set() }
  if (databaseProvider === 'postgresql') {
    const people = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "user" WHERE "id" = ANY(${userIds}) ORDER BY "id" FOR NO KEY UPDATE SKIP LOCKED`
    const lockedPeople = people.map((person) => person.id)
    const all = await tx.$queryRaw<{ userId: string }[]>`SELECT "userId" FROM "enrolment" WHERE "cycleKey" = ${cycleKey} AND "userId" = ANY(${lockedPeople})`
    const existing = await tx.$queryRaw<ExistingEnrolment[]>`SELECT e."id", e."userId", e."cohortId", (c."id" IS NOT NULL) AS "certified"
      FROM "enrolment" e LEFT JOIN "certificate" c ON c."enrolmentId" = e."id"
      WHERE e."cycleKey" = ${cycleKey} AND e."userId" = ANY(${lockedPeople})
      ORDER BY e."id" FOR UPDATE OF e SKIP LOCKED`
    const lockedEnrolment = new Set(existing.map((enrolment) => enrolment.userId))
    const busy = new Set(all.map((row) => row.userId).filter((userId) => !lockedEnrolment.has(userId)))
    return { existing, ready: new Set(lockedPeople.filter((id) => !busy.has(id))) }
  }
  const existing: ExistingEnrolment[] = []
  for (let start = 0; start < userIds.length; start += CHUNK) {
    const rows = await tx.enrolment.findMany({
      where: { cycleKey, userId: { in: userIds.slice(start, start + CHUNK) } },
      select: { id: true, userId: true, cohortId: true, certificate: { select: { id: true } } },
    })
    existing.push(...rows.map((row) => ({ id: row.id, userId: row.userId, cohortId: row.cohortId, certified: row.certificate !== null })))
  }
  return { existing, ready: new Set(userIds) }
}

/**
 * Puts `userIds` into the job's cohort: new enrolments for people with none in the cycle, a move
 * for those in another cohort of the cycle without a certificate; the certified stay where they
 * earned it (their certificate stays in their history).
 */
async function assignBatch(tx: Tx, job: Job, cycleKey: string, userIds: string[], existing: ExistingEnrolment[]) {
  const counts = { added: 0, moved: 0, certified: 0, already: 0 }
  if (userIds.length === 0) return counts
  const enrolled = new Set(existing.map((enrolment) => enrolment.userId))
  const toCreate = userIds.filter((id) => !enrolled.has(id))
  const toMove = existing.filter((enrolment) => enrolment.cohortId !== job.cohortId && !enrolment.certified).map((enrolment) => enrolment.id)
  counts.certified = existing.filter((enrolment) => enrolment.cohortId !== job.cohortId && enrolment.certified).length
  counts.already = existing.filter((enrolment) => enrolment.cohortId === job.cohortId).length
  for (let start = 0; start < toCreate.length; start += CHUNK) {
    const created = await tx.enrolment.createMany({
      data: toCreate.slice(start, start + CHUNK).map((userId) => ({ userId, cohortId: job.cohortId, cycleKey, assignedById: job.officerId })),
    })
    counts.added += created.count
  }
  for (let start = 0; start < toMove.length; start += CHUNK) {
    const moved = await tx.enrolment.updateMany({
      where: { id: { in: toMove.slice(start, start + CHUNK) } },
      data: { cohortId: job.cohortId, assignedById: job.officerId, assignedAt: new Date() },
    })
    counts.moved += moved.count
  }
  return counts
}

/**
 * A batch failed: the claim is let go and the job waits a little longer after each failure in a
 * row (`retryDelayMs`); after MAX_ASSIGNMENT_FAILURES it fails for good, releases the agency for
 * another assignment, and is audited. What earlier batches applied stays (HR sees how far it got).
 */
async function recordFailure(jobId: string, claimer: string, error: unknown, now = new Date()) {
  logger().error({ err: error, jobId }, 'assignment batch failed')
  await db.$transaction(async (tx) => {
    const job = await tx.assignmentJob.findUnique({ where: { id: jobId } })
    if (!job || job.claimedBy !== claimer || job.status !== 'running') return
    const failures = job.failures + 1
    if (failures < MAX_ASSIGNMENT_FAILURES) {
      await tx.assignmentJob.update({
        where: { id: jobId },
        data: { failures, claimedBy: null, claimedUntil: new Date(now.getTime() + retryDelayMs(failures)), error: 'Sempat gagal; dicoba lagi otomatis.' },
      })
      return
    }
    await tx.assignmentJob.update({
      where: { id: jobId },
      data: { failures, status: 'failed', activeAgencyId: null, claimedBy: null, claimedUntil: null, finishedAt: now, error: 'Gagal setelah beberapa kali dicoba. Orang yang sudah ditetapkan tetap di kelompok ini; coba tetapkan lagi.' },
    })
    await auditLogCreate(
      {
        action: 'cohort.assignment_failed',
        actorId: job.officerId,
        agencyId: job.agencyId,
        targetType: 'cohort',
        targetId: job.cohortId,
        details: { jobId, target: job.target, processed: job.processed, total: job.total, added: job.added, moved: job.moved },
      },
      tx,
    )
  })
}

/**
 * Takes the oldest job that is waiting, or whose runner's lease has run out (it died), for
 * `claimer`. One conditional UPDATE: of two runners claiming at once, one gets it (PostgreSQL
 * re-checks the condition on the row it waited for; SQLite writes one at a time).
 */
export async function claimNextAssignment(claimer: string, now = new Date()): Promise<string | null> {
  const free = { status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }] }
  for (;;) {
    const candidate = await db.assignmentJob.findFirst({ where: free, orderBy: { createdAt: 'asc' }, select: { id: true, startedAt: true } })
    if (!candidate) return null
    const claimed = await db.assignmentJob.updateMany({
      where: { id: candidate.id, ...free },
      data: { status: 'running', claimedBy: claimer, claimedUntil: new Date(now.getTime() + LEASE_MS), startedAt: candidate.startedAt ?? now },
    })
    if (claimed.count === 1) return candidate.id
  }
}

/**
 * Learners' requests go first (a background turn); after a batch that could do nothing because a
 * learner held the next person, a short pause instead of trying again at once.
 */
async function betweenBatches(step: { progressed: boolean }): Promise<void> {
  if (step.progressed) await backgroundTurn()
  else await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Runs a claimed job batch by batch, giving the event loop back between batches (learners first). */
export async function runClaimedAssignment(jobId: string, claimer: string): Promise<BatchStep['state'] | 'failed'> {
  for (;;) {
    let step: BatchStep
    try {
      step = await applyNextBatch(jobId, claimer)
    } catch (error) {
      await recordFailure(jobId, claimer, error)
      return 'failed'
    }
    if (step.state !== 'more') return step.state
    await betweenBatches(step)
  }
}

/**
 * HR stops an assignment ("Hentikan"): the batches applied stay, no further batch runs (each
 * batch checks the job is still running, in its own transaction). A unit operator may stop only
 * their own; HR any of the agency's. Audited with how far it got.
 */
export async function cancelAssignment(officer: Officer, jobId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const job = await tx.assignmentJob.findUnique({ where: { id: jobId }, include: { cohort: { select: { name: true } } } })
    if (!job || job.agencyId !== officer.agencyId || (officer.unitIds && job.officerId !== officer.id)) throw new AppError(404, 'Penetapan tidak ditemukan.')
    const stopped = await tx.assignmentJob.updateMany({
      where: { id: jobId, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } },
      data: { status: 'cancelled', activeAgencyId: null, claimedBy: null, claimedUntil: null, finishedAt: now },
    })
    if (stopped.count === 0) throw new AppError(409, 'Penetapan ini sudah tidak berjalan.')
    await auditLogCreate(
      {
        action: 'cohort.assignment_cancelled',
        actorId: officer.id,
        agencyId: officer.agencyId,
        targetType: 'cohort',
        targetId: job.cohortId,
        details: { jobId, target: job.target, processed: job.processed, total: job.total, added: job.added, moved: job.moved },
      },
      tx,
    )
    return { cohortName: job.cohort.name, processed: job.processed, total: job.total }
  })
}

export type AssignmentView = {
  id: string
  cohortId: string
  cohortName: string
  target: AssignmentTarget
  status: AssignmentStatus
  total: number
  processed: number
  counts: AssignmentCounts
  error: string | null
  createdAt: Date
  finishedAt: Date | null
  mine: boolean
}

function toView(job: Job & { cohort: { name: string } }, officer: Officer): AssignmentView {
  return {
    id: job.id,
    cohortId: job.cohortId,
    cohortName: job.cohort.name,
    target: job.target as AssignmentTarget,
    status: job.status as AssignmentStatus,
    total: job.total,
    processed: job.processed,
    counts: { added: job.added, moved: job.moved, certified: job.certified, already: job.already, unknownNips: job.unknownNips ? (JSON.parse(job.unknownNips) as string[]) : [] },
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    mine: job.officerId === officer.id,
  }
}

/** One assignment of the officer's agency (a unit operator: only their own), or 404. */
export async function getAssignment(officer: Officer, jobId: string): Promise<AssignmentView> {
  const job = await db.assignmentJob.findUnique({ where: { id: jobId }, include: { cohort: { select: { name: true } } } })
  if (!job || job.agencyId !== officer.agencyId || (officer.unitIds && job.officerId !== officer.id)) throw new AppError(404, 'Penetapan tidak ditemukan.')
  return toView(job, officer)
}

/** The agency's running assignment and the ones finished in the last 7 days, newest first (at most 5). */
export async function recentAssignments(officer: Officer, now = new Date()): Promise<AssignmentView[]> {
  const jobs = await db.assignmentJob.findMany({
    where: {
      agencyId: officer.agencyId,
      ...(officer.unitIds ? { officerId: officer.id } : {}),
      OR: [{ status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } }, { finishedAt: { gte: new Date(now.getTime() - 7 * 86_400_000) } }],
      // Assignments applied in the request were reported at once; the list is for the long ones.
      NOT: { status: 'done', total: { lte: env.ASSIGN_INLINE_LIMIT } },
    },
    orderBy: { createdAt: 'desc' },
    take: 5,
    include: { cohort: { select: { name: true } } },
  })
  return jobs.map((job) => toView(job, officer))
}

// On globalThis: Next may load this module more than once (instrumentation and the routes).
const holder = globalThis as unknown as { bbsAssignmentRunner?: AssignmentRunner }

export type AssignmentRunner = { wake(): Promise<void>; stop(): Promise<void> }

/**
 * This process's runner: looks for work every `everyMs` (a job left by a dead instance, or queued
 * by another) and at once when this process queues one. One job at a time per process; several
 * instances each run one, and the claim keeps a job to one of them.
 */
export function startAssignmentRunner(options: { everyMs?: number } = {}): AssignmentRunner {
  if (holder.bbsAssignmentRunner) return holder.bbsAssignmentRunner
  const claimer = `runner:${randomUUID()}`
  let running: Promise<void> | null = null
  let again = false
  const drain = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        for (;;) {
          const jobId = await claimNextAssignment(claimer)
          if (!jobId) break
          await runClaimedAssignment(jobId, claimer)
        }
      } while (again)
    })()
      .catch((error: unknown) => logger().error({ err: error }, 'assignment runner failed'))
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(() => void drain(), options.everyMs ?? 15_000)
  timer.unref?.()
  void drain()
  holder.bbsAssignmentRunner = {
    wake: drain,
    async stop() {
      clearInterval(timer)
      await running
      holder.bbsAssignmentRunner = undefined
    },
  }
  return holder.bbsAssignmentRunner
}

/** Starts this process's runner on a job just queued, if the runner runs here (the app's instrumentation starts it). */
export function wakeAssignmentRunner(): void {
  void holder.bbsAssignmentRunner?.wake()
}
