/**
 * Sign-in, registration, activation, reset-code and /verify abuse, and sessions (issue 10 §2;
 * docs/security/abuse.md). Each attack replays the requests an attacker reading the code would
 * send, against the production build, and checks the answer and the database.
 */
import type { Attack, AttackContext, HttpClient } from '../attack'
import { refusedIf } from '../attack'
import { decodeEntities, parseForms } from '../http-client'

const WRONG = 'Email/NIP atau kata sandi salah.'

/** An address of our own as the trusted proxy reports it (never one the harness hands out). */
function ownAddress(): string {
  const part = (size: number) => Math.floor(Math.random() * size)
  return `100.${64 + part(60)}.${part(250)}.${1 + part(250)}`
}

/** The text of a page (entities decoded), to look for messages. */
async function textOf(response: Response): Promise<string> {
  return decodeEntities(await response.text())
}

/** One sign-in through /masuk's form (no JavaScript); returns the status and the page text. */
async function trySignIn(client: HttpClient, identifier: string, password: string) {
  const response = await client.submitForm('/masuk', { identifier, password })
  const text = response.status === 200 ? await textOf(response) : (await response.arrayBuffer(), '')
  return { status: response.status, text, signedIn: response.status === 303 && Object.keys(client.cookies()).some((name) => name.includes('session_token')) }
}

/** Keeps only the device cookie: the same browser after its session ended. */
function keepOnlyDeviceCookie(client: HttpClient) {
  const device = client.cookies().bbs_device
  client.clearCookies()
  if (device) client.setCookie('bbs_device', device)
  return device
}

async function demoCohort(ctx: AttackContext) {
  const agency = await ctx.db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: { orderBy: { name: 'asc' } } } })
  const cohort = await ctx.db.cohort.upsert({
    where: { agencyId_name: { agencyId: agency.id, name: 'Serangan sesi' } },
    update: {},
    create: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Serangan sesi' },
  })
  return { agency, cohort }
}

async function counter(ctx: AttackContext, key: string) {
  return ctx.db.rateLimitCounter.findUnique({ where: { key } })
}

export const attacks: Attack[] = [
  {
    name: 'sign-in-parallel-guessing-counted',
    area: 'abuse',
    description: "sends 50 wrong passwords for one learner's NIP at once, then the right one",
    async run(ctx) {
      const victim = await ctx.newLearner('tebak-paralel')
      const address = ownAddress()
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => trySignIn(ctx.client({ forwardedFor: address }), victim.nip, `Tebakan-${i}-xyz`)))
      const checked = results.filter((result) => result.text.includes(WRONG)).length
      const refusedEarly = results.filter((result) => result.text.includes('Terlalu banyak percobaan masuk')).length
      const account = await counter(ctx, `signin:account:${victim.id}`)
      const fromAddress = await counter(ctx, `signin:address:${address}`)
      const right = await trySignIn(ctx.client(), victim.nip, victim.password)
      return refusedIf(
        checked <= 5 && checked + refusedEarly === 50 && fromAddress?.count === 50 && account?.count === checked && !right.signedIn,
        `password checked ${checked}×, refused early ${refusedEarly}×, counted per address ${fromAddress?.count}, per account ${account?.count}, right password afterwards signed in: ${right.signedIn}`,
      )
    },
  },
  {
    name: 'sign-in-password-spraying-blocked',
    area: 'abuse',
    description: 'tries one common password on 31 different accounts from one address, then a right password',
    async run(ctx) {
      const people = []
      for (let i = 0; i < 31; i++) people.push(await ctx.newLearner(`semprot-${i}`))
      const client = ctx.client()
      const answers = []
      for (const person of people.slice(0, 30)) answers.push(await trySignIn(client, person.nip, 'Rahasia-Kantor-2026'))
      const last = people.at(-1)!
      const blocked = await trySignIn(client, last.nip, last.password)
      // Spraying must not lock the sprayed accounts themselves: the owner signs in from elsewhere.
      const owner = await trySignIn(ctx.client(), people[0]!.nip, people[0]!.password)
      return refusedIf(
        answers.every((answer) => answer.text.includes(WRONG)) && !blocked.signedIn && blocked.text.includes('gagal dari jaringan Anda') && owner.signedIn,
        `31st sign-in from the spraying address: ${blocked.signedIn ? 'signed in' : blocked.text.match(/Terlalu[^.]*\./)?.[0] ?? 'refused without the spraying message'}; owner elsewhere signed in: ${owner.signedIn}`,
      )
    },
  },
  {
    name: 'spoofed-forwarded-for-does-not-reset-address-limit',
    area: 'abuse',
    description: 'checks certificates on /verify 40 times, each with a different forged X-Forwarded-For entry in front of its real address',
    async run(ctx) {
      const real = ownAddress()
      const answers: string[] = []
      for (let i = 0; i < 40; i++) {
        const forged = `10.${i}.${i}.${i}, 192.0.2.${i + 1}`
        const response = await ctx.client({ forwardedFor: `${forged}, ${real}` }).get(`/verify/PALSU${String(i).padStart(5, '0')}`)
        const text = await textOf(response)
        answers.push(text.includes('Terlalu banyak permintaan') ? 'limited' : String(response.status))
      }
      const stored = await counter(ctx, `verify:${real}`)
      return refusedIf(
        answers.slice(0, 30).every((answer) => answer === '404') && answers.slice(30).every((answer) => answer === 'limited') && stored?.count === 30,
        `answers ${answers.join(',')}; counted for the real address: ${stored?.count}`,
      )
    },
  },
  {
    name: 'colleague-failures-do-not-lock-owner-browser',
    area: 'abuse',
    description: "a colleague types 12 wrong passwords for someone's NIP to lock them out of their usual browser",
    async run(ctx) {
      const owner = await ctx.newLearner('pemilik-perangkat')
      const ownerBrowser = ctx.client()
      if (!(await ownerBrowser.signIn(owner.nip, owner.password))) return { refused: false, detail: 'the owner could not sign in at all' }
      if (!keepOnlyDeviceCookie(ownerBrowser)) return { refused: false, detail: 'no device cookie was set after signing in' }
      const colleague = ctx.client()
      for (let i = 0; i < 12; i++) await trySignIn(colleague, owner.nip, `Coba-${i}-lagi`)
      const colleagueRight = await trySignIn(colleague, owner.nip, owner.password)
      const ownerAgain = await trySignIn(ownerBrowser, owner.nip, owner.password)
      return refusedIf(
        !colleagueRight.signedIn && ownerAgain.signedIn,
        `the account is ${colleagueRight.signedIn ? 'not locked for the colleague' : 'locked for the colleague'}; the owner's browser ${ownerAgain.signedIn ? 'got in' : `was refused: ${ownerAgain.text.match(/Terlalu[^.]*\./)?.[0] ?? ownerAgain.status}`}`,
      )
    },
  },
  {
    name: 'hr-report-after-sign-out',
    area: 'abuse',
    description: "replays an HR officer's cookies (session and 5-minute cache) to download a report after the officer signed out",
    async run(ctx) {
      const { cohort } = await demoCohort(ctx)
      const officer = await ctx.newHrOfficer('keluar')
      const browser = ctx.client()
      if (!(await browser.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const path = `/api/hr/reports/completion?kelompok=${cohort.id}`
      const before = await browser.get(path)
      await before.arrayBuffer()
      if (before.status !== 200) return { refused: false, detail: `the report did not download while signed in (${before.status})` }
      const stolen = browser.cookies()
      // Sign out with the header's "Keluar": a plain form posting to /keluar from this site.
      const signOut = await browser.post('/keluar', { headers: { origin: new URL(ctx.baseUrl).origin } })
      await signOut.arrayBuffer()
      if (signOut.status !== 303) return { refused: false, detail: `signing out answered ${signOut.status}` }
      const sessions = await ctx.db.session.count({ where: { userId: officer.id } })
      const replay = ctx.client()
      for (const [name, value] of Object.entries(stolen)) replay.setCookie(name, value)
      const after = await replay.get(path)
      await after.arrayBuffer()
      const page = await replay.get('/hr/laporan')
      await page.arrayBuffer()
      return refusedIf(
        sessions === 0 && after.status === 401 && page.status >= 300 && page.status < 400,
        `sessions left ${sessions}; report after sign-out ${after.status}; /hr/laporan ${page.status}`,
      )
    },
  },
  {
    name: 'disabled-account-refused',
    area: 'abuse',
    description: 'a learner an admin disabled keeps using the open session and signs in again',
    async run(ctx) {
      const person = await ctx.newLearner('dinonaktifkan')
      const admin = await ctx.newAdmin('penonaktif')
      const personBrowser = ctx.client()
      if (!(await personBrowser.signIn(person.nip, person.password))) return { refused: false, detail: 'the learner could not sign in' }
      const adminBrowser = ctx.client()
      if (!(await adminBrowser.signIn(admin.email, admin.password))) return { refused: false, detail: 'the admin could not sign in' }
      // The admin disables the account on /admin/pengguna (its form with the reason).
      const pagePath = `/admin/pengguna?q=${person.nip}`
      const forms = parseForms(await (await adminBrowser.get(pagePath)).text())
      const formIndex = forms.map((form, index) => ({ form, index })).filter(({ form }) => form.hidden.some(([name, value]) => name === 'userId' && value === person.id)).at(-1)?.index
      if (formIndex === undefined) return { refused: false, detail: 'no disable form for the learner on /admin/pengguna' }
      const disabled = await adminBrowser.submitForm(pagePath, { reason: 'Uji keamanan' }, { formIndex })
      const disabledText = await textOf(disabled)
      const row = await ctx.db.user.findUniqueOrThrow({ where: { id: person.id }, select: { disabledAt: true } })
      if (!row.disabledAt) return { refused: false, detail: `the admin could not disable the account: ${disabledText.match(/alert[^<]*<[^>]*>([^<]*)/)?.[1] ?? disabled.status}` }
      const open = await personBrowser.get('/dasbor')
      await open.arrayBuffer()
      const again = await trySignIn(ctx.client(), person.nip, person.password)
      const audit = await ctx.db.auditLog.count({ where: { action: 'user.disabled', targetId: person.id, actorId: admin.id } })
      return refusedIf(
        open.status >= 300 && open.status < 400 && !again.signedIn && again.text.includes('dinonaktifkan') && audit === 1,
        `open session on /dasbor: ${open.status}; sign-in again: ${again.signedIn ? 'signed in' : 'refused'}; audit entries ${audit}`,
      )
    },
  },
  {
    name: 'reset-code-reused-refused',
    area: 'abuse',
    description: 'uses a password-reset code HR issued a second time (someone who saw it) to set their own password',
    async run(ctx) {
      const officer = await ctx.newHrOfficer('atur-ulang')
      const person = await ctx.newLearner('lupa-sandi')
      const hr = ctx.client()
      if (!(await hr.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const personPage = `/hr/pegawai/${person.id}`
      const forms = parseForms(await (await hr.get(personPage)).text())
      const formIndex = forms.findIndex((form) => form.hidden.some(([name, value]) => name === 'userId' && value === person.id))
      if (formIndex < 0) return { refused: false, detail: 'no reset-code form on the person page' }
      const issued = await textOf(await hr.submitForm(personPage, {}, { formIndex }))
      const code = issued.match(/Kode atur ulang kata sandi untuk [^:]+: ([0-9A-Z]{5}-[0-9A-Z]{5})/)?.[1]
      if (!code) return { refused: false, detail: 'HR could not issue a reset code on the person page' }
      const first = await ctx.client().submitForm('/atur-ulang-sandi', { nip: person.nip, code, password: 'Sandi-Pemilik-2027', passwordConfirm: 'Sandi-Pemilik-2027' })
      await first.arrayBuffer()
      if (first.status !== 303) return { refused: false, detail: `the owner could not use the code (${first.status})` }
      const reuse = await ctx.client().submitForm('/atur-ulang-sandi', { nip: person.nip, code, password: 'Sandi-Penyusup-2027', passwordConfirm: 'Sandi-Penyusup-2027' })
      const reuseText = reuse.status === 200 ? await textOf(reuse) : ''
      const intruder = await trySignIn(ctx.client(), person.nip, 'Sandi-Penyusup-2027')
      const owner = await trySignIn(ctx.client(), person.nip, 'Sandi-Pemilik-2027')
      return refusedIf(
        reuse.status === 200 && reuseText.includes('sudah dipakai') && !intruder.signedIn && owner.signedIn,
        `reuse answered ${reuse.status}; intruder signed in: ${intruder.signedIn}; owner signed in: ${owner.signedIn}`,
      )
    },
  },
  {
    name: 'registration-flood-limited',
    area: 'abuse',
    description: 'submits 51 valid registration forms from one address',
    async run(ctx) {
      const { agency } = await demoCohort(ctx)
      const taken = await ctx.newLearner('sudah-ada')
      const client = ctx.client()
      let limitedAt = 0
      for (let i = 1; i <= 51 && !limitedAt; i++) {
        // A valid form for a NIP that is already taken: cheap for us, counted all the same.
        const response = await client.submitForm('/daftar', {
          name: `Pendaftar ${i}`,
          nip: taken.nip,
          employmentType: 'PNS',
          agencyId: agency.id,
          unitId: agency.units[0]!.id,
          email: `banjir-${i}-${Date.now()}@serangan.go.id`,
          password: 'Sandi-Banjir-2027',
          passwordConfirm: 'Sandi-Banjir-2027',
        })
        if ((await textOf(response)).includes('Terlalu banyak pendaftaran dari jaringan Anda')) limitedAt = i
      }
      return refusedIf(limitedAt === 51, `limited at form ${limitedAt || 'never'}`)
    },
  },
  {
    name: 'activation-flood-limited',
    area: 'abuse',
    description: 'guesses activation codes for 31 NIPs from one address',
    async run(ctx) {
      const client = ctx.client()
      let limitedAt = 0
      for (let i = 1; i <= 31 && !limitedAt; i++) {
        const response = await client.submitForm('/aktivasi', { nip: ctx.freshNip(), code: 'ABCDE-FGHJK', password: 'Sandi-Tebak-2027', passwordConfirm: 'Sandi-Tebak-2027' })
        if ((await textOf(response)).includes('Terlalu banyak percobaan dari jaringan Anda')) limitedAt = i
      }
      return refusedIf(limitedAt === 31, `limited at attempt ${limitedAt || 'never'}`)
    },
  },
  {
    name: 'activation-code-guessing-per-nip-delayed',
    area: 'abuse',
    description: "guesses one imported person's activation code from many addresses",
    async run(ctx) {
      const nip = ctx.freshNip()
      let limitedAt = 0
      for (let i = 1; i <= 8 && !limitedAt; i++) {
        const response = await ctx.client().submitForm('/aktivasi', { nip, code: `ABCDE-FGH${i}K`, password: 'Sandi-Tebak-2027', passwordConfirm: 'Sandi-Tebak-2027' })
        if ((await textOf(response)).includes('Terlalu banyak percobaan untuk NIP ini')) limitedAt = i
      }
      return refusedIf(limitedAt === 6, `limited at attempt ${limitedAt || 'never'}`)
    },
  },
  {
    name: 'verify-flood-limited',
    area: 'abuse',
    description: 'enumerates /verify codes from one address',
    async run(ctx) {
      const client = ctx.client()
      const statuses: string[] = []
      for (let i = 0; i < 32; i++) {
        const response = await client.get(`/verify/TEBAK${String(i).padStart(5, '0')}`)
        statuses.push((await textOf(response)).includes('Terlalu banyak permintaan') ? 'limited' : String(response.status))
      }
      return refusedIf(statuses.slice(30).every((status) => status === 'limited') && statuses.slice(0, 30).every((status) => status === '404'), statuses.join(','))
    },
  },
]
