/**
 * Fast seeding of many people for benchmarks (bench:reports, bench:hr): plain prepared
 * statements on SQLite in one transaction, multi-row INSERTs on PostgreSQL committed batch by
 * batch. Through the ORM, 100,000 people with their progress take minutes; this takes seconds.
 *
 * PostgreSQL commits each batch as the app's writes come, in many short transactions: the
 * triggers update the kept counts again with every batch, and in one transaction no old version
 * of a count could be pruned (decision 057), which left enrolment_count 44 MB for 2,011 rows, a
 * table no production database grows that way.
 *
 * Rows are written the way Prisma stores them: DateTime as ISO-8601 text and booleans as 0/1
 * on SQLite, native types on PostgreSQL (enums as text, cast by the column).
 */
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'

type Value = string | number | boolean | Date | null
type Row = Record<string, Value>

/** Writes rows table by table; `close()` commits. */
export interface BulkWriter {
  insert(table: string, row: Row): Promise<void>
  close(): Promise<void>
}

export function sqliteWriter(file: string): BulkWriter {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  const statements = new Map<string, Database.Statement>()
  sqlite.exec('BEGIN')
  return {
    async insert(table, row) {
      const columns = Object.keys(row)
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      let statement = statements.get(sql)
      if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
      statement.run(
        ...columns.map((c) => {
          const value = row[c]
          return value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 1 : 0) : value
        }),
      )
    },
    async close() {
      sqlite.exec('COMMIT')
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
      sqlite.close()
    },
  }
}

export function postgresWriter(url: string): BulkWriter {
  const client = new pg.Client({ connectionString: url })
  const pending = new Map<string, { columns: string[]; rows: Value[][] }>()
  let ready: Promise<unknown> | null = null
  const BATCH_VALUES = 30_000
  async function flush(table: string) {
    const batch = pending.get(table)
    if (!batch || !batch.rows.length) return
    const width = batch.columns.length
    const tuples = batch.rows.map((_, r) => `(${batch.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`)
    await client.query(
      `INSERT INTO "${table}" (${batch.columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
      batch.rows.flat(),
    )
    batch.rows = []
  }
  async function flushAll() {
    // Parents before children (foreign keys).
    for (const table of ['unit', 'cohort', 'user', 'enrolment', 'lesson_progress', 'quiz_attempt', 'certificate']) await flush(table)
    for (const table of pending.keys()) await flush(table)
    await client.query('COMMIT')
    await client.query('BEGIN')
  }
  return {
    async insert(table, row) {
      ready ??= client.connect().then(() => client.query('BEGIN'))
      await ready
      const columns = Object.keys(row)
      let batch = pending.get(table)
      if (batch && batch.columns.join() !== columns.join()) {
        await flushAll()
        batch = undefined
      }
      if (!batch) pending.set(table, (batch = { columns, rows: [] }))
      batch.rows.push(columns.map((c) => row[c] ?? null))
      if (batch.rows.length * columns.length >= BATCH_VALUES) await flushAll()
    },
    async close() {
      ready ??= client.connect().then(() => client.query('BEGIN'))
      await ready
      await flushAll()
      await client.query('COMMIT')
      // What autovacuum would do soon after such a load, done before measuring rather than
      // during it: the triggers' updates leave dead versions (~190,000 in "enrolment" at
      // bench:hr's 100,000 people), and a run that began at once shared the two cores with
      // autovacuum (p95 432–651 ms against 247–345 ms a few minutes later).
      await client.query('VACUUM ANALYZE')
      await client.end()
    },
  }
}

export type SeedCohort = { id: string; cycleKey: string; dueDate: Date | null }

export type SeedPeopleOptions = {
  people: number
  agency: { id: string; name: string }
  /** Units handed out in turn; a null entry leaves that person without a unit. */
  units: (string | null)[]
  cohorts: SeedCohort[]
  lessonSlugs: string[]
  /** Indexes into `cohorts` person i is enrolled in (one per cycle); empty: unassigned. */
  cohortsOf: (i: number) => number[]
  name: (i: number) => string
  identity?: (i: number) => 'claimed' | 'verified'
  now?: number
}

/**
 * People of one agency with enrolments, lesson progress (0..all current lessons, with time on
 * task), pre- and post-tests and certificates for most who passed.
 */
export async function seedPeople(writer: BulkWriter, options: SeedPeopleOptions) {
  const { agency, units, cohorts, lessonSlugs: slugs } = options
  const now = options.now ?? Date.now()
  const types = ['PNS', 'CPNS', 'PPPK']
  let certificates = 0
  let enrolments = 0
  for (let i = 0; i < options.people; i++) {
    const userId = randomUUID()
    const nip = `19${String(60 + (i % 40)).padStart(2, '0')}0101202101${1 + (i % 2)}${String(i % 1000).padStart(3, '0')}`.slice(0, 14) + String(i).padStart(4, '0')
    const atMs = now - (i % 1000) * 60_000
    const at = new Date(atMs)
    const later = new Date(atMs + 3_600_000)
    const yearLater = new Date(atMs + 365 * 86_400_000)
    const identity = options.identity?.(i) ?? 'claimed'
    const name = options.name(i)
    await writer.insert('user', {
      id: userId,
      name,
      email: `peserta${i}@contoh.go.id`,
      emailVerified: true,
      nip,
      employmentType: types[i % 3]!,
      agencyId: agency.id,
      unitId: units.length ? (units[i % units.length] ?? null) : null,
      identityStatus: identity,
      identityMethod: identity === 'verified' ? 'import' : null,
      identityVerifiedAt: identity === 'verified' ? at : null,
      createdAt: at,
      updatedAt: at,
    })
    const lessonsDone = i % (slugs.length + 1)
    if (options.cohortsOf(i).length) {
      for (const slug of slugs.slice(0, lessonsDone)) {
        await writer.insert('lesson_progress', {
          id: randomUUID(),
          userId,
          lessonSlug: slug,
          contentVersion: 'bench',
          state: '{}',
          completedAt: at,
          activeSeconds: 120 + (i % 600),
          createdAt: at,
          updatedAt: at,
        })
      }
    }
    for (const index of options.cohortsOf(i)) {
      const cohort = cohorts[index]!
      const enrolmentId = randomUUID()
      enrolments++
      await writer.insert('enrolment', { id: enrolmentId, userId, cohortId: cohort.id, cycleKey: cohort.cycleKey, assignedAt: at })
      const attempt = (kind: 'pretest' | 'posttest', score: number, passed: boolean) => {
        const id = randomUUID()
        return writer
          .insert('quiz_attempt', {
            id,
            userId,
            enrolmentId,
            kind,
            contentVersion: 'bench',
            seed: 's',
            items: '{}',
            startedAt: at,
            expiresAt: later,
            submittedAt: at,
            score,
            passed,
          })
          .then(() => id)
      }
      if (i % 4 === 0) await attempt('pretest', 40 + (i % 50), false)
      if (lessonsDone === slugs.length) {
        const passed = i % 3 !== 0
        if (i % 7 === 0) await attempt('posttest', 53.3, false)
        const attemptId = await attempt('posttest', passed ? 86.7 : 60, passed)
        if (passed) {
          certificates++
          await writer.insert('certificate', {
            id: randomUUID(),
            number: `BBS/2026/${String(certificates).padStart(6, '0')}`,
            year: 2026,
            sequence: certificates,
            code: randomUUID().replaceAll('-', ''),
            userId,
            enrolmentId,
            cycleKey: cohort.cycleKey,
            attemptId,
            fullName: name,
            nip,
            agencyName: agency.name,
            courseTitle: 'Bijak Bermedia Sosial bagi ASN',
            contentVersion: 'bench',
            score: 86.7,
            jp: 2,
            completedAt: at,
            validUntil: yearLater,
            signerName: 'Penandatangan',
            signerTitle: 'Kepala',
            issuedAt: at,
            // A few revoked, so validity and the SIASN filter have something to leave out.
            revokedAt: certificates % 97 === 0 ? later : null,
          })
        }
      }
    }
  }
  await writer.close()
  return { certificates, enrolments }
}
