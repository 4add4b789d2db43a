/**
 * HR reports and people pages (area 'reports'): HR of one agency reaching another agency's
 * cohort, unit or person through every report route and the people/person pages, and the SIASN
 * export leaking a NIP that is only claimed. Threat model: docs/security/reports.md.
 */
import { randomBytes, randomInt } from 'node:crypto'
import type { Attack, AttackContext, HttpClient } from '../attack'
import { refusedIf } from '../attack'

const VICTIM = 'PEMKOT-DEMO'
const ATTACKER = 'KEMEN-DEMO'

/** A cohort of the victim agency with one verified person in it (a certificate holder). */
async function victimData(ctx: AttackContext, label: string) {
  const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: VICTIM }, include: { units: true } })
  const cohort = await ctx.db.cohort.create({
    data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: `Rahasia ${label} ${randomBytes(3).toString('hex')}` },
  })
  const person = await ctx.newLearner(`korban-${label}`, { agencyCode: VICTIM, identityStatus: 'verified' })
  const enrolment = await ctx.db.enrolment.create({ data: { userId: person.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: person.id } })
  return { agency, cohort, person, enrolment, name: user.name, unitId: user.unitId ?? agency.units[0]!.id }
}

/** Gives a person a passed post-test and an issued certificate, straight in the database. */
async function certify(ctx: AttackContext, person: { id: string; nip: string }, enrolment: { id: string }, agencyName: string) {
  const now = new Date()
  const attempt = await ctx.db.quizAttempt.create({
    data: {
      userId: person.id,
      enrolmentId: enrolment.id,
      kind: 'posttest',
      contentVersion: 'security',
      seed: 'security',
      items: JSON.stringify({ seed: 'security', items: [] }),
      expiresAt: new Date(now.getTime() + 3_600_000),
      submittedAt: now,
      score: 100,
      passed: true,
    },
  })
  const sequence = randomInt(100_000, 999_999)
  return ctx.db.certificate.create({
    data: {
      number: `BBS/1999/${sequence}`,
      year: 1999,
      sequence,
      code: randomBytes(12).toString('hex'),
      userId: person.id,
      enrolmentId: enrolment.id,
      cycleKey: 'onboarding',
      attemptId: attempt.id,
      fullName: `Pemegang ${person.nip}`,
      nip: person.nip,
      employmentType: 'PNS',
      agencyName,
      courseTitle: 'Bijak Bermedia Sosial',
      contentVersion: 'security',
      score: 100,
      jp: 2,
      completedAt: now,
      validUntil: new Date(now.getTime() + 365 * 86_400_000),
      signerName: 'Penandatangan',
      signerTitle: 'Kepala',
    },
  })
}

async function signedInOfficer(ctx: AttackContext, label: string, agencyCode: string): Promise<HttpClient | null> {
  const officer = await ctx.newHrOfficer(label, { agencyCode })
  const client = ctx.client()
  return (await client.signIn(officer.email, officer.password)) ? client : null
}

/** What of the victim must never appear in an answer to the attacker. */
function leaks(body: string, secrets: string[]): string[] {
  return secrets.filter((secret) => secret && body.includes(secret))
}

export const attacks: Attack[] = [
  {
    name: 'hr-other-agency-cohort-every-report-route',
    area: 'reports',
    description: "HR of agency B downloads agency A's cohort through the completion, SIASN and certificate routes, in every format and option",
    async run(ctx) {
      const victim = await victimData(ctx, 'kelompok')
      const client = await signedInOfficer(ctx, 'lintas-laporan', ATTACKER)
      if (!client) return { refused: false, detail: 'the officer could not sign in' }
      const problems: string[] = []
      const secrets = [victim.person.nip, victim.name, victim.cohort.name, victim.agency.name]
      for (const route of ['completion', 'siasn', 'certificates']) {
        for (const query of ['format=csv', 'format=xlsx', 'format=csv&semua-identitas=ya', `format=csv&unit=${victim.unitId}`]) {
          const path = `/api/hr/reports/${route}?kelompok=${victim.cohort.id}&${query}`
          const response = await client.get(path)
          const body = await response.text()
          if (response.status !== 404) problems.push(`${path} → ${response.status}`)
          const leaked = leaks(body, secrets)
          if (leaked.length) problems.push(`${path} shows ${leaked.join(', ')}`)
        }
      }
      return refusedIf(problems.length === 0, problems.join('; '))
    },
  },
  {
    name: 'hr-other-agency-unit-in-own-report',
    area: 'reports',
    description: "HR of agency B filters its own reports (one cohort, or all cohorts) by agency A's unit id",
    async run(ctx) {
      const victim = await victimData(ctx, 'unit')
      const client = await signedInOfficer(ctx, 'lintas-unit', ATTACKER)
      if (!client) return { refused: false, detail: 'the officer could not sign in' }
      const ministry = await ctx.db.agency.findUniqueOrThrow({ where: { code: ATTACKER } })
      const own = await ctx.db.cohort.create({ data: { agencyId: ministry.id, kind: 'onboarding', year: 2026, name: `Milik sendiri ${randomBytes(3).toString('hex')}` } })
      const problems: string[] = []
      for (const route of ['completion', 'siasn', 'certificates']) {
        for (const cohort of [own.id, 'semua']) {
          const path = `/api/hr/reports/${route}?kelompok=${cohort}&unit=${victim.unitId}&format=csv`
          const response = await client.get(path)
          const body = await response.text()
          if (response.status !== 404) problems.push(`${path} → ${response.status}`)
          const leaked = leaks(body, [victim.person.nip, victim.name])
          if (leaked.length) problems.push(`${path} shows ${leaked.join(', ')}`)
        }
      }
      return refusedIf(problems.length === 0, problems.join('; '))
    },
  },
  {
    name: 'hr-all-cohorts-report-stays-in-agency',
    area: 'reports',
    description: 'HR of agency B asks for "all cohorts" and hopes the report spans agencies',
    async run(ctx) {
      const victim = await victimData(ctx, 'semua')
      await certify(ctx, victim.person, victim.enrolment, victim.agency.name)
      const client = await signedInOfficer(ctx, 'semua-kelompok', ATTACKER)
      if (!client) return { refused: false, detail: 'the officer could not sign in' }
      const problems: string[] = []
      for (const route of ['completion', 'siasn']) {
        const path = `/api/hr/reports/${route}?kelompok=semua&format=csv&semua-identitas=ya`
        const response = await client.get(path)
        const body = await response.text()
        if (response.status !== 200) problems.push(`${path} → ${response.status} (expected the agency's own report)`)
        const leaked = leaks(body, [victim.person.nip, victim.name, victim.cohort.name])
        if (leaked.length) problems.push(`${path} shows ${leaked.join(', ')}`)
      }
      return refusedIf(problems.length === 0, problems.join('; '))
    },
  },
  {
    name: 'hr-other-agency-person-pages',
    area: 'reports',
    description: "HR of agency B opens agency A's person page, searches A's NIP and name, filters by A's unit and cohort",
    async run(ctx) {
      const victim = await victimData(ctx, 'orang')
      const client = await signedInOfficer(ctx, 'lintas-orang', ATTACKER)
      if (!client) return { refused: false, detail: 'the officer could not sign in' }
      const problems: string[] = []
      const secrets = [victim.person.nip, victim.name, victim.person.email]
      const person = await client.get(`/hr/pegawai/${victim.person.id}`)
      const personBody = await person.text()
      if (person.status !== 404) problems.push(`person page → ${person.status}`)
      if (leaks(personBody, secrets).length) problems.push(`person page shows ${leaks(personBody, secrets).join(', ')}`)
      const dashboard = await client.get(`/hr?kelompok=${victim.cohort.id}`)
      const dashboardBody = await dashboard.text()
      if (dashboard.status !== 404) problems.push(`dashboard with A's cohort → ${dashboard.status}`)
      if (dashboardBody.includes(victim.cohort.name)) problems.push("dashboard shows A's cohort name")
      // The search box echoes what the attacker typed; anything else of the victim is a leak.
      for (const [path, typed] of [
        [`/hr/pegawai?q=${victim.person.nip}`, victim.person.nip],
        [`/hr/pegawai?q=${encodeURIComponent(victim.name)}`, victim.name],
        [`/hr/pegawai?unit=${victim.unitId}`, ''],
        [`/hr/pegawai?unit=${victim.unitId}&identitas=verified&status=belum-mulai`, ''],
      ] as const) {
        const response = await client.get(path)
        const body = await response.text()
        if (response.status !== 200) problems.push(`${path} → ${response.status}`)
        else if (!body.includes('Tidak ada pegawai yang cocok.')) problems.push(`${path} lists someone`)
        if (body.includes(`/hr/pegawai/${victim.person.id}`)) problems.push(`${path} links to the victim`)
        const leaked = leaks(
          body,
          secrets.filter((secret) => secret !== typed),
        )
        if (leaked.length) problems.push(`${path} shows ${leaked.join(', ')}`)
      }
      return refusedIf(problems.length === 0, problems.join('; '))
    },
  },
  {
    name: 'siasn-export-without-option-has-no-claimed-identity',
    area: 'reports',
    description: 'a certificate of a self-claimed (unverified) NIP is exported to SIASN without HR asking for unverified identities',
    async run(ctx) {
      const victim = await victimData(ctx, 'siasn')
      const verifiedCertificate = await certify(ctx, victim.person, victim.enrolment, victim.agency.name)
      const squatter = await ctx.newLearner('pengklaim-siasn', { agencyCode: VICTIM, identityStatus: 'claimed' })
      const squatterEnrolment = await ctx.db.enrolment.create({ data: { userId: squatter.id, cohortId: victim.cohort.id, cycleKey: 'onboarding' } })
      const claimedCertificate = await certify(ctx, squatter, squatterEnrolment, victim.agency.name)
      const stored = await ctx.db.user.findUniqueOrThrow({ where: { id: squatter.id }, select: { identityStatus: true } })
      if (stored.identityStatus !== 'claimed') return { refused: false, detail: `set-up: the squatter is ${stored.identityStatus}` }
      const client = await signedInOfficer(ctx, 'siasn-hr', VICTIM)
      if (!client) return { refused: false, detail: 'the officer could not sign in' }
      const problems: string[] = []
      for (const query of [`kelompok=${victim.cohort.id}`, 'kelompok=semua', `kelompok=${victim.cohort.id}&identitas=claimed`, `kelompok=${victim.cohort.id}&semua-identitas=tidak`]) {
        const response = await client.get(`/api/hr/reports/siasn?${query}&format=csv`)
        const body = await response.text()
        if (query.endsWith('semua-identitas=tidak')) {
          if (response.status !== 422) problems.push(`${query} → ${response.status} (a malformed option must be refused with 422)`)
          continue
        }
        if (response.status !== 200) problems.push(`${query} → ${response.status}`)
        if (body.includes(squatter.nip) || body.includes(claimedCertificate.number)) problems.push(`${query}: the claimed NIP's certificate is exported`)
        if (!query.includes('identitas=claimed') && !body.includes(verifiedCertificate.number)) problems.push(`${query}: the verified certificate is missing`)
      }
      // With the explicit option the claimed row is there, and flagged: the option works, so
      // its absence above is the refusal and not an empty export.
      const all = await (await client.get(`/api/hr/reports/siasn?kelompok=${victim.cohort.id}&format=csv&semua-identitas=ya`)).text()
      const claimedLine = all.split('\r\n').find((line) => line.includes(claimedCertificate.number))
      if (!claimedLine?.includes('Belum diverifikasi')) problems.push('with the option, the claimed row is missing or not flagged')
      return refusedIf(problems.length === 0, problems.join('; '))
    },
  },
]
