/**
 * `npm run lessons:sync` (also the last step of `npm run db:migrate`): makes the lessons the
 * database counts (`current_lesson`) this checkout's lessons, and recomputes every enrolment's
 * lesson facts if they changed, in short batches (decisions 059, 061). Run it once per release,
 * from the release's checkout, before its instances start; a rollback runs it from the release
 * it goes back to. Run again, it finishes a recomputation that was cut short. Needs only
 * DATABASE_URL (default: the SQLite file data/app.db), like `db:migrate`.
 */
import { getLessonOutline } from '@/lib/content/lessons.server'
import { createDbClient } from '@/lib/db/create-client'
import { DEFAULT_DATABASE_URL } from '@/lib/db/database-url'
import { syncLessonSet } from '@/lib/hr/lesson-set'

const slugs = getLessonOutline().map((lesson) => lesson.slug)
const { db, target } = createDbClient(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
const started = performance.now()
try {
  const changed = await syncLessonSet({ db, provider: target.provider }, slugs)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    changed
      ? `pelajaran yang dihitung: ${slugs.length}, diganti; fakta pelajaran setiap peserta dihitung ulang (${seconds} s)`
      : `pelajaran yang dihitung: ${slugs.length}, sudah sama (${seconds} s)`,
  )
} catch (error) {
  // For the person deploying: what failed, without a stack trace (e.g. migrations not applied).
  console.error(`lessons:sync gagal: ${error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error)}`)
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
