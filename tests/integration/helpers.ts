import { AppError } from '@/lib/errors/app-error'
import { DEMO_AGENCIES, DEMO_SIGNER } from '@/prisma/seed/demo-data'
import { seedAgency, seedCertificateSigner } from '@/prisma/seed/seeders'
import { db } from '@/lib/db/db.server'
import { startAssignment, type AssignTarget, type Officer } from '@/lib/hr/assignment-jobs.server'

/**
 * The demo agencies in this test file's database, and the demo certificate signer (as the demo
 * seed sets them: without a signer no certificate is issued); returns the first with its units.
 */
export async function seedAgencies() {
  await seedCertificateSigner(db, DEMO_SIGNER)
  const [first, second] = await Promise.all(DEMO_AGENCIES.map((agency) => seedAgency(db, agency)))
  if (!first || !second) throw new Error('agencies not seeded')
  return { agency: first, unit: first.units[0]!, otherAgency: second, otherUnit: second.units[0]! }
}

let nipSequence = 1
/** A structurally valid NIP that no other test in this file uses. */
export function uniqueNip(gender: 1 | 2 = 1): string {
  return `19900101201501${gender}${String(nipSequence++).padStart(3, '0')}`
}

/** The AppError a piece of work is refused with; fails the test if it is not refused. */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

/**
 * A submitted, passed post-test attempt written directly (not drawn from the bank): for tests
 * about what follows a pass (certificates, reports, exports), not about scoring.
 */
export function passedPostTestAttempt(userId: string, enrolmentId: string, options: { score?: number; submittedAt?: Date; answers?: { itemId: string; response: string; credit: number }[] } = {}) {
  return db.quizAttempt.create({
    data: {
      userId,
      enrolmentId,
      kind: 'posttest',
      contentVersion: 't',
      seed: 's',
      items: '{"version":1,"seed":"s","items":[]}',
      expiresAt: new Date(Date.now() + 3_600_000),
      submittedAt: options.submittedAt ?? new Date(),
      score: options.score ?? 90,
      passed: true,
      ...(options.answers ? { answers: { create: options.answers } } : {}),
    },
  })
}

/**
 * A new, empty PostgreSQL database beside TEST_POSTGRES_URL's (named after it, `suffix` and this
 * process), made fresh; `drop` removes it (push it to the test's clean-ups).
 */
export async function emptyPostgresDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg')
  const adminUrl = process.env.TEST_POSTGRES_URL!
  const url = new URL(adminUrl)
  const name = `${url.pathname.slice(1)}_${suffix}_${process.pid}`
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await run(`CREATE DATABASE "${name}"`)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}

/** HR's assignment of a few people, applied in the request (decision 049): its counts. */
export async function assignNow(officer: Officer, cohortId: string, target: AssignTarget) {
  const outcome = await startAssignment(officer, cohortId, target)
  if (outcome.state !== 'done') throw new Error(`assignment ${outcome.jobId} did not finish in the request`)
  return outcome.result
}
