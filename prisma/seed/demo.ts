/**
 * Seeds the demo data into the database DATABASE_URL names (default data/app.db) and prints
 * the demo logins. Safe to run again: existing rows are kept.
 *   npm run db:seed
 */
import { createDbClient } from '../../lib/db/create-client'
import { DEMO_AGENCIES, DEMO_LOGINS, DEMO_PASSWORD } from './demo-data'
import { seedAgency, seedUser } from './seeders'

const { db } = createDbClient(process.env.DATABASE_URL)

const [city, ministry] = await Promise.all(DEMO_AGENCIES.map((agency) => seedAgency(db, agency)))
if (!city || !ministry) throw new Error('demo agencies missing')
const unitNamed = (name: string) => city.units.find((unit) => unit.name === name)?.id ?? null

await seedUser(db, {
  ...DEMO_LOGINS.learner,
  password: DEMO_PASSWORD,
  agencyId: city.id,
  unitId: unitNamed('Dinas Komunikasi dan Informatika'),
})
await seedUser(db, {
  ...DEMO_LOGINS.hr,
  password: DEMO_PASSWORD,
  role: 'hr',
  agencyId: city.id,
  unitId: unitNamed('Badan Kepegawaian dan Pengembangan SDM'),
})
await seedUser(db, { ...DEMO_LOGINS.admin, password: DEMO_PASSWORD, role: 'admin' })
await db.$disconnect()

console.log(`
Demo data is ready. Sign in at http://localhost:3000/masuk with password ${DEMO_PASSWORD}:
  learner     ${DEMO_LOGINS.learner.email}  (or NIP ${DEMO_LOGINS.learner.nip})
  HR officer  ${DEMO_LOGINS.hr.email}  (${city.name})
  admin       ${DEMO_LOGINS.admin.email}
`)
