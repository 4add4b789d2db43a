import { beforeAll, describe, expect, it } from 'vitest'
import { startAttempt, submitAttempt } from '@/lib/assessment/attempts.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import {
  enrolmentFactsFromScratch,
  ensureCurrentLessons,
  reconcileCurrentLessons,
  storedEnrolmentFacts,
  syncCurrentLessons,
  type EnrolmentFacts,
} from '@/lib/hr/enrolment-facts.server'
import {
  countEnrolmentRows,
  countEnrolmentRowsByGroup,
  countEnrolmentsFromSummary,
  dashboardSummary,
  enrolmentRowsPage,
  scoreAverages,
  type RowCount,
  type SummaryCount,
} from '@/lib/hr/enrolment-rows.server'
import { listCohorts } from '@/lib/hr/dashboard.server'
import { recordLessonProgress } from '@/lib/progress/progress.server'
import { seedUser } from '@/prisma/seed/seeders'
import { assignNow, seedAgencies, uniqueNip } from './helpers'

// Decision 033: each enrolment stores its facts (lessons done, time on task, post-test attempts,
// best score, first pass, pre-test score), kept by database triggers in the same transaction as
// every write. After every kind of write, whoever writes, the stored facts must equal the
// from-scratch computation over lesson_progress and quiz_attempt, on both providers.

const outline = getLessonOutline()
const [first, second, third] = outline
let agencyId: string
let officer: { id: string; agencyId: string }
let cohortId: string
let refresherId: string

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
  const hr = await seedUser(db, { name: 'Petugas Fakta', email: 'hr-fakta@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId })
  officer = { id: hr.id, agencyId }
  cohortId = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Fakta 2026' } })).id
  refresherId = (await db.cohort.create({ data: { agencyId, kind: 'refresher', year: 2027, name: 'Penyegaran Fakta 2027' } })).id
  await ensureCurrentLessons()
})

async function newLearner(label: string) {
  const nip = uniqueNip()
  const user = await seedUser(db, { name: `Peserta ${label}`, email: `${label}-${nip}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip, agencyId })
  return { id: user.id, agencyId, nip }
}

const countKey = (row: RowCount) => [row.cohortId, row.unitId, row.employmentType, row.identityStatus, row.status].join('|')
const sorted = (rows: RowCount[]) => [...rows].sort((a, b) => countKey(a).localeCompare(countKey(b)))

/** The dashboard's breakdowns (every cohort per status; one cohort per unit, employment type, identity) summed from the rows' counts. */
function breakdowns(rows: RowCount[], cohortId: string): SummaryCount[] {
  const sums = new Map<string, SummaryCount>()
  const add = (by: SummaryCount['by'], key: string | null, row: RowCount) => {
    const id = [by, key, row.status].join('|')
    const entry = sums.get(id) ?? { by, key, status: row.status as SummaryCount['status'], count: 0 }
    entry.count += row.count
    sums.set(id, entry)
  }
  for (const row of rows) {
    add('cohort', row.cohortId, row)
    if (row.cohortId !== cohortId) continue
    add('unit', row.unitId, row)
    add('employmentType', row.employmentType, row)
    add('identityStatus', row.identityStatus, row)
  }
  return [...sums.values()]
}
const summaryKey = (row: SummaryCount) => [row.by, row.key, row.status, row.count].join('|')
const sortedSummary = (rows: SummaryCount[]) => [...rows].sort((a, b) => summaryKey(a).localeCompare(summaryKey(b)))

/**
 * Stored equals recomputed for every enrolment of the database, and the dashboard's kept counts,
 * score sums and "in a cohort of the agency" flags equal the GROUP BY over the rows, for every
 * agency; returns the stored facts.
 */
async function expectFactsHold(): Promise<Map<string, EnrolmentFacts>> {
  const [stored, scratch] = await Promise.all([storedEnrolmentFacts(), enrolmentFactsFromScratch()])
  expect(stored.size).toBeGreaterThan(0)
  expect(stored).toEqual(scratch)
  const now = new Date()
  for (const { id } of await db.agency.findMany({ select: { id: true } })) {
    const byGroup = await countEnrolmentRowsByGroup({ agencyId: id, view: 'enrolments', now })
    expect(sorted(await countEnrolmentsFromSummary(id, now))).toEqual(sorted(byGroup))
    for (const cohort of await db.cohort.findMany({ where: { agencyId: id }, select: { id: true } })) {
      // The dashboard's one statement of breakdowns: the same sums.
      expect(sortedSummary((await dashboardSummary(id, cohort.id, now)).counts)).toEqual(sortedSummary(breakdowns(byGroup, cohort.id)))
      const kept = (await dashboardSummary(id, cohort.id)).scores
      const counted = await scoreAverages({ agencyId: id, view: 'enrolments', cohortId: cohort.id, now })
      expect(kept.postLearners).toBe(counted.postLearners)
      expect(kept.gainLearners).toBe(counted.gainLearners)
      for (const key of ['averageBestPost', 'averagePreOfGain', 'averagePostOfGain', 'averageGain'] as const) {
        if (counted[key] === null) expect(kept[key]).toBeNull()
        else expect(kept[key]).toBeCloseTo(counted[key]!, 6)
      }
    }
    // No cohort given: the agency's newest, the first of the dashboard's list (listCohorts).
    const [newest] = await listCohorts(id)
    expect(sortedSummary((await dashboardSummary(id, null, now)).counts)).toEqual(newest ? sortedSummary(breakdowns(byGroup, newest.id)) : [])
    if (newest) expect((await dashboardSummary(id, null)).scores).toEqual((await dashboardSummary(id, newest.id)).scores)
  }
  const flags = await db.user.findMany({
    select: { id: true, agencyId: true, enrolledInAgency: true, enrolments: { select: { cohort: { select: { agencyId: true } } } } },
  })
  for (const user of flags) expect([user.id, user.enrolledInAgency]).toEqual([user.id, user.enrolments.some((e) => e.cohort.agencyId === user.agencyId)])
  return stored
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

describe('stored enrolment facts', () => {
  it('equal the from-scratch facts after every kind of write, and hold the values the writes imply', async () => {
    const learner = await newLearner('fakta')
    const { added } = await assignNow(officer, cohortId, { target: 'nip', nips: [learner.nip] })
    expect(added).toBe(1)
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId: learner.id, cohortId } })
    const facts = async () => (await expectFactsHold()).get(enrolment.id)!
    expect(await facts()).toEqual({ lessonsDone: 0, activeSeconds: 0, postTestAttempts: 0, bestPostTestScore: null, preTestScore: null, passedAt: null })

    // Lesson saves through the app: heartbeats credit time on task.
    await recordLessonProgress(learner.id, first!, { heartbeat: 'start' }, minutesAgo(10))
    await recordLessonProgress(learner.id, first!, { heartbeat: 'beat' }, new Date(minutesAgo(10).getTime() + 15_000))
    expect(await facts()).toMatchObject({ lessonsDone: 0, activeSeconds: 15 })
    // A completion written by any writer (here directly) counts at once.
    await db.lessonProgress.update({ where: { userId_lessonSlug: { userId: learner.id, lessonSlug: first!.slug } }, data: { completedAt: new Date() } })
    await db.lessonProgress.create({ data: { userId: learner.id, lessonSlug: second!.slug, contentVersion: 'test', completedAt: new Date(), activeSeconds: 40 } })
    expect(await facts()).toMatchObject({ lessonsDone: 2, activeSeconds: 55 })
    // A lesson that is not in the current outline (withdrawn content) counts for nothing.
    await db.lessonProgress.create({ data: { userId: learner.id, lessonSlug: 'pelajaran-yang-ditarik', contentVersion: 'old', completedAt: new Date(), activeSeconds: 300 } })
    expect(await facts()).toMatchObject({ lessonsDone: 2, activeSeconds: 55 })

    // Quizzes through the app: a pre-test submitted, a post-test started, then failed.
    const pre = await startAttempt(learner, 'pretest')
    await submitAttempt(learner, pre, {})
    expect(await facts()).toMatchObject({ preTestScore: 0, postTestAttempts: 0 })
    await db.lessonProgress.createMany({
      data: outline.slice(2).map((lesson) => ({ userId: learner.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date() })),
    })
    expect(await facts()).toMatchObject({ lessonsDone: outline.length })
    const post = await startAttempt(learner, 'posttest')
    expect(await facts()).toMatchObject({ postTestAttempts: 1, bestPostTestScore: null, passedAt: null })
    await submitAttempt(learner, post, {})
    expect(await facts()).toMatchObject({ postTestAttempts: 1, bestPostTestScore: 0, passedAt: null })
    // A passing submission (written directly: the triggers do not care who writes).
    const passedAt = new Date(Math.floor(Date.now() / 1000) * 1000)
    const second_ = await db.quizAttempt.create({
      data: { userId: learner.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 'test', seed: 's', items: '{}', expiresAt: new Date(Date.now() + 3_600_000) },
    })
    await db.quizAttempt.update({ where: { id: second_.id }, data: { submittedAt: passedAt, score: 86.5, passed: true } })
    expect(await facts()).toMatchObject({ postTestAttempts: 2, bestPostTestScore: 86.5, passedAt })
    // Deleting an attempt or a lesson's progress is a write too.
    await db.quizAttempt.delete({ where: { id: second_.id } })
    expect(await facts()).toMatchObject({ postTestAttempts: 1, bestPostTestScore: 0, passedAt: null })
    await db.lessonProgress.delete({ where: { userId_lessonSlug: { userId: learner.id, lessonSlug: second!.slug } } })
    expect(await facts()).toMatchObject({ lessonsDone: outline.length - 1 })

    // A new enrolment of someone with progress starts with their lesson facts (lessons count in
    // any cycle) and no quiz facts of its own; a later save updates both enrolments.
    await assignNow(officer, refresherId, { target: 'nip', nips: [learner.nip] })
    const refresher = await db.enrolment.findFirstOrThrow({ where: { userId: learner.id, cohortId: refresherId } })
    expect((await expectFactsHold()).get(refresher.id)).toMatchObject({ lessonsDone: outline.length - 1, postTestAttempts: 0, preTestScore: null })
    await db.lessonProgress.create({ data: { userId: learner.id, lessonSlug: second!.slug, contentVersion: 'test', completedAt: new Date() } })
    const after = await expectFactsHold()
    expect(after.get(refresher.id)!.lessonsDone).toBe(outline.length)
    expect(after.get(enrolment.id)!.lessonsDone).toBe(outline.length)

    // The read model shows the stored facts.
    const [row] = await enrolmentRowsPage({ agencyId, view: 'enrolments', personId: learner.id, cohortId }, { limit: 10 })
    expect(row).toMatchObject({ lessonsDone: outline.length, attempts: 1, bestPostTestScore: 0, preTestScore: 0, status: 'sedang' })

    // A person deleted takes their enrolments with them; the others' facts still hold.
    const leaver = await newLearner('keluar')
    await assignNow(officer, cohortId, { target: 'nip', nips: [leaver.nip] })
    await db.lessonProgress.create({ data: { userId: leaver.id, lessonSlug: third!.slug, contentVersion: 'test', completedAt: new Date() } })
    await db.user.delete({ where: { id: leaver.id } })
    await expectFactsHold()
  })

  it('are recomputed for every enrolment when the set of current lessons changes', async () => {
    const learner = await newLearner('set')
    await assignNow(officer, cohortId, { target: 'nip', nips: [learner.nip] })
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId: learner.id, cohortId } })
    await db.lessonProgress.createMany({
      data: [first!, second!].map((lesson) => ({ userId: learner.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date(), activeSeconds: 60 })),
    })
    expect((await storedEnrolmentFacts([enrolment.id])).get(enrolment.id)).toMatchObject({ lessonsDone: 2, activeSeconds: 120 })

    // A build without the first lesson: it no longer counts, for anyone.
    const withdrawn = outline.slice(1).map((lesson) => lesson.slug)
    await syncCurrentLessons(withdrawn)
    const stored = await storedEnrolmentFacts()
    expect(stored.get(enrolment.id)).toMatchObject({ lessonsDone: 1, activeSeconds: 60 })
    expect(stored).toEqual(await enrolmentFactsFromScratch(undefined, withdrawn))
    // New writes count by the new set too.
    await db.lessonProgress.create({ data: { userId: learner.id, lessonSlug: third!.slug, contentVersion: 'test', completedAt: new Date() } })
    expect((await storedEnrolmentFacts([enrolment.id])).get(enrolment.id)).toMatchObject({ lessonsDone: 2 })

    // Back to this build's lessons.
    await syncCurrentLessons(outline.map((lesson) => lesson.slug))
    expect((await storedEnrolmentFacts([enrolment.id])).get(enrolment.id)).toMatchObject({ lessonsDone: 3 })
    await expectFactsHold()
  })

  it('are recomputed in batches; one cut short is finished by the next call, and saves between batches count by the new set', async () => {
    const learners = []
    for (let i = 0; i < 7; i++) learners.push(await newLearner(`batch-${i}`))
    await assignNow(officer, cohortId, { target: 'nip', nips: learners.map((learner) => learner.nip) })
    for (const learner of learners) {
      await db.lessonProgress.createMany({
        data: [first!, second!].map((lesson) => ({ userId: learner.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date(), activeSeconds: 30 })),
      })
    }
    const withdrawn = outline.slice(1).map((lesson) => lesson.slug)
    // A process that dies after its second batch: the new set and the record are there, the rest
    // of the enrolments still count by the old set.
    class Crash extends Error {}
    await expect(
      syncCurrentLessons(withdrawn, {
        batchSize: 2,
        afterBatch: (batch) => {
          if (batch === 1) throw new Crash()
        },
      }),
    ).rejects.toBeInstanceOf(Crash)
    expect(await db.lessonFactsRecompute.findUnique({ where: { id: 1 } })).toMatchObject({ afterEnrolmentId: expect.any(String) })
    expect(await storedEnrolmentFacts()).not.toEqual(await enrolmentFactsFromScratch(undefined, withdrawn))

    // The next call (any instance) finishes it; a learner saves a lesson between two batches.
    const saver = learners.at(-1)!
    let batches = 0
    await syncCurrentLessons(withdrawn, {
      batchSize: 2,
      afterBatch: async () => {
        if (batches++ === 0) await db.lessonProgress.create({ data: { userId: saver.id, lessonSlug: third!.slug, contentVersion: 'test', completedAt: new Date() } })
      },
    })
    expect(batches).toBeGreaterThan(1)
    expect(await db.lessonFactsRecompute.count()).toBe(0)
    const stored = await storedEnrolmentFacts()
    expect(stored).toEqual(await enrolmentFactsFromScratch(undefined, withdrawn))
    const saverEnrolment = await db.enrolment.findFirstOrThrow({ where: { userId: saver.id, cohortId } })
    expect(stored.get(saverEnrolment.id)).toMatchObject({ lessonsDone: 2 })

    // Back to this build's lessons, in batches too.
    await syncCurrentLessons(outline.map((lesson) => lesson.slug), { batchSize: 3 })
    await expectFactsHold()
  })

  it("are an instance's to write only into an empty database: it finishes a cut-short recomputation and leaves another release's set (decision 061)", async () => {
    const learners = []
    for (let i = 0; i < 3; i++) learners.push(await newLearner(`rilis-${i}`))
    await assignNow(officer, cohortId, { target: 'nip', nips: learners.map((learner) => learner.nip) })
    for (const learner of learners) {
      await db.lessonProgress.createMany({
        data: [first!, second!].map((lesson) => ({ userId: learner.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date(), activeSeconds: 40 })),
      })
    }
    const build = outline.map((lesson) => lesson.slug)
    const otherRelease = outline.slice(1).map((lesson) => lesson.slug)
    const storedSet = async () => (await db.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })).map((row) => row.slug)

    // Another release's `lessons:sync` (its deploy) is cut short after its first batch.
    class Crash extends Error {}
    await expect(
      syncCurrentLessons(otherRelease, {
        batchSize: 1,
        afterBatch: () => {
          throw new Crash()
        },
      }),
    ).rejects.toBeInstanceOf(Crash)
    expect(await db.lessonFactsRecompute.count()).toBe(1)

    // An instance of this build (an old one restarting during a rolling deploy) finishes the
    // recomputation by the stored set and does not put its own lessons back.
    expect(await reconcileCurrentLessons(build)).toBe('another-release')
    expect(await storedSet()).toEqual([...otherRelease].sort())
    expect(await db.lessonFactsRecompute.count()).toBe(0)
    expect(await storedEnrolmentFacts()).toEqual(await enrolmentFactsFromScratch(undefined, otherRelease))
    expect(await reconcileCurrentLessons(otherRelease)).toBe('same')

    // A database no deploy has synced (no set at all): the first instance writes its own.
    await db.currentLesson.deleteMany()
    expect(await reconcileCurrentLessons(build)).toBe('written')
    expect(await storedSet()).toEqual([...build].sort())
    await expectFactsHold()
  })

  it('hold under concurrent writers of one person (lesson saves and quiz writes at once)', async () => {
    const learner = await newLearner('serentak')
    await assignNow(officer, cohortId, { target: 'nip', nips: [learner.nip] })
    await assignNow(officer, refresherId, { target: 'nip', nips: [learner.nip] })
    const enrolments = await db.enrolment.findMany({ where: { userId: learner.id }, select: { id: true } })
    expect(enrolments).toHaveLength(2)
    const onboarding = (await db.enrolment.findFirstOrThrow({ where: { userId: learner.id, cohortId } })).id
    await Promise.all([
      ...outline.map((lesson, index) =>
        db.lessonProgress.create({ data: { userId: learner.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date(), activeSeconds: index + 1 } }),
      ),
      ...Array.from({ length: 8 }, (_, index) =>
        db.quizAttempt.create({
          data: {
            userId: learner.id,
            enrolmentId: onboarding,
            kind: 'posttest',
            contentVersion: 'test',
            seed: `c${index}`,
            items: '{}',
            expiresAt: new Date(Date.now() + 3_600_000),
            submittedAt: new Date(Date.now() - index * 1000),
            score: 50 + index * 5,
            passed: 50 + index * 5 >= 80,
          },
        }),
      ),
    ])
    const stored = await expectFactsHold()
    const total = (outline.length * (outline.length + 1)) / 2
    for (const { id } of enrolments) expect(stored.get(id)).toMatchObject({ lessonsDone: outline.length, activeSeconds: total })
    expect(stored.get(onboarding)).toMatchObject({ postTestAttempts: 8, bestPostTestScore: 85 })
  })

  it("move between the dashboard's keys when the person, the cohort or the unit changes, and count the unassigned", async () => {
    const otherAgency = await db.agency.findFirstOrThrow({ where: { id: { not: agencyId } } })
    const unit = await db.unit.create({ data: { agencyId, name: 'Unit Sementara Fakta' } })
    const learner = await newLearner('pindah')
    const unassignedBefore = await countEnrolmentRows({ agencyId, view: 'people', status: 'belum-ditugaskan' })
    // A new person in no cohort counts as "belum ditugaskan".
    expect(unassignedBefore).toBeGreaterThan(0)
    await assignNow(officer, cohortId, { target: 'nip', nips: [learner.nip] })
    expect(await countEnrolmentRows({ agencyId, view: 'people', status: 'belum-ditugaskan' })).toBe(unassignedBefore - 1)
    await db.quizAttempt.create({
      data: {
        userId: learner.id,
        enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { userId: learner.id, cohortId } })).id,
        kind: 'posttest', contentVersion: 'test', seed: 'p', items: '{}', expiresAt: new Date(Date.now() + 3_600_000),
        submittedAt: new Date(), score: 90, passed: true,
      },
    })
    await expectFactsHold()
    // The person's unit, employment type and identity status change (roster import, HR).
    await db.user.update({ where: { id: learner.id }, data: { unitId: unit.id, employmentType: 'PPPK', identityStatus: 'verified' } })
    await expectFactsHold()
    // The unit is deleted: the person has none (a foreign-key action is a write too).
    await db.unit.delete({ where: { id: unit.id } })
    await expectFactsHold()
    // Moved to another cohort of the same cycle (assignment moves an uncertified enrolment).
    const second = await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Fakta 2026 gelombang 2' } })
    const { moved } = await assignNow(officer, second.id, { target: 'nip', nips: [learner.nip] })
    expect(moved).toBe(1)
    await expectFactsHold()
    // Mutasi: the person now works in another agency; their old enrolment no longer counts here,
    // and in the new agency they are "belum ditugaskan" until its HR assigns them.
    const unassignedThere = await countEnrolmentRows({ agencyId: otherAgency.id, view: 'people', status: 'belum-ditugaskan' })
    await db.user.update({ where: { id: learner.id }, data: { agencyId: otherAgency.id, unitId: null } })
    await expectFactsHold()
    expect(await countEnrolmentRows({ agencyId: otherAgency.id, view: 'people', status: 'belum-ditugaskan' })).toBe(unassignedThere + 1)
    // An enrolment deleted.
    await db.enrolment.deleteMany({ where: { userId: learner.id } })
    await expectFactsHold()
  })

  // On PostgreSQL the counts are kept once per statement from its transition tables (decision
  // 044): one statement writing many people of different keys must sum to the same counts.
  it('hold after statements that write many people at once: an assignment, a move, a unit change and a delete', async () => {
    const units = await Promise.all(['A', 'B'].map((label) => db.unit.create({ data: { agencyId, name: `Unit Massal ${label}` } })))
    const people = []
    for (let i = 0; i < 12; i++) {
      const person = await newLearner(`massal-${i}`)
      await db.user.update({ where: { id: person.id }, data: { unitId: i % 3 === 2 ? null : units[i % 2]!.id, employmentType: (['PNS', 'CPNS', 'PPPK'] as const)[i % 3] } })
      if (i % 4 === 0) await db.lessonProgress.create({ data: { userId: person.id, lessonSlug: first!.slug, contentVersion: 'test', completedAt: new Date(), activeSeconds: 200 } })
      people.push(person)
    }
    const nips = people.map((person) => person.nip)
    const wave1 = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Massal 2026' } })).id
    const wave2 = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Massal 2026 gelombang 2' } })).id
    expect((await assignNow(officer, wave1, { target: 'nip', nips })).added).toBe(12)
    await expectFactsHold()
    const passer = await db.enrolment.findFirstOrThrow({ where: { userId: people[1]!.id, cohortId: wave1 } })
    await db.quizAttempt.create({
      data: {
        userId: people[1]!.id, enrolmentId: passer.id, kind: 'posttest', contentVersion: 'test', seed: 'm', items: '{}',
        expiresAt: new Date(Date.now() + 3_600_000), submittedAt: new Date(), score: 85, passed: true,
      },
    })
    expect((await assignNow(officer, wave2, { target: 'nip', nips })).moved).toBe(12)
    await expectFactsHold()
    // One statement changing the unit of many people (as a roster import may).
    await db.user.updateMany({ where: { id: { in: people.slice(0, 6).map((person) => person.id) } }, data: { unitId: units[1]!.id } })
    await expectFactsHold()
    // One statement that changes some of its rows and leaves the rest as they were (decision 067:
    // the trigger finds the changed rows without joining its transition tables), in a transaction
    // whose first write is one enrolment. Two move back to the first wave (one of them passed),
    // one into another agency's cohort (no longer "in a cohort of the agency"), nine stay.
    const elsewhere = await db.cohort.create({ data: { agencyId: (await db.agency.findFirstOrThrow({ where: { id: { not: agencyId } } })).id, kind: 'onboarding', year: 2026, name: 'Massal di instansi lain' } })
    const ids = people.map((person) => person.id)
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "enrolment" SET "activeSeconds" = "activeSeconds" WHERE "userId" = ${ids[11]!} AND "cohortId" = ${wave2}`
      const changed = await tx.$executeRaw`UPDATE "enrolment"
        SET "cohortId" = CASE WHEN "userId" IN (${ids[0]!}, ${ids[1]!}) THEN ${wave1} WHEN "userId" = ${ids[2]!} THEN ${elsewhere.id} ELSE "cohortId" END
        WHERE "cohortId" = ${wave2} AND "userId" IN (${Prisma.join(ids)})`
      expect(changed).toBe(12)
    })
    await expectFactsHold()
    expect(await db.user.findUniqueOrThrow({ where: { id: ids[2]! }, select: { enrolledInAgency: true } })).toEqual({ enrolledInAgency: false })
    await db.enrolment.deleteMany({ where: { cohortId: wave2, userId: { in: people.slice(0, 7).map((person) => person.id) } } })
    await expectFactsHold()
  })
})
