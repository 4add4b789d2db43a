/**
 * Whose NIP is it (issue 10 §1): attacks on identity claims, the review queue, roster imports
 * and mutasi, replayed as an attacker who has read the code would. Each checks the answer and
 * the database; where an attack replays a form, a control submission first proves the replay
 * itself works (so a refusal means the app refused, not that the replay was broken).
 */
import { getLessonOutline } from '@/lib/content/lessons.server'
import type { Attack, AttackContext, HttpClient } from '../attack'
import { refusedIf } from '../attack'

const AGENCY_A = 'PEMKOT-DEMO'
const AGENCY_B = 'KEMEN-DEMO'

/** Index (as the harness counts forms) of the first form whose HTML matches `pattern`. */
async function formIndex(client: HttpClient, pagePath: string, pattern: RegExp): Promise<number> {
  const html = await (await client.get(pagePath)).text()
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)]
  const index = forms.findIndex((form) => pattern.test(form[0]))
  if (index < 0) throw new Error(`no form matching ${pattern} on ${pagePath}`)
  return index
}

async function signedIn(client: HttpClient, identifier: string, password: string) {
  if (!(await client.signIn(identifier, password))) throw new Error(`${identifier} could not sign in`)
  return client
}

const statusOf = async (ctx: AttackContext, userId: string) =>
  ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: { identityStatus: true, nip: true, agencyId: true, unitId: true } })

function csv(rows: string[][]): string {
  return ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', ...rows.map((row) => row.join(';'))].join('\r\n')
}

/**
 * HR of agency B replays a review-queue form of its own page with agency A's claimant's id.
 * Control: the same replay with B's own claimant's id works.
 */
async function crossAgencyReview(ctx: AttackContext, kind: 'confirm' | 'reject') {
  const victim = await ctx.newLearner(`klaim-a-${kind}`, { agencyCode: AGENCY_A, identityStatus: 'claimed' })
  const decoy = await ctx.newLearner(`klaim-b-${kind}`, { agencyCode: AGENCY_B, identityStatus: 'claimed' })
  const officer = await ctx.newHrOfficer(`hr-b-${kind}`, { agencyCode: AGENCY_B })
  const client = await signedIn(ctx.client(), officer.email, officer.password)
  const pattern = kind === 'confirm' ? /aria-label="Konfirmasi NIP Peserta klaim-b/ : /aria-label="Tolak klaim NIP Peserta klaim-b/
  const fields = (userId: string): Record<string, string> => (kind === 'confirm' ? { userId } : { userId, reason: 'Serangan lintas instansi' })

  const index = await formIndex(client, '/hr/verifikasi', pattern)
  const attack = await client.submitForm('/hr/verifikasi', fields(victim.id), { formIndex: index })
  const attackBody = await attack.text()
  const afterAttack = await statusOf(ctx, victim.id)
  const audits = await ctx.db.auditLog.count({ where: { targetId: victim.id, action: { in: ['identity.verified', 'identity.rejected'] } } })

  // Control: the very same replay with B's own claimant is carried out.
  const control = await client.submitForm('/hr/verifikasi', fields(decoy.id), { formIndex: await formIndex(client, '/hr/verifikasi', pattern) })
  await control.arrayBuffer()
  const decoyAfter = await statusOf(ctx, decoy.id)
  const controlWorked = decoyAfter.identityStatus === (kind === 'confirm' ? 'verified' : 'rejected')
  if (!controlWorked) return { refused: false, detail: `the control replay did not work (decoy ${decoyAfter.identityStatus}); the attack proves nothing` }
  return refusedIf(
    afterAttack.identityStatus === 'claimed' && afterAttack.nip === victim.nip && audits === 0 && !attackBody.includes('ditolak; NIP dilepas') && !attackBody.includes('dikonfirmasi:'),
    `victim now ${afterAttack.identityStatus} (nip ${afterAttack.nip}), ${audits} audit entries, HTTP ${attack.status}`,
  )
}

/** Every lesson recorded as completed (with generous reading time), so only the NIP can block. */
async function completeLessons(ctx: AttackContext, userId: string) {
  for (const lesson of getLessonOutline()) {
    const data = { contentVersion: 'security', reachedEndAt: new Date(), completedAt: new Date(), openedAt: new Date(), activeSeconds: 3600 }
    await ctx.db.lessonProgress.upsert({ where: { userId_lessonSlug: { userId, lessonSlug: lesson.slug } }, create: { userId, lessonSlug: lesson.slug, ...data }, update: data })
  }
}

/**
 * HR of agency B replays its "Koreksi nama" approval form with agency A's pending request id
 * (decision 043). Control: the same replay with B's own person's request is carried out.
 */
async function crossAgencyNameCorrection(ctx: AttackContext) {
  const victim = await ctx.newLearner('koreksi-a', { agencyCode: AGENCY_A })
  const decoy = await ctx.newLearner('koreksi-b', { agencyCode: AGENCY_B })
  const officer = await ctx.newHrOfficer('hr-b-koreksi', { agencyCode: AGENCY_B })
  const request = (person: { id: string }, name: string) =>
    ctx.db.nameCorrectionRequest.create({
      data: { userId: person.id, openForUserId: person.id, currentName: name, requestedName: `${name} Diubah`, reason: 'Serangan koreksi nama' },
    })
  const nameOf = async (id: string) => (await ctx.db.user.findUniqueOrThrow({ where: { id }, select: { name: true } })).name
  const victimRequest = await request(victim, await nameOf(victim.id))
  const decoyName = await nameOf(decoy.id)
  const decoyRequest = await request(decoy, decoyName)
  const client = await signedIn(ctx.client(), officer.email, officer.password)
  const pattern = new RegExp(`aria-label="Setujui koreksi nama ${decoyName}"`)

  const attack = await client.submitForm('/hr/koreksi-nama', { requestId: victimRequest.id, decision: 'setujui' }, { formIndex: await formIndex(client, '/hr/koreksi-nama', pattern) })
  const attackBody = await attack.text()
  const victimAfter = await ctx.db.nameCorrectionRequest.findUniqueOrThrow({ where: { id: victimRequest.id } })
  const victimName = await nameOf(victim.id)

  const control = await client.submitForm('/hr/koreksi-nama', { requestId: decoyRequest.id, decision: 'setujui' }, { formIndex: await formIndex(client, '/hr/koreksi-nama', pattern) })
  await control.arrayBuffer()
  const decoyAfter = await ctx.db.nameCorrectionRequest.findUniqueOrThrow({ where: { id: decoyRequest.id } })
  if (decoyAfter.status !== 'approved') return { refused: false, detail: `the control replay did not work (decoy request ${decoyAfter.status}); the attack proves nothing` }
  return refusedIf(
    victimAfter.status === 'pending' && !victimName.endsWith('Diubah') && !attackBody.includes('dikoreksi menjadi'),
    `victim's request ${victimAfter.status}, name now ${victimName}, HTTP ${attack.status}`,
  )
}

/**
 * A learner replays their own "Hapus akun saya" form (decision 047) with another person's id in
 * every field name a careless handler might read, and with their own password (the only one the
 * check may accept). Refused when the other person is untouched; the attacker's own account being
 * deleted is the control (the replay itself worked).
 */
async function deleteAnotherAccount(ctx: AttackContext) {
  const victim = await ctx.newLearner('hapus-korban')
  const attacker = await ctx.newLearner('hapus-penyerang')
  const client = await signedIn(ctx.client(), attacker.email, attacker.password)
  const response = await client.submitForm(
    '/akun/data-saya',
    { userId: victim.id, id: victim.id, targetId: victim.id, password: attacker.password, confirmation: 'HAPUS AKUN SAYA' },
    { formIndex: await formIndex(client, '/akun/data-saya', /aria-label="Hapus akun saya"/) },
  )
  await response.arrayBuffer()
  const [victimAfter, attackerAfter] = await Promise.all(
    [victim.id, attacker.id].map((id) => ctx.db.user.findUniqueOrThrow({ where: { id }, select: { name: true, disabledAt: true, accountDeletion: { select: { userId: true } } } })),
  )
  if (!attackerAfter!.accountDeletion) return { refused: false, detail: `the replay did not delete the attacker's own account (HTTP ${response.status}); the attack proves nothing` }
  return refusedIf(!victimAfter!.accountDeletion && victimAfter!.disabledAt === null && victimAfter!.name !== 'Akun dihapus', `victim now "${victimAfter!.name}"`)
}

export const attacks: Attack[] = [
  {
    name: 'learner-deletes-another-account',
    area: 'identity',
    description: "a learner replays 'Hapus akun saya' with another person's id in userId/id/targetId and their own password",
    run: deleteAnotherAccount,
  },
  {
    name: 'hr-approves-another-agencys-name-correction',
    area: 'identity',
    description: "HR of agency B replays its 'Setujui koreksi nama' form with agency A's pending name-correction request id",
    run: crossAgencyNameCorrection,
  },
  {
    name: 'self-registration-claims-verified-identity',
    area: 'identity',
    description: 'a visitor registers a NIP through /daftar adding identityStatus=verified (and method, verifier) to the form',
    async run(ctx) {
      const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: AGENCY_A }, include: { units: true } })
      const nip = ctx.freshNip()
      const email = `daftar-${nip}@serangan.go.id`
      const response = await ctx.client().submitForm('/daftar', {
        name: 'Penyerobot Mandiri',
        nip,
        employmentType: 'PNS',
        agencyId: agency.id,
        unitId: agency.units[0]!.id,
        email,
        password: 'Sandi-serangan-2026',
        passwordConfirm: 'Sandi-serangan-2026',
        identityStatus: 'verified',
        identityMethod: 'hr',
        identityVerifiedAt: new Date().toISOString(),
      })
      await response.arrayBuffer()
      const user = await ctx.db.user.findUnique({ where: { nip }, select: { identityStatus: true, identityMethod: true, identityVerifiedAt: true } })
      if (!user) return { refused: false, detail: `registration did not create the account (HTTP ${response.status}); cannot tell` }
      return refusedIf(
        user.identityStatus === 'claimed' && user.identityMethod === null && user.identityVerifiedAt === null,
        `registered as ${user.identityStatus} (${user.identityMethod})`,
      )
    },
  },
  {
    name: 'hr-confirms-another-agencys-claimant',
    area: 'identity',
    description: "HR of agency B replays its review-queue 'Konfirmasi' form with agency A's claimant's user id",
    run: (ctx) => crossAgencyReview(ctx, 'confirm'),
  },
  {
    name: 'hr-rejects-another-agencys-claimant',
    area: 'identity',
    description: "HR of agency B replays its review-queue 'Tolak klaim' form with agency A's claimant's user id",
    run: (ctx) => crossAgencyReview(ctx, 'reject'),
  },
  {
    name: 'hr-imports-roster-naming-another-agencys-verified-person',
    area: 'identity',
    description: "HR of agency B imports a roster naming agency A's verified person (and sends a 'tolak' decision for that NIP) to take them over",
    async run(ctx) {
      const victim = await ctx.newLearner('terverifikasi-a', { agencyCode: AGENCY_A })
      const officer = await ctx.newHrOfficer('hr-b-impor', { agencyCode: AGENCY_B })
      const agencyB = await ctx.db.agency.findUniqueOrThrow({ where: { code: AGENCY_B }, include: { units: true } })
      const filler = ctx.freshNip()
      const body = csv([
        [victim.nip, 'Peserta terverifikasi-a', `ambil-${victim.nip}@serangan.go.id`, 'PNS', agencyB.units[0]!.name],
        [filler, 'Pegawai Pengisi', `pengisi-${filler}@serangan.go.id`, 'PNS', agencyB.units[0]!.name],
      ])
      const client = await signedIn(ctx.client(), officer.email, officer.password)
      const response = await client.post('/api/hr/roster/import', {
        body,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'daftar.csv', origin: ctx.baseUrl, 'x-conflict-decisions': `${victim.nip}=tolak` },
      })
      await response.arrayBuffer()
      const after = await statusOf(ctx, victim.id)
      const fillerImported = await ctx.db.user.count({ where: { nip: filler, agencyId: agencyB.id } })
      if (fillerImported !== 1) return { refused: false, detail: `the import itself did not run (HTTP ${response.status}); cannot tell` }
      return refusedIf(
        after.agencyId === victim.agencyId && after.identityStatus === 'verified' && after.nip === victim.nip,
        `victim now in ${after.agencyId}, ${after.identityStatus}, nip ${after.nip}`,
      )
    },
  },
  {
    name: 'roster-import-treats-squatter-as-person',
    area: 'identity',
    description: "a squatter claims a NIP under another name; HR's roster import without a decision must not verify the squatter or skip the conflict",
    async run(ctx) {
      const squatter = await ctx.newLearner('penyerobot', { agencyCode: AGENCY_A, identityStatus: 'claimed' })
      const officer = await ctx.newHrOfficer('hr-a-impor', { agencyCode: AGENCY_A })
      const agencyA = await ctx.db.agency.findUniqueOrThrow({ where: { code: AGENCY_A }, include: { units: true } })
      const client = await signedIn(ctx.client(), officer.email, officer.password)
      const body = csv([[squatter.nip, 'Pemilik Asli NIP', `asli-${squatter.nip}@serangan.go.id`, 'PNS', agencyA.units[0]!.name]])
      const response = await client.post('/api/hr/roster/import', {
        body,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'daftar.csv', origin: ctx.baseUrl },
      })
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
      const after = await statusOf(ctx, squatter.id)
      return refusedIf(
        response.status === 422 && /belum diputuskan/.test(answer?.error?.message ?? '') && after.identityStatus === 'claimed' && after.nip === squatter.nip,
        `HTTP ${response.status}, squatter now ${after.identityStatus}`,
      )
    },
  },
  {
    name: 'hr-approves-own-transfer-request',
    area: 'identity',
    description: "HR of agency B requests mutasi of agency A's verified person, then replays an approval form with its own request's id",
    async run(ctx) {
      const victim = await ctx.newLearner('mutasi-a', { agencyCode: AGENCY_A })
      const officerB = await ctx.newHrOfficer('hr-b-mutasi', { agencyCode: AGENCY_B })
      const officerA = await ctx.newHrOfficer('hr-a-mutasi', { agencyCode: AGENCY_A })
      const agencyB = await ctx.db.agency.findUniqueOrThrow({ where: { code: AGENCY_B }, include: { units: true } })
      const agencyA = await ctx.db.agency.findUniqueOrThrow({ where: { code: AGENCY_A }, include: { units: true } })
      const client = await signedIn(ctx.client(), officerB.email, officerB.password)

      // B requests the victim through its own form.
      const requestForm = await formIndex(client, '/hr/mutasi', /aria-label="Ajukan mutasi masuk"/)
      const requested = await client.submitForm('/hr/mutasi', { nip: victim.nip, unitId: agencyB.units[0]!.id, note: 'SK palsu 1/2026' }, { formIndex: requestForm })
      await requested.arrayBuffer()
      const own = await ctx.db.transferRequest.findFirst({ where: { userId: victim.id, status: 'pending' } })
      if (!own) return { refused: false, detail: `the request itself was not created (HTTP ${requested.status}); cannot tell` }

      // So that B's page renders an approval form (and its action id), A asks for one of B's people.
      const bPerson = await ctx.newLearner('mutasi-b', { agencyCode: AGENCY_B })
      const decoy = await ctx.db.transferRequest.create({
        data: { userId: bPerson.id, fromAgencyId: agencyB.id, toAgencyId: agencyA.id, toUnitId: agencyA.units[0]!.id, requestedById: officerA.id, note: 'SK 2/2026' },
      })
      // The form names the person with their masked NIP (namesakes must differ): match the name only.
      const approveForm = await formIndex(client, '/hr/mutasi', /aria-label="Setujui mutasi Peserta mutasi-b[" (]/)
      const attack = await client.submitForm('/hr/mutasi', { requestId: own.id, decision: 'setujui' }, { formIndex: approveForm })
      await attack.arrayBuffer()
      const ownAfter = await ctx.db.transferRequest.findUniqueOrThrow({ where: { id: own.id } })
      const victimAfter = await statusOf(ctx, victim.id)

      // Control: the same replay for the request B may decide is carried out.
      const control = await client.submitForm('/hr/mutasi', { requestId: decoy.id, decision: 'setujui' }, { formIndex: approveForm })
      await control.arrayBuffer()
      const decoyAfter = await ctx.db.transferRequest.findUniqueOrThrow({ where: { id: decoy.id } })
      if (decoyAfter.status !== 'approved') return { refused: false, detail: `the control replay did not work (decoy ${decoyAfter.status}); the attack proves nothing` }
      return refusedIf(
        ownAfter.status === 'pending' && ownAfter.decidedById === null && victimAfter.agencyId === agencyA.id,
        `own request ${ownAfter.status}, victim in ${victimAfter.agencyId}`,
      )
    },
  },
  {
    name: 'squatters-certificate-verifies-as-agency-checked',
    area: 'identity',
    description: "a squatter's certificate under a claimed NIP is checked on /verify: it must not say the agency verified the holder",
    async run(ctx) {
      const squatter = await ctx.newLearner('sertifikat-klaim', { agencyCode: AGENCY_A, identityStatus: 'claimed' })
      const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: AGENCY_A } })
      const cohort = await ctx.db.cohort.upsert({
        where: { agencyId_name: { agencyId: agency.id, name: 'Serangan identitas' } },
        update: {},
        create: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Serangan identitas' },
      })
      const enrolment = await ctx.db.enrolment.create({ data: { userId: squatter.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
      const attempt = await ctx.db.quizAttempt.create({
        data: { userId: squatter.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 's', seed: 's', items: '{}', expiresAt: new Date(), submittedAt: new Date(), score: 90, passed: true },
      })
      const sequence = 800_000 + Math.floor(Math.random() * 100_000)
      const code = `b3d${String(sequence).padStart(21, '0')}`
      await ctx.db.certificate.create({
        data: {
          number: `BBS/2099/${sequence}`,
          year: 2099,
          sequence,
          code,
          userId: squatter.id,
          enrolmentId: enrolment.id,
          cycleKey: 'onboarding',
          attemptId: attempt.id,
          fullName: 'Peserta sertifikat-klaim',
          nip: squatter.nip,
          agencyName: agency.name,
          courseTitle: 'Bijak Bermedia Sosial',
          contentVersion: 's',
          score: 90,
          jp: 2,
          completedAt: new Date(),
          validUntil: new Date(Date.now() + 365 * 86_400_000),
          signerName: 'Penandatangan',
          signerTitle: 'Kepala',
        },
      })
      const response = await ctx.client().get(`/verify/${code}`)
      const html = await response.text()
      return refusedIf(
        response.status === 200 && html.includes('belum diverifikasi oleh instansi') && !html.includes('terverifikasi oleh instansi'),
        `HTTP ${response.status}; the page ${html.includes('terverifikasi oleh instansi') ? 'says verified' : 'does not state the identity status'}`,
      )
    },
  },
  {
    name: 'rejected-claimant-starts-post-test',
    area: 'identity',
    description: "a claimant whose NIP claim HR rejected replays the quiz-start form (from /uji/awal) with kind=akhir to earn a certificate without a NIP",
    async run(ctx) {
      const rejected = await ctx.newLearner('klaim-ditolak-uji', { agencyCode: AGENCY_A, identityStatus: 'claimed' })
      await ctx.db.user.update({
        where: { id: rejected.id },
        data: { nip: null, rejectedNip: rejected.nip, identityStatus: 'rejected', identityRejectedAt: new Date() },
      })
      await completeLessons(ctx, rejected.id)
      const client = await signedIn(ctx.client(), rejected.email, rejected.password)
      // The page's first server-action form is the header's sign-out: pick the quiz-start form.
      const startForm = /name="kind"/
      const attack = await client.submitForm('/uji/awal', { kind: 'akhir' }, { formIndex: await formIndex(client, '/uji/awal', startForm) })
      await attack.arrayBuffer()
      const attempts = await ctx.db.quizAttempt.count({ where: { userId: rejected.id, kind: 'posttest' } })

      // Control: a verified learner with the same lessons done gets a post-test from the same replay.
      const verified = await ctx.newLearner('terverifikasi-uji', { agencyCode: AGENCY_A })
      await completeLessons(ctx, verified.id)
      const controlClient = await signedIn(ctx.client(), verified.nip, verified.password)
      const control = await controlClient.submitForm('/uji/awal', { kind: 'akhir' }, { formIndex: await formIndex(controlClient, '/uji/awal', startForm) })
      await control.arrayBuffer()
      if ((await ctx.db.quizAttempt.count({ where: { userId: verified.id, kind: 'posttest' } })) !== 1) {
        return { refused: false, detail: `the control replay did not start a post-test (HTTP ${control.status} ${control.headers.get("location") ?? ""}); the attack proves nothing` }
      }
      return refusedIf(attempts === 0, `the rejected claimant started ${attempts} post-test attempt(s) (HTTP ${attack.status})`)
    },
  },
]
