/**
 * Seeds the demo data into the database DATABASE_URL names (default data/app.db) and prints
 * the demo logins. Safe to run again: existing rows are kept.
 *   npm run db:seed
 * Refuses a database that looks like production (demo logins have a published password) unless
 * run with --allow-production: see lib/demo-seed-guard.ts.
 */
import { createDbClient } from '../../lib/db/create-client'
import { demoSeedRefusal } from '../../lib/demo-seed-guard'
import { getLessonOutline } from '../../lib/content/lessons.server'
import { DEMO_AGENCIES, DEMO_CLAIMANT, DEMO_COLLEAGUES, DEMO_LOGINS, DEMO_PASSWORD, DEMO_SIGNER } from './demo-data'
import { seedAgency, seedCertificateSigner, seedUnitGrant, seedUser } from './seeders'
import { seedRecordedAnswers } from './recorded-answers'
import { getQuestionBank } from '../../lib/assessment/bank.server'

const refusal = demoSeedRefusal(process.env, process.argv.slice(2))
if (refusal) {
  console.error(refusal)
  process.exit(1)
}

const { db } = createDbClient(process.env.DATABASE_URL)

await seedCertificateSigner(db, DEMO_SIGNER)
const [city, ministry] = await Promise.all(DEMO_AGENCIES.map((agency) => seedAgency(db, agency)))
if (!city || !ministry) throw new Error('demo agencies missing')
const unitNamed = (name: string) => city.units.find((unit) => unit.name === name)?.id ?? null

const learner = await seedUser(db, {
  ...DEMO_LOGINS.learner,
  password: DEMO_PASSWORD,
  agencyId: city.id,
  unitId: unitNamed('Dinas Komunikasi dan Informatika'),
})
const hrOfficer = await seedUser(db, {
  ...DEMO_LOGINS.hr,
  password: DEMO_PASSWORD,
  role: 'hr',
  agencyId: city.id,
  unitId: unitNamed('Badan Kepegawaian dan Pengembangan SDM'),
})
// The operator of the learner's unit (granted by HR in real use: /hr/operator-unit).
const operatedUnit = city.units.find((unit) => unit.name === 'Dinas Komunikasi dan Informatika')
if (!operatedUnit) throw new Error('demo unit missing')
const operator = await seedUser(db, { ...DEMO_LOGINS.operator, password: DEMO_PASSWORD, agencyId: city.id, unitId: operatedUnit.id })
await seedUnitGrant(db, operator.id, 'unit_operator', operatedUnit)
await seedUser(db, { ...DEMO_LOGINS.admin, password: DEMO_PASSWORD, role: 'admin' })

// An onboarding cohort with a due date, the demo learner and a few colleagues at different
// stages, so the HR pages have something to show.
const year = new Date().getFullYear()
const cohort = await db.cohort.upsert({
  where: { agencyId_name: { agencyId: city.id, name: `Orientasi ASN dan P3K ${year}` } },
  update: {},
  create: { agencyId: city.id, kind: 'onboarding', year, name: `Orientasi ASN dan P3K ${year}`, dueDate: new Date(`${year + 1}-01-31T16:59:59Z`) },
})
const lessons = getLessonOutline()
for (const [index, colleague] of DEMO_COLLEAGUES.entries()) {
  const user = await seedUser(db, {
    ...colleague,
    password: DEMO_PASSWORD,
    agencyId: city.id,
    unitId: city.units[index % city.units.length]?.id ?? null,
  })
  await enrol(user.id)
  // 'all': every lesson of the content, however many there are.
  for (const lesson of lessons.slice(0, colleague.lessonsDone === 'all' ? lessons.length : colleague.lessonsDone)) {
    await db.lessonProgress.upsert({
      where: { userId_lessonSlug: { userId: user.id, lessonSlug: lesson.slug } },
      update: {},
      create: { userId: user.id, lessonSlug: lesson.slug, contentVersion: 'demo', reachedEndAt: new Date(), completedAt: new Date() },
    })
  }
}
await enrol(learner.id)
// Staff are learners too (decision 037): the HR officer and the operator owe the onboarding.
await enrol(hrOfficer.id)
await enrol(operator.id)
// A self-registered claimant, not yet verified by the agency (HR's "Verifikasi peserta").
await seedUser(db, {
  ...DEMO_CLAIMANT,
  password: DEMO_PASSWORD,
  agencyId: city.id,
  unitId: unitNamed('Dinas Pendidikan'),
  identityStatus: 'claimed',
})
// Simulated recorded answers (a learner outside every agency), so the admin's "Bank soal" page
// shows item statistics.
await seedRecordedAnswers(db, getQuestionBank().bank)
await db.$disconnect()

async function enrol(userId: string) {
  await db.enrolment.upsert({
    where: { userId_cycleKey: { userId, cycleKey: 'onboarding' } },
    update: {},
    create: { userId, cohortId: cohort.id, cycleKey: 'onboarding' },
  })
}

console.log(`
Demo data is ready. Sign in at http://localhost:3000/masuk with password ${DEMO_PASSWORD}:
  learner     ${DEMO_LOGINS.learner.email}  (or NIP ${DEMO_LOGINS.learner.nip})
  HR officer  ${DEMO_LOGINS.hr.email}  (${city.name})
  operator    ${DEMO_LOGINS.operator.email}  (${operatedUnit.name})
  admin       ${DEMO_LOGINS.admin.email}
`)
