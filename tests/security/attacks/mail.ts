/**
 * Email (decision 032): the admin's outbox is for admins only; "Lupa kata sandi?" does not tell
 * whether an address has an account, is limited per address, and its link works once.
 */
import { randomUUID } from 'node:crypto'
import type { Attack, AttackContext } from '../attack'
import { refusedIf } from '../attack'
import { decodeEntities } from '../http-client'

const SENT = 'Jika alamat itu terdaftar'

/** The token of the newest reset email queued for this address (read from the outbox, as the admin's preview shows it). */
async function resetToken(ctx: AttackContext, email: string): Promise<string | null> {
  const message = await ctx.db.outboxMessage.findFirst({ where: { toAddress: email, kind: 'password-reset' }, orderBy: { createdAt: 'desc' } })
  return message ? (/token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1] ?? null) : null
}

async function queuedMessageId(ctx: AttackContext): Promise<string> {
  const existing = await ctx.db.outboxMessage.findFirst({ select: { id: true } })
  if (existing) return existing.id
  const learner = await ctx.newLearner('kotak-keluar')
  const response = await ctx.client().submitForm('/lupa-sandi', { email: learner.email })
  await response.arrayBuffer()
  return (await ctx.db.outboxMessage.findFirstOrThrow({ select: { id: true } })).id
}

/** A cohort of the agency with a due date, reminders running. */
async function cohortWithReminders(ctx: AttackContext, agencyCode: string, name: string) {
  const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: agencyCode } })
  return ctx.db.cohort.upsert({
    where: { agencyId_name: { agencyId: agency.id, name } },
    update: { remindersPausedAt: null },
    create: { agencyId: agency.id, kind: 'refresher', year: 2091, name, dueDate: new Date(Date.now() + 7 * 86_400_000) },
  })
}

/** An import of the agency (decision 052) that created one person who has not activated. */
async function importOfOnePerson(ctx: AttackContext, agencyCode: string, label: string) {
  const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: agencyCode } })
  const id = randomUUID()
  const nip = `19900101${String(Date.now()).slice(-7)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  const person = await ctx.db.user.create({ data: { id: randomUUID(), name: `Undangan ${label}`, email: `undangan-${label}-${id.slice(0, 8)}@contoh.go.id`, nip, agencyId: agency.id } })
  await ctx.db.rosterImport.create({ data: { id, agencyId: agency.id, fileName: `${label}.csv`, importedAt: new Date(), publishedAt: new Date(), created: 1, people: { create: { userId: person.id } } } })
  return { id, person }
}

export const attacks: Attack[] = [
  {
    name: 'hr-pauses-another-agencys-reminders',
    area: 'mail',
    description: "an HR officer submits the cohort page's 'Jeda pengingat' form with another agency's cohort id",
    async run(ctx) {
      const victim = await cohortWithReminders(ctx, 'PEMKOT-DEMO', 'Serangan pengingat korban')
      // The attacker's own cohort puts the form on their page; pausing it works (the path is real).
      const own = await cohortWithReminders(ctx, 'KEMEN-DEMO', 'Serangan pengingat sendiri')
      const officer = await ctx.newHrOfficer('pengingat-hr', { agencyCode: 'KEMEN-DEMO' })
      const client = ctx.client()
      if (!(await client.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const control = await client.submitForm('/hr/kelompok', { cohortId: own.id, pengingat: 'jeda' })
      await control.arrayBuffer()
      const ownAfter = await ctx.db.cohort.findUniqueOrThrow({ where: { id: own.id } })
      if (!ownAfter.remindersPausedAt) return { refused: false, detail: `the control (own cohort) did not pause: HTTP ${control.status}` }
      const response = await client.submitForm('/hr/kelompok', { cohortId: victim.id, pengingat: 'jeda' })
      await response.arrayBuffer()
      const after = await ctx.db.cohort.findUniqueOrThrow({ where: { id: victim.id } })
      return refusedIf(after.remindersPausedAt === null, `the other agency's cohort was paused (HTTP ${response.status})`)
    },
  },
  {
    name: 'hr-invites-another-agencys-import',
    area: 'mail',
    description: "an HR officer posts 'Kirim undangan' for another agency's roster import (its id guessed or leaked)",
    async run(ctx) {
      const victim = await importOfOnePerson(ctx, 'PEMKOT-DEMO', 'korban')
      const own = await importOfOnePerson(ctx, 'KEMEN-DEMO', 'sendiri')
      const officer = await ctx.newHrOfficer('undangan-hr', { agencyCode: 'KEMEN-DEMO' })
      const client = ctx.client()
      if (!(await client.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const post = (importId: string) => client.post(`/api/hr/roster/imports/${importId}/undangan`, { headers: { origin: new URL(ctx.baseUrl).origin } })
      // The control: the officer's own import is invited (the path is real).
      const control = await post(own.id)
      const controlBody = await control.text()
      if (control.status !== 200 || !controlBody.includes('"sent":1')) return { refused: false, detail: `the control (own import) answered ${control.status} ${controlBody}` }
      const response = await post(victim.id)
      const body = await response.text()
      const queued = await ctx.db.outboxMessage.count({ where: { userId: victim.person.id } })
      const codes = await ctx.db.verification.count({ where: { identifier: `activation:${victim.person.id}` } })
      return refusedIf(
        response.status === 404 && !body.includes(victim.person.name) && queued === 0 && codes === 0,
        `HTTP ${response.status}, ${queued} message(s) queued and ${codes} code(s) set for the other agency's person`,
      )
    },
  },
  {
    name: 'outbox-hidden-from-learners-and-hr',
    area: 'mail',
    description: "a learner, an HR officer and a visitor open the admin's outbox, a message and its HTML",
    async run(ctx) {
      const id = await queuedMessageId(ctx)
      const paths = ['/admin/kotak-keluar', `/admin/kotak-keluar/${id}`, `/admin/kotak-keluar/${id}/html`]
      const answers: string[] = []
      const learner = await ctx.newLearner('kotak-keluar-peserta')
      const officer = await ctx.newHrOfficer('kotak-keluar-hr')
      for (const [who, identifier, password] of [
        ['learner', learner.nip, learner.password],
        ['hr', officer.email, officer.password],
      ] as const) {
        const client = ctx.client()
        if (!(await client.signIn(identifier, password))) return { refused: false, detail: `the ${who} could not sign in` }
        for (const path of paths) {
          const response = await client.get(path)
          const body = await response.text()
          if ((response.status !== 403 && response.status !== 404) || body.includes('token=')) answers.push(`${who} ${path} → ${response.status}`)
        }
      }
      const visitor = ctx.client()
      for (const path of paths) {
        const response = await visitor.get(path, { redirect: 'manual' })
        const body = await response.text()
        const refused = response.status === 401 || (response.status >= 300 && response.status < 400 && (response.headers.get('location') ?? '').includes('/masuk'))
        if (!refused || body.includes('token=')) answers.push(`visitor ${path} → ${response.status}`)
      }
      return refusedIf(answers.length === 0, `answered: ${answers.join(', ')}`)
    },
  },
  {
    name: 'reset-request-reveals-no-account',
    area: 'mail',
    description: 'asks for reset links for a registered and an unregistered address and compares the answers',
    async run(ctx) {
      const learner = await ctx.newLearner('ada-akun')
      const known = await ctx.client().submitForm('/lupa-sandi', { email: learner.email })
      const unknown = await ctx.client().submitForm('/lupa-sandi', { email: `tidak-ada-${Date.now()}@contoh.go.id` })
      const [knownText, unknownText] = [decodeEntities(await known.text()), decodeEntities(await unknown.text())]
      const queued = await ctx.db.outboxMessage.count({ where: { toAddress: learner.email } })
      return refusedIf(
        known.status === 200 && unknown.status === 200 && knownText.includes(SENT) && unknownText.includes(SENT) && queued === 1,
        `known ${known.status} (${knownText.includes(SENT)}), unknown ${unknown.status} (${unknownText.includes(SENT)}), queued ${queued}`,
      )
    },
  },
  {
    name: 'reset-request-flood-limited',
    area: 'mail',
    description: 'asks for a reset link for one address 6 times (mail bombing a colleague)',
    async run(ctx) {
      const learner = await ctx.newLearner('dibanjiri')
      const answers: string[] = []
      for (let i = 0; i < 6; i++) {
        const response = await ctx.client().submitForm('/lupa-sandi', { email: learner.email })
        answers.push(decodeEntities(await response.text()).includes('Terlalu banyak permintaan untuk alamat ini') ? 'limited' : 'sent')
      }
      const queued = await ctx.db.outboxMessage.count({ where: { toAddress: learner.email } })
      return refusedIf(answers.slice(0, 5).every((a) => a === 'sent') && answers[5] === 'limited' && queued === 1, `answers ${answers.join(',')}, queued ${queued}`)
    },
  },
  {
    name: 'reset-link-reused-refused',
    area: 'mail',
    description: 'uses a reset link from an email a second time (someone who saw the mail) to set their own password',
    async run(ctx) {
      const learner = await ctx.newLearner('tautan-sekali')
      await (await ctx.client().submitForm('/lupa-sandi', { email: learner.email })).arrayBuffer()
      const token = await resetToken(ctx, learner.email)
      if (!token) return { refused: false, detail: 'no reset email was queued' }
      const page = `/atur-ulang-sandi/email?token=${token}`
      const first = await ctx.client().submitForm(page, { password: 'Sandi-Pemilik-2027', passwordConfirm: 'Sandi-Pemilik-2027' })
      await first.arrayBuffer()
      if (first.status !== 303) return { refused: false, detail: `the owner could not use the link (${first.status})` }
      const again = await ctx.client().get(page)
      const againText = decodeEntities(await again.text())
      const intruder = ctx.client()
      const intruderIn = await intruder.signIn(learner.email, 'Sandi-Penyusup-2027')
      const ownerIn = await ctx.client().signIn(learner.email, 'Sandi-Pemilik-2027')
      return refusedIf(againText.includes('tidak berlaku lagi') && !againText.includes('name="password"') && !intruderIn && ownerIn, `reuse page usable: ${!againText.includes('tidak berlaku lagi')}; intruder ${intruderIn}; owner ${ownerIn}`)
    },
  },
]
