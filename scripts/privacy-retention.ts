/**
 * `npm run privacy:retention [-- --now=2032-06-01T00:00:00Z]`: runs the retention job once
 * (lib/privacy/retention.server.ts: the same work every scheduler tick does) and prints what it
 * removed as one JSON line. For an operator who changed a period and wants it applied now, and
 * for e2e/privacy-retention.spec.ts, which runs it with a later clock on seeded old data instead
 * of waiting (decision 047). Uses DATABASE_URL like the app.
 */
import { db } from '@/lib/db/db.server'
import { applyRetention } from '@/lib/privacy/retention.server'

const flag = process.argv.find((arg) => arg.startsWith('--now='))
const now = flag ? new Date(flag.slice('--now='.length)) : new Date()
if (Number.isNaN(now.getTime())) {
  console.error('--now harus tanggal ISO 8601, mis. --now=2032-06-01T00:00:00Z')
  process.exit(2)
}
console.log(JSON.stringify({ now: now.toISOString(), ...(await applyRetention(db, now)) }))
await db.$disconnect()
