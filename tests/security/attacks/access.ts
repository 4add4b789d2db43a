/**
 * Access control across people, roles and agencies as it stands: a learner reaching HR and admin
 * pages and routes, someone reading another learner's quiz result, a visitor without a session
 * calling HR routes, HR of one agency reading another agency's cohort.
 */
import type { Attack } from '../attack'
import { refusedIf } from '../attack'
import { formatCertificateNumber } from '../../../lib/certificates/certificate-number'
import { newVerificationCode } from '../../../lib/certificates/verification-code'

async function cohortOf(ctx: Parameters<Attack['run']>[0], agencyCode: string) {
  const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: agencyCode } })
  return ctx.db.cohort.upsert({
    where: { agencyId_name: { agencyId: agency.id, name: `Serangan ${agencyCode}` } },
    update: {},
    create: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: `Serangan ${agencyCode}` },
  })
}

/**
 * A learner who passed the post-test at `passedAt`, with the certificate of that pass, written
 * directly (only what the follow-up, the certificate and badge routes read): the victim of the
 * attacks on someone else's certificate.
 */
async function passedVictimCertificate(ctx: Parameters<Attack['run']>[0], label: string, fullName: string, passedAt: Date) {
  const victim = await ctx.newLearner(label)
  const cohort = await cohortOf(ctx, 'PEMKOT-DEMO')
  const enrolment = await ctx.db.enrolment.create({ data: { userId: victim.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
  const attempt = await ctx.db.quizAttempt.create({
    data: { userId: victim.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 'security', seed: 'security', items: JSON.stringify({ version: 1, seed: 'security', items: [] }), expiresAt: passedAt, submittedAt: passedAt, score: 90, passed: true },
  })
  const sequence = Math.floor(Math.random() * 1e6)
  const certificate = await ctx.db.certificate.create({
    data: {
      // The PDF (rendered with the badge's version) wants a real number and code.
      number: formatCertificateNumber(2099, sequence),
      year: 2099,
      sequence,
      code: newVerificationCode(),
      userId: victim.id,
      enrolmentId: enrolment.id,
      cycleKey: 'onboarding',
      attemptId: attempt.id,
      fullName,
      nip: victim.nip,
      agencyName: 'Demo',
      courseTitle: 'Bijak Bermedia Sosial',
      contentVersion: 'security',
      score: 90,
      jp: 2,
      completedAt: passedAt,
      validUntil: new Date(passedAt.getTime() + 365 * 86_400_000),
      signerName: 'Penandatangan',
      signerTitle: 'Kepala',
    },
  })
  return { victim, certificate }
}

export const attacks: Attack[] = [
  {
    name: 'unit-operator-crosses-units',
    area: 'access',
    description: "a unit operator of unit A opens unit B's person, filters lists and reports by unit B, and opens HR-only pages",
    async run(ctx) {
      const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: { orderBy: { name: 'asc' } } } })
      const [unitA, unitB] = agency.units
      if (!unitA || !unitB) return { refused: false, detail: 'the demo agency needs two units' }
      const operator = await ctx.newLearner('operator-unit-a')
      await ctx.db.user.update({ where: { id: operator.id }, data: { unitId: unitA.id } })
      await ctx.db.capabilityGrant.create({ data: { userId: operator.id, capability: 'unit_operator', agencyId: agency.id, unitId: unitA.id, scopeKey: unitA.id } })
      const other = await ctx.newLearner('pegawai-unit-b')
      await ctx.db.user.update({ where: { id: other.id }, data: { unitId: unitB.id } })
      const cohort = await cohortOf(ctx, 'PEMKOT-DEMO')
      const client = ctx.client()
      if (!(await client.signIn(operator.nip, operator.password))) return { refused: false, detail: 'the operator could not sign in' }
      const own = await client.get(`/hr/pegawai/${operator.id}`)
      await own.arrayBuffer()
      if (own.status !== 200) return { refused: false, detail: `the operator's own unit answered ${own.status}: the attack proves nothing` }
      const answers: string[] = []
      // `secret`: what must not show (the search page echoes the NIP typed, so there the name).
      const expect = async (path: string, statuses: number[], secret = other.nip) => {
        const response = await client.get(path)
        const body = await response.text()
        if (!statuses.includes(response.status) || body.includes(secret)) answers.push(`${path} → ${response.status}`)
      }
      await expect(`/hr/pegawai/${other.id}`, [404])
      await expect(`/hr/pegawai?unit=${unitB.id}`, [404])
      await expect(`/hr/pegawai?q=${other.nip}`, [200], 'Peserta pegawai-unit-b')
      await expect(`/api/hr/reports/completion?kelompok=${cohort.id}&unit=${unitB.id}`, [404])
      await expect(`/api/hr/reports/certificates?kelompok=${cohort.id}&unit=${unitB.id}`, [404])
      for (const path of ['/hr/impor', '/hr/verifikasi', '/hr/mutasi', '/hr/koreksi-nama', '/hr/operator-unit', '/hr/analisis-soal', `/api/hr/reports/siasn?kelompok=${cohort.id}`]) {
        await expect(path, [403])
      }
      return refusedIf(answers.length === 0, `answered: ${answers.join(', ')}`)
    },
  },
  {
    name: 'learner-opens-hr-and-admin',
    area: 'access',
    description: 'a signed-in learner opens the HR and admin pages and the HR report route',
    async run(ctx) {
      const learner = await ctx.newLearner('akses-hr')
      const client = ctx.client()
      if (!(await client.signIn(learner.nip, learner.password))) return { refused: false, detail: 'the learner could not sign in' }
      const cohort = await cohortOf(ctx, 'PEMKOT-DEMO')
      const answers: string[] = []
      for (const path of ['/hr', '/hr/pegawai', '/hr/tak-terjangkau', '/hr/laporan', '/hr/operator-unit', '/hr/kelompok', '/hr/koreksi-nama', `/hr/analisis-soal?kelompok=${cohort.id}`, '/admin', '/admin/pengguna', '/admin/bank-soal', '/admin/bank-soal/csv', `/api/hr/reports/completion?kelompok=${cohort.id}`]) {
        const response = await client.get(path)
        await response.arrayBuffer()
        if (response.status !== 403 && response.status !== 404) answers.push(`${path} → ${response.status}`)
      }
      return refusedIf(answers.length === 0, `answered: ${answers.join(', ')}`)
    },
  },
  {
    name: 'visitor-calls-hr-routes',
    area: 'access',
    description: 'a visitor without a session downloads a report and previews a roster',
    async run(ctx) {
      const client = ctx.client()
      const cohort = await cohortOf(ctx, 'PEMKOT-DEMO')
      const report = await client.get(`/api/hr/reports/completion?kelompok=${cohort.id}`)
      const preview = await client.post('/api/hr/roster/preview', {
        body: 'nip,nama\n',
        headers: { 'content-type': 'text/csv', origin: ctx.baseUrl, 'x-file-name': 'roster.csv' },
      })
      await Promise.all([report.arrayBuffer(), preview.arrayBuffer()])
      return refusedIf(report.status === 401 && preview.status === 401, `report ${report.status}, preview ${preview.status}`)
    },
  },
  {
    name: 'learner-reads-another-learners-result',
    area: 'access',
    description: "a learner opens another learner's quiz result page by its id",
    async run(ctx) {
      const victim = await ctx.newLearner('korban-hasil')
      const attacker = await ctx.newLearner('penyerang-hasil')
      const attempt = await ctx.db.quizAttempt.create({
        data: {
          userId: victim.id,
          kind: 'pretest',
          contentVersion: 'security',
          seed: 'security',
          items: JSON.stringify({ seed: 'security', items: [] }),
          expiresAt: new Date(Date.now() + 3_600_000),
          submittedAt: new Date(),
          score: 50,
          passed: false,
        },
      })
      const client = ctx.client()
      if (!(await client.signIn(attacker.nip, attacker.password))) return { refused: false, detail: 'the attacker could not sign in' }
      const response = await client.get(`/uji/hasil/${attempt.id}`)
      const body = await response.text()
      return refusedIf(response.status === 404 && !body.includes(victim.nip), `answered ${response.status}`)
    },
  },
  {
    name: 'learner-opens-another-learners-follow-up',
    area: 'access',
    description: "a learner opens and answers another learner's 30-day follow-up (decision 048) by its id",
    async run(ctx) {
      const { certificate } = await passedVictimCertificate(ctx, 'korban-tindak-lanjut', 'Korban Tindak Lanjut', new Date(Date.now() - 30 * 86_400_000))
      await ctx.db.followUp.upsert({ where: { certificateId: certificate.id }, update: {}, create: { certificateId: certificate.id, userId: certificate.userId, offeredAt: new Date() } })
      const attacker = await ctx.newLearner('penyerang-tindak-lanjut')
      const client = ctx.client()
      if (!(await client.signIn(attacker.nip, attacker.password))) return { refused: false, detail: 'the attacker could not sign in' }
      const page = await client.get(`/tindak-lanjut/${certificate.id}`)
      const body = await page.text()
      const answer = await client.post(`/api/tindak-lanjut/${certificate.id}`, {
        body: JSON.stringify({ responses: {} }),
        headers: { 'content-type': 'application/json', origin: new URL(ctx.baseUrl).origin },
      })
      await answer.arrayBuffer()
      const stored = await ctx.db.followUp.findUniqueOrThrow({ where: { certificateId: certificate.id }, include: { _count: { select: { answers: true } } } })
      return refusedIf(
        page.status === 404 && !body.includes(certificate.fullName) && answer.status === 404 && stored.items === null && stored.answeredAt === null && stored._count.answers === 0,
        `page ${page.status}, answer ${answer.status}, drawn ${stored.items !== null}, answered ${stored.answeredAt !== null}`,
      )
    },
  },
  {
    name: 'learner-downloads-another-learners-badge',
    area: 'access',
    description: "a learner downloads another learner's Open Badges credential (decision 050) by the certificate's id",
    async run(ctx) {
      const { victim, certificate } = await passedVictimCertificate(ctx, 'korban-lencana', 'Korban Lencana', new Date())
      const attacker = await ctx.newLearner('penyerang-lencana')
      const client = ctx.client()
      if (!(await client.signIn(attacker.nip, attacker.password))) return { refused: false, detail: 'the attacker could not sign in' }
      const stolen = await client.get(`/sertifikat/${certificate.id}/badge`)
      const body = await stolen.text()
      // Nothing made for the victim's certificate by the attacker's request (no status index, no hash).
      const madeByAttacker = await ctx.db.certificateBadge.count({ where: { certificateId: certificate.id } })
      // Control: the holder gets it, so the 404 above is the guard and not a broken route.
      const holder = ctx.client()
      if (!(await holder.signIn(victim.nip, victim.password))) return { refused: false, detail: 'the holder could not sign in' }
      const own = await holder.get(`/sertifikat/${certificate.id}/badge`)
      const ownBody = await own.text()
      return refusedIf(
        stolen.status === 404 && !body.includes('OpenBadgeCredential') && madeByAttacker === 0 && own.status === 200 && ownBody.includes('OpenBadgeCredential'),
        `attacker ${stolen.status} (badge rows ${madeByAttacker}), holder ${own.status}`,
      )
    },
  },
  {
    name: 'hr-reads-another-agencys-cohort',
    area: 'access',
    description: "HR of one agency downloads another agency's cohort report by its id",
    async run(ctx) {
      const officer = await ctx.newHrOfficer('lintas-instansi', { agencyCode: 'KEMEN-DEMO' })
      const victimCohort = await cohortOf(ctx, 'PEMKOT-DEMO')
      const client = ctx.client()
      if (!(await client.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const response = await client.get(`/api/hr/reports/completion?kelompok=${victimCohort.id}`)
      const body = await response.text()
      return refusedIf(response.status === 404 && !body.includes('Demo Raya'), `answered ${response.status}`)
    },
  },
  {
    name: 'hr-reads-another-agencys-assignment',
    area: 'access',
    description: "HR of one agency follows another agency's background assignment (its progress and result) by its id; a learner tries too",
    async run(ctx) {
      const victimCohort = await cohortOf(ctx, 'PEMKOT-DEMO')
      const job = await ctx.db.assignmentJob.create({
        data: { agencyId: victimCohort.agencyId, cohortId: victimCohort.id, officerId: 'security', target: 'nip', status: 'done', total: 3, processed: 3, added: 3, unknownNips: '["199001012015011999"]' },
      })
      const officer = await ctx.newHrOfficer('penetapan-lintas', { agencyCode: 'KEMEN-DEMO' })
      const learner = await ctx.newLearner('penetapan-peserta')
      const answers: string[] = []
      for (const [who, person] of [['hr', officer], ['learner', learner]] as const) {
        const client = ctx.client()
        if (!(await client.signIn(person.email, person.password))) return { refused: false, detail: `the ${who} could not sign in` }
        const response = await client.get(`/api/hr/penetapan/${job.id}`)
        const body = await response.text()
        const expected = who === 'hr' ? 404 : 403
        if (response.status !== expected || body.includes('199001012015011999') || body.includes(victimCohort.name)) answers.push(`${who} → ${response.status}`)
      }
      return refusedIf(answers.length === 0, `answered: ${answers.join(', ')}`)
    },
  },
  {
    name: 'hr-and-visitor-read-item-statistics',
    area: 'access',
    description: "an HR officer opens the admin's item statistics page and CSV; a visitor without a session downloads the CSV",
    async run(ctx) {
      const officer = await ctx.newHrOfficer('statistik-soal')
      const client = ctx.client()
      if (!(await client.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const answers: string[] = []
      for (const path of ['/admin/bank-soal', '/admin/bank-soal/csv?uji=akhir']) {
        const response = await client.get(path)
        const body = await response.text()
        if (response.status !== 403 || body.includes('Proporsi benar')) answers.push(`${path} → ${response.status}`)
      }
      const visitor = await ctx.client().get('/admin/bank-soal/csv')
      const body = await visitor.text()
      if (visitor.status !== 401 || body.includes('Proporsi benar')) answers.push(`visitor csv → ${visitor.status}`)
      return refusedIf(answers.length === 0, `answered: ${answers.join(', ')}`)
    },
  },
]
