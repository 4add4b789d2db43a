import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { databaseProvider, db } from '@/lib/db/db.server'
import {
  applyNextBatch,
  BATCH_SIZE,
  cancelAssignment,
  claimNextAssignment,
  getAssignment,
  LEASE_MS,
  recentAssignments,
  runClaimedAssignment,
  startAssignment,
} from '@/lib/hr/assignment-jobs.server'
import { createCohort } from '@/lib/hr/cohorts.server'
import { seedUser } from '@/prisma/seed/seeders'
import { refusal, seedAgencies } from './helpers'

// Decision 049: a large assignment is a job applied in batches of BATCH_SIZE people, each batch
// one transaction with the job's cursor; a crash resumes, a cancel stops, one at a time per agency.

const PEOPLE = BATCH_SIZE * 2 + 17
let hr: { id: string; agencyId: string }
let operator: { id: string; agencyId: string; unitIds: string[] }
let otherHr: { id: string; agencyId: string }
let unitA: string
let nips: string[]

function nipOf(index: number) {
  return `1985010120100${String(index).padStart(5, '0')}`
}

beforeAll(async () => {
  const { agency, otherAgency } = await seedAgencies()
  unitA = agency.units[0]!.id
  const officer = await seedUser(db, { name: 'HR Penetapan', email: 'hr-penetapan@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })
  hr = { id: officer.id, agencyId: agency.id }
  const unitOfficer = await seedUser(db, { name: 'Operator Unit', email: 'op-penetapan@contoh.go.id', password: 'Kata-sandi-benar-9', agencyId: agency.id })
  operator = { id: unitOfficer.id, agencyId: agency.id, unitIds: [unitA] }
  const other = await seedUser(db, { name: 'HR Lain', email: 'hr-lain-penetapan@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: otherAgency.id })
  otherHr = { id: other.id, agencyId: otherAgency.id }
  nips = Array.from({ length: PEOPLE }, (_, i) => nipOf(i))
  await db.user.createMany({
    data: nips.map((nip, i) => ({
      id: `person-${String(i).padStart(5, '0')}`,
      name: `Peserta ${i}`,
      email: `peserta-${i}@contoh.go.id`,
      nip,
      employmentType: i % 3 === 0 ? ('PPPK' as const) : ('PNS' as const),
      agencyId: agency.id,
      unitId: i % 2 === 0 ? unitA : null,
      identityStatus: 'verified' as const,
    })),
  })
})

async function enrolledIn(cohortId: string) {
  return db.enrolment.count({ where: { cohortId } })
}

/** The dashboard's kept counts for a cohort (decision 033/044) against the rows themselves. */
async function keptCount(cohortId: string) {
  const kept = await db.enrolmentCount.aggregate({ where: { cohortId }, _sum: { n: true } })
  return kept._sum.n ?? 0
}

async function audits(action: string, jobId: string) {
  const rows = await db.auditLog.findMany({ where: { action } })
  return rows.filter((row) => (JSON.parse(row.details) as { jobId?: string }).jobId === jobId)
}

describe('assignments as background jobs (decision 049)', () => {
  it('applies a large assignment batch by batch; a runner that died is taken over after its lease, and nothing is applied twice', async () => {
    const cohort = await createCohort(hr, { kind: 'onboarding', year: 2026, name: 'Orientasi besar', dueDate: new Date('2026-12-31') })
    const outcome = await startAssignment(hr, cohort.id, { target: 'semua' }, { inlineLimit: 10 })
    expect(outcome.state).toBe('running')
    const total = (await getAssignment(hr, outcome.jobId)).total
    expect(total).toBeGreaterThanOrEqual(PEOPLE)
    expect(await audits('cohort.assignment_queued', outcome.jobId)).toHaveLength(1)

    expect(await claimNextAssignment('runner-a')).toBe(outcome.jobId)
    expect(await claimNextAssignment('runner-b')).toBeNull()
    expect(await applyNextBatch(outcome.jobId, 'runner-a')).toMatchObject({ state: 'more', progressed: true })
    const afterOne = await getAssignment(hr, outcome.jobId)
    expect(afterOne).toMatchObject({ status: 'running', processed: BATCH_SIZE })
    expect(await enrolledIn(cohort.id)).toBe(BATCH_SIZE)
    expect(await keptCount(cohort.id)).toBe(BATCH_SIZE)

    // Runner A stops renewing (its process died); once its lease has run out, B takes over.
    const later = new Date(Date.now() + LEASE_MS + 1000)
    expect(await claimNextAssignment('runner-b', later)).toBe(outcome.jobId)
    expect(await applyNextBatch(outcome.jobId, 'runner-a')).toEqual({ state: 'lost' })
    expect(await enrolledIn(cohort.id)).toBe(BATCH_SIZE)
    expect(await runClaimedAssignment(outcome.jobId, 'runner-b')).toBe('done')

    const done = await getAssignment(hr, outcome.jobId)
    expect(done).toMatchObject({ status: 'done', processed: total, counts: { added: total, moved: 0, already: 0, certified: 0 } })
    expect(await enrolledIn(cohort.id)).toBe(total)
    expect(await keptCount(cohort.id)).toBe(total)
    const perPerson = await db.enrolment.groupBy({ by: ['userId'], where: { cohortId: cohort.id }, _count: { _all: true } })
    expect(perPerson.every((row) => row._count._all === 1)).toBe(true)
    const [assigned, ...more] = await audits('cohort.assigned', outcome.jobId)
    expect(more).toHaveLength(0)
    expect(JSON.parse(assigned!.details)).toMatchObject({ added: total, moved: 0, target: 'semua' })
    expect(assigned!.actorId).toBe(hr.id)
    // Finished: the agency may start the next one.
    expect((await db.assignmentJob.findUniqueOrThrow({ where: { id: outcome.jobId } })).activeAgencyId).toBeNull()
  })

  it('moves people in the background from another cohort of the cycle, and the HR list shows it', async () => {
    const from = await db.cohort.findFirstOrThrow({ where: { name: 'Orientasi besar' } })
    const to = await createCohort(hr, { kind: 'onboarding', year: 2026, name: 'Orientasi gelombang 2', dueDate: new Date('2026-12-31') })
    const outcome = await startAssignment(hr, to.id, { target: 'semua' }, { inlineLimit: 10 })
    expect((await recentAssignments(hr)).map((job) => job.id)).toContain(outcome.jobId)
    const claimed = await claimNextAssignment('runner-c')
    expect(claimed).toBe(outcome.jobId)
    expect(await runClaimedAssignment(outcome.jobId, 'runner-c')).toBe('done')
    const moved = await getAssignment(hr, outcome.jobId)
    expect(moved.counts.moved).toBe(moved.total)
    expect(await enrolledIn(from.id)).toBe(0)
    expect(await keptCount(from.id)).toBe(0)
    expect(await keptCount(to.id)).toBe(moved.total)
  })

  it('allows one active assignment per agency, and stops one on "Hentikan" keeping what was done', async () => {
    const cohort = await createCohort(hr, { kind: 'refresher', year: 2027, name: 'Penyegaran 2027 besar', dueDate: new Date('2027-12-31') })
    const outcome = await startAssignment(hr, cohort.id, { target: 'semua' }, { inlineLimit: 10 })
    const second = await refusal(startAssignment(hr, cohort.id, { target: 'unit', unitId: unitA }, { inlineLimit: 10 }))
    expect(second.status).toBe(409)
    expect(second.message).toContain('Penetapan lain')

    // Another agency is not held up, and cannot see or stop this one.
    const foreign = await createCohort(otherHr, { kind: 'onboarding', year: 2026, name: 'Orientasi instansi lain', dueDate: new Date('2026-12-31') })
    expect((await startAssignment(otherHr, foreign.id, { target: 'semua' })).state).toBe('done')
    expect((await refusal(getAssignment(otherHr, outcome.jobId))).status).toBe(404)
    expect((await refusal(cancelAssignment(otherHr, outcome.jobId))).status).toBe(404)
    // A unit operator may stop only their own assignments.
    expect((await refusal(cancelAssignment(operator, outcome.jobId))).status).toBe(404)

    expect(await claimNextAssignment('runner-d')).toBe(outcome.jobId)
    expect(await applyNextBatch(outcome.jobId, 'runner-d')).toMatchObject({ state: 'more' })
    const stopped = await cancelAssignment(hr, outcome.jobId)
    expect(stopped).toMatchObject({ processed: BATCH_SIZE })
    expect(await applyNextBatch(outcome.jobId, 'runner-d')).toEqual({ state: 'lost' })
    expect(await enrolledIn(cohort.id)).toBe(BATCH_SIZE)
    expect(await keptCount(cohort.id)).toBe(BATCH_SIZE)
    expect(await getAssignment(hr, outcome.jobId)).toMatchObject({ status: 'cancelled', processed: BATCH_SIZE, counts: { added: BATCH_SIZE } })
    expect(await audits('cohort.assignment_cancelled', outcome.jobId)).toHaveLength(1)
    expect(await audits('cohort.assigned', outcome.jobId)).toHaveLength(0)
    expect((await refusal(cancelAssignment(hr, outcome.jobId))).status).toBe(409)

    // The agency is free again: the rest can be assigned (only the ones not yet in the cohort are added).
    const rest = await startAssignment(hr, cohort.id, { target: 'semua' }, { inlineLimit: 10 })
    expect(await claimNextAssignment('runner-d')).toBe(rest.jobId)
    expect(await runClaimedAssignment(rest.jobId, 'runner-d')).toBe('done')
    const after = await getAssignment(hr, rest.jobId)
    expect(after.counts).toMatchObject({ already: BATCH_SIZE, added: after.total - BATCH_SIZE })
  })

  it('works through a NIP list in the background: unknown NIPs reported, someone who left meanwhile skipped', async () => {
    const cohort = await createCohort(hr, { kind: 'refresher', year: 2028, name: 'Penyegaran 2028 daftar', dueDate: new Date('2028-12-31') })
    const list = [...nips.slice(0, BATCH_SIZE + 5), '199001012015019999', '199001012015019998']
    const outcome = await startAssignment(hr, cohort.id, { target: 'nip', nips: list }, { inlineLimit: 10 })
    expect(outcome).toMatchObject({ state: 'running', total: BATCH_SIZE + 5 })
    // One of the listed people moves to the other agency before their batch runs.
    const leaver = await db.user.findFirstOrThrow({ where: { nip: nips[BATCH_SIZE + 2] } })
    await db.user.update({ where: { id: leaver.id }, data: { agencyId: otherHr.agencyId, unitId: null } })

    expect(await claimNextAssignment('runner-e')).toBe(outcome.jobId)
    expect(await runClaimedAssignment(outcome.jobId, 'runner-e')).toBe('done')
    const done = await getAssignment(hr, outcome.jobId)
    expect(done).toMatchObject({ status: 'done', processed: BATCH_SIZE + 5, counts: { added: BATCH_SIZE + 4 } })
    expect(done.counts.unknownNips).toEqual(['199001012015019999', '199001012015019998'])
    expect(await db.enrolment.count({ where: { cohortId: cohort.id, userId: leaver.id } })).toBe(0)
    expect(await keptCount(cohort.id)).toBe(BATCH_SIZE + 4)
  })

  it("keeps a unit operator's background assignment to their units", async () => {
    const cohort = await createCohort(hr, { kind: 'refresher', year: 2029, name: 'Penyegaran 2029 unit', dueDate: new Date('2029-12-31') })
    const outcome = await startAssignment(operator, cohort.id, { target: 'semua' }, { inlineLimit: 10 })
    expect(outcome.state).toBe('running')
    expect((await getAssignment(operator, outcome.jobId)).mine).toBe(true)
    expect(await claimNextAssignment('runner-f')).toBe(outcome.jobId)
    expect(await runClaimedAssignment(outcome.jobId, 'runner-f')).toBe('done')
    const outside = await db.enrolment.count({ where: { cohortId: cohort.id, user: { OR: [{ unitId: null }, { unitId: { not: unitA } }] } } })
    expect(outside).toBe(0)
    expect(await enrolledIn(cohort.id)).toBe((await getAssignment(operator, outcome.jobId)).counts.added)
    expect(await enrolledIn(cohort.id)).toBeGreaterThan(BATCH_SIZE / 2)
  })

  it.skipIf(databaseProvider !== 'postgresql')('never waits on a learner holding a person: the batch stops before them and the next one takes them', async () => {
    const cohort = await createCohort(hr, { kind: 'refresher', year: 2030, name: 'Penyegaran 2030 kunci', dueDate: new Date('2030-12-31') })
    const outcome = await startAssignment(hr, cohort.id, { target: 'semua' }, { inlineLimit: 10 })
    const [first, second] = await db.user.findMany({ where: { agencyId: hr.agencyId, nip: { not: null } }, orderBy: { id: 'asc' }, take: 2, select: { id: true } })
    // A learner's lesson save in progress on another connection: it holds their person row, as
    // refresh_enrolment_lesson_facts does before it updates their enrolment.
    const learner = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await learner.connect()
    try {
      await learner.query('BEGIN')
      await learner.query('SELECT 1 FROM "user" WHERE "id" = $1 FOR NO KEY UPDATE', [first!.id])
      expect(await claimNextAssignment('runner-g')).toBe(outcome.jobId)
      expect(await applyNextBatch(outcome.jobId, 'runner-g')).toEqual({ state: 'more', progressed: false })
      expect(await enrolledIn(cohort.id)).toBe(0)
      // The learner now holds the second person; the first is free: the batch does just the first.
      await learner.query('COMMIT')
      await learner.query('BEGIN')
      await learner.query('SELECT 1 FROM "user" WHERE "id" = $1 FOR NO KEY UPDATE', [second!.id])
      expect(await applyNextBatch(outcome.jobId, 'runner-g')).toEqual({ state: 'more', progressed: true })
      expect(await db.enrolment.findMany({ where: { cohortId: cohort.id }, select: { userId: true } })).toEqual([{ userId: first!.id }])
      await learner.query('COMMIT')
    } finally {
      await learner.end()
    }
    expect(await runClaimedAssignment(outcome.jobId, 'runner-g')).toBe('done')
    const done = await getAssignment(hr, outcome.jobId)
    expect(done).toMatchObject({ status: 'done', processed: done.total, counts: { added: done.total } })
    expect(await keptCount(cohort.id)).toBe(done.total)
  })
})
