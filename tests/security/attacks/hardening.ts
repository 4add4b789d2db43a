/**
 * Hardening (issue 10 §4): open redirects, oversized and cross-origin requests, XLSX bombs and
 * upload floods, the Content-Security-Policy, and GETs that must write nothing.
 * Threat model: docs/security/hardening.md.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import type { Attack, AttackContext, HttpClient } from '../attack'
import { refusedIf } from '../attack'

const EVIL = 'https://evil.example'

/** Where a browser goes with this Location: Chrome strips tabs and newlines, then resolves it. */
function browserTarget(location: string, baseUrl: string): string {
  try {
    return new URL(location.replace(/[\t\n\r]/g, ''), baseUrl).origin
  } catch {
    return 'unparseable'
  }
}

function cookieHeader(client: HttpClient): string {
  return Object.entries(client.cookies())
    .map(([name, value]) => `${name}=${value}`)
    .join('; ')
}

async function signedIn(ctx: AttackContext, who: 'learner' | 'hr', label: string) {
  const person = who === 'hr' ? await ctx.newHrOfficer(label) : await ctx.newLearner(label)
  const client = ctx.client()
  const identifier = who === 'hr' ? person.email : (person.nip ?? person.email)
  if (!(await client.signIn(identifier, person.password))) throw new Error(`${label} could not sign in`)
  return { person, client }
}

/** `kembali` values as they arrive after the query string is decoded once. */
const DECODED_RETURN_PATHS = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '//evil.example',
  '///evil.example',
  '/.//evil.example',
  '/a/..//evil.example',
  ' //evil.example',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(document.domain)',
  '\tjavascript:alert(1)',
]
/** Raw query strings as an attacker puts them in a link: encoded and double-encoded. */
const RAW_QUERY_RETURN_PATHS = [
  '/%09/evil.example',
  '/%0A/evil.example',
  '/%5C/evil.example',
  '/%5Cevil.example',
  '%2F%2Fevil.example',
  '%252F%252Fevil.example',
  '/%2509/evil.example',
  '/%2F/evil.example',
  '//evil.example',
  '/%2E//evil.example',
  'https%3A%2F%2Fevil.example',
  'javascript%3Aalert(1)',
]

/** A chunked POST that keeps sending until the server answers; how much was sent by then. */
function chunkedFlood(baseUrl: string, path: string, cookie: string, maxBytes: number) {
  return new Promise<{ status: number; sentBeforeAnswer: number; body: string }>((resolve, reject) => {
    const url = new URL(path, baseUrl)
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', origin: new URL(baseUrl).origin, cookie },
    })
    let sent = 0
    let answered = false
    const chunk = Buffer.from(`{"state":{"pad":"${'x'.repeat(64 * 1024 - 20)}`)
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    request.on('response', (response) => {
      answered = true
      const sentBeforeAnswer = sent
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => (body += text))
      response.on('end', () => {
        request.destroy()
        resolve({ status: response.statusCode ?? 0, sentBeforeAnswer, body })
      })
    })
    request.on('error', (error) => (answered ? undefined : reject(error)))
    pump()
  })
}

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Pegawai')
  sheet.addRow(['NIP', 'Nama Lengkap', 'Email', 'Jenis Kepegawaian', 'Unit Kerja'])
  sheet.addRow(['198609262015052001', 'Ani', 'ani@contoh.go.id', 'PNS', 'Umum'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i
  throw new Error('no end of central directory')
}

/** A workbook with a 256 MB (zeros) local entry that the central directory does not list. */
async function xlsxWithHiddenEntry(): Promise<Buffer> {
  const xlsx = await workbookBytes()
  const directoryOffset = xlsx.readUInt32LE(findEocd(xlsx) + 16)
  const size = 256 * 1024 * 1024
  const data = deflateRawSync(Buffer.alloc(size))
  const name = Buffer.from('xl/sharedStrings.xml')
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(20, 4)
  header.writeUInt16LE(8, 8)
  header.writeUInt32LE(data.length, 18)
  header.writeUInt32LE(size, 22)
  header.writeUInt16LE(name.length, 26)
  const hidden = Buffer.concat([header, name, data])
  const out = Buffer.concat([xlsx.subarray(0, directoryOffset), hidden, xlsx.subarray(directoryOffset)])
  out.writeUInt32LE(directoryOffset + hidden.length, findEocd(out) + 16)
  return out
}

async function serverAnswers(ctx: AttackContext): Promise<boolean> {
  const response = await fetch(new URL('/api/health', ctx.baseUrl)).catch(() => null)
  return response?.status === 200
}

export const attacks: Attack[] = [
  {
    name: 'open-redirect-through-sign-in',
    area: 'hardening',
    description: 'signs in through the real form with an off-site kembali (tab, newline, backslash, dot-segment, scheme and encoded variants), and opens /masuk?kembali=… signed in',
    async run(ctx) {
      const learner = await ctx.newLearner('kembali')
      const offSite: string[] = []
      // The no-JavaScript form replayed with a forged `kembali` field: the server action's redirect.
      for (const value of DECODED_RETURN_PATHS) {
        const client = ctx.client()
        const response = await client.submitForm('/masuk', { identifier: learner.nip, password: learner.password, kembali: value })
        await response.arrayBuffer()
        const location = response.headers.get('location')
        if (!location) {
          offSite.push(`${JSON.stringify(value)}: sign-in did not redirect (${response.status})`)
          continue
        }
        if (browserTarget(location, ctx.baseUrl) !== new URL(ctx.baseUrl).origin) offSite.push(`form ${JSON.stringify(value)} → ${location}`)
      }
      // Already signed in: the page redirects to `kembali` at once.
      const client = ctx.client()
      if (!(await client.signIn(learner.nip, learner.password))) return { refused: false, detail: 'could not sign in' }
      for (const raw of [...RAW_QUERY_RETURN_PATHS, ...DECODED_RETURN_PATHS.map(encodeURIComponent)]) {
        const response = await client.get(`/masuk?kembali=${raw}`)
        await response.arrayBuffer()
        const location = response.headers.get('location') ?? ''
        if (location && browserTarget(location, ctx.baseUrl) !== new URL(ctx.baseUrl).origin) offSite.push(`GET ${raw} → ${location}`)
      }
      return refusedIf(offSite.length === 0, offSite.join('; '))
    },
  },
  {
    name: 'chunked-oversized-json-body',
    area: 'hardening',
    description: 'streams a chunked JSON body without Content-Length (up to 64 MB) to the progress and submit routes',
    async run(ctx) {
      const { client } = await signedIn(ctx, 'learner', 'banjir')
      const problems: string[] = []
      for (const path of ['/api/progress/aspek-etika', '/api/attempts/00000000-0000-7000-8000-000000000000/submit']) {
        const result = await chunkedFlood(ctx.baseUrl, path, cookieHeader(client), 64 * 1024 * 1024)
        if (result.status !== 400 && result.status !== 413) problems.push(`${path} answered ${result.status}`)
        // The answer came while the body was still being sent: the server did not read it all.
        if (result.sentBeforeAnswer >= 32 * 1024 * 1024) problems.push(`${path} answered only after ${result.sentBeforeAnswer} bytes`)
      }
      if (!(await serverAnswers(ctx))) problems.push('the server stopped answering')
      return refusedIf(problems.length === 0, problems.join('; '))
    },
  },
  {
    name: 'cross-origin-post-to-api-routes',
    area: 'hardening',
    description: 'posts to every mutating API route from another origin (Origin and Sec-Fetch-Site), signed in as HR and as a learner',
    async run(ctx) {
      const { client: hr, person } = await signedIn(ctx, 'hr', 'lintas-asal')
      const { client: learner } = await signedIn(ctx, 'learner', 'lintas-asal')
      const cohort = await ctx.db.cohort.create({ data: { agencyId: person.agencyId, kind: 'onboarding', year: 2026, name: `Lintas asal ${Date.now()}` } })
      const auditBefore = await ctx.db.auditLog.count()
      const csv = 'NIP,Nama Lengkap,Email,Jenis Kepegawaian,Unit Kerja\r\n198609262015052001,Ani,ani-lintas@contoh.go.id,PNS,Umum\r\n'
      const targets: Array<[HttpClient, string, BodyInit]> = [
        [hr, '/api/hr/roster/preview', csv],
        [hr, '/api/hr/roster/import', csv],
        [hr, `/api/hr/cohorts/assign-roster?kelompok=${cohort.id}`, csv],
        [hr, '/api/hr/activation-codes', ''],
        [learner, '/api/progress/aspek-etika', JSON.stringify({ state: { reachedEnd: true } })],
        [learner, '/api/attempts/00000000-0000-7000-8000-000000000000/submit', JSON.stringify({ responses: {} })],
      ]
      const answered: string[] = []
      for (const [client, path, body] of targets) {
        for (const headers of <Record<string, string>[]>[{ origin: EVIL }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site', referer: `${EVIL}/x` }]) {
          const response = await client.post(path, { body, headers: { 'content-type': 'text/csv', ...headers } })
          const text = await response.text()
          if (response.status !== 403 || !text.includes('harus dikirim dari halaman aplikasi ini')) answered.push(`${path} ${JSON.stringify(headers)} → ${response.status}`)
        }
      }
      const progress = await ctx.db.lessonProgress.count({ where: { lessonSlug: 'aspek-etika', user: { email: { contains: 'lintas-asal' } } } })
      const auditAfter = await ctx.db.auditLog.count()
      if (progress !== 0) answered.push('progress was written')
      if (auditAfter !== auditBefore) answered.push(`audit log grew by ${auditAfter - auditBefore}`)
      return refusedIf(answered.length === 0, answered.join('; '))
    },
  },
  {
    name: 'server-action-from-another-origin',
    area: 'hardening',
    description: "replays the sign-in server action with Origin: https://evil.example (Next's own check)",
    async run(ctx) {
      const learner = await ctx.newLearner('aksi-lintas')
      const client = ctx.client()
      const response = await client.submitForm('/masuk', { identifier: learner.nip, password: learner.password }, { origin: EVIL })
      await response.arrayBuffer()
      const session = Object.keys(client.cookies()).some((name) => name.includes('session_token'))
      return refusedIf(!session && response.status >= 400, `status ${response.status}, session cookie ${session}`)
    },
  },
  {
    name: 'xlsx-hidden-local-entry',
    area: 'hardening',
    description: 'uploads a roster XLSX with a 256 MB local entry missing from the central directory (ZIP bomb the directory check never sees)',
    async run(ctx) {
      // Built first: deflating 256 MB takes seconds, longer than an idle keep-alive connection lives.
      const bytes = await xlsxWithHiddenEntry()
      const { client } = await signedIn(ctx, 'hr', 'bom-zip')
      const started = Date.now()
      const response = await client.post('/api/hr/roster/preview', {
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'pegawai.xlsx', origin: new URL(ctx.baseUrl).origin },
      })
      const text = await response.text()
      const ok = response.status === 422 && text.includes('tersembunyi')
      return refusedIf(ok && (await serverAnswers(ctx)), `status ${response.status} after ${Date.now() - started} ms: ${text.slice(0, 200)}`)
    },
  },
  {
    name: 'concurrent-roster-uploads-per-agency',
    area: 'hardening',
    description: 'holds two slow roster uploads open for one agency, then starts more (also from a second officer of the same agency)',
    async run(ctx) {
      const { client: first, person } = await signedIn(ctx, 'hr', 'unggah-1')
      const { client: second } = await signedIn(ctx, 'hr', 'unggah-2')
      const key = `upload-slots:${person.agencyId}`
      const origin = new URL(ctx.baseUrl).origin
      const releases: Array<() => void> = []
      const slow = (client: HttpClient) => {
        let release!: () => void
        const held = new Promise<void>((resolve) => (release = resolve))
        releases.push(release)
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(new TextEncoder().encode('NIP,Nama Lengkap,Email,Jenis Kepegawaian,Unit Kerja\r\n'))
            await held
            controller.close()
          },
        })
        return fetch(new URL('/api/hr/roster/preview', ctx.baseUrl), {
          method: 'POST',
          body,
          duplex: 'half',
          headers: { cookie: cookieHeader(client), origin, 'content-type': 'text/csv' },
        } as RequestInit).then((response) => response.text().then(() => response.status))
      }
      const running = [slow(first), slow(second)]
      try {
        for (let i = 0; ; i++) {
          const row = await ctx.db.rateLimitCounter.findUnique({ where: { key } })
          if (row && row.count >= 2) break
          if (i > 300) return { refused: false, detail: 'the two slow uploads never held a slot' }
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        const csv = 'NIP,Nama Lengkap,Email,Jenis Kepegawaian,Unit Kerja\r\n'
        const extra = await Promise.all(
          [first, second, first].map((client) =>
            client.post('/api/hr/roster/preview', { body: csv, headers: { origin, 'content-type': 'text/csv' } }).then(async (r) => [r.status, await r.text()] as const),
          ),
        )
        const refused = extra.every(([status, text]) => status === 429 && text.includes('sedang memproses'))
        releases.forEach((release) => release())
        await Promise.all(running)
        // Slots come back: an upload goes through again.
        const after = await first.post('/api/hr/roster/preview', { body: csv, headers: { origin, 'content-type': 'text/csv' } })
        await after.arrayBuffer()
        return refusedIf(refused && after.status !== 429, `extra uploads: ${extra.map(([s]) => s).join(', ')}; after release: ${after.status}`)
      } finally {
        releases.forEach((release) => release())
      }
    },
  },
  {
    name: 'csp-nonce-and-frame-ancestors',
    area: 'hardening',
    description: "reads the response headers of pages: CSP with a per-request nonce, no 'unsafe-inline' for scripts, frame-ancestors 'none', HSTS-ready headers",
    async run(ctx) {
      const { client } = await signedIn(ctx, 'learner', 'csp')
      const problems: string[] = []
      const nonces = new Set<string>()
      for (const path of ['/', '/masuk', '/dasbor', '/dasbor', '/sertifikat', '/belajar/aspek-etika']) {
        const response = await client.get(path)
        const html = await response.text()
        const policy = response.headers.get('content-security-policy') ?? ''
        const script = /(?:^|;)\s*script-src([^;]*)/.exec(policy)?.[1] ?? ''
        if (!script) problems.push(`${path}: no script-src`)
        if (script.includes("'unsafe-inline'")) problems.push(`${path}: 'unsafe-inline' in script-src`)
        for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) if (!policy.includes(directive)) problems.push(`${path}: no ${directive}`)
        if (response.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${path}: no nosniff`)
        if (!response.headers.get('referrer-policy')) problems.push(`${path}: no Referrer-Policy`)
        if (path.startsWith('/belajar/')) {
          if (!/'sha256-/.test(script)) problems.push(`${path}: lesson policy without script hashes`)
          continue
        }
        const nonce = /'nonce-([^']+)'/.exec(script)?.[1]
        if (!nonce) {
          problems.push(`${path}: no nonce`)
          continue
        }
        nonces.add(nonce)
        // Every script the page carries has that nonce.
        for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) if (!tag.includes(`nonce="${nonce}"`) && !/type="application\/(ld\+)?json"/.test(tag)) problems.push(`${path}: script without the nonce: ${tag.slice(0, 80)}`)
      }
      if (nonces.size < 5) problems.push(`nonces repeat across requests (${nonces.size} distinct of 5)`)
      return refusedIf(problems.length === 0, problems.slice(0, 6).join('; '))
    },
  },
  {
    name: 'certificate-page-get-writes-nothing',
    area: 'hardening',
    description: 'a learner with a pass but no certificate yet opens /sertifikat and previews the PDF (GETs); only the POST button and a real download write',
    async run(ctx) {
      const learner = await ctx.newLearner('tertunda')
      const lessons = fs.readdirSync(path.resolve(import.meta.dirname, '../../../content/lessons')).map((file) => file.replace(/^\d+-/, '').replace(/\.mdx$/, ''))
      await ctx.db.lessonProgress.createMany({ data: lessons.map((lessonSlug) => ({ userId: learner.id, lessonSlug, contentVersion: 'serangan', completedAt: new Date() })) })
      const cohort = await ctx.db.cohort.create({ data: { agencyId: learner.agencyId, kind: 'onboarding', year: 2026, name: `Tertunda ${learner.id}` } })
      const enrolment = await ctx.db.enrolment.create({ data: { userId: learner.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
      await ctx.db.quizAttempt.create({
        data: {
          userId: learner.id,
          enrolmentId: enrolment.id,
          kind: 'posttest',
          contentVersion: 'serangan',
          seed: 's',
          items: '{"version":1,"seed":"s","items":[]}',
          expiresAt: new Date(Date.now() + 3_600_000),
          submittedAt: new Date(),
          score: 90,
          passed: true,
        },
      })
      const counts = async () =>
        JSON.stringify({
          certificates: await ctx.db.certificate.count(),
          counters: await ctx.db.certificateCounter.findMany({ orderBy: { year: 'asc' } }),
          audit: await ctx.db.auditLog.count(),
          attempts: await ctx.db.quizAttempt.count(),
          progress: await ctx.db.lessonProgress.count(),
          enrolments: await ctx.db.enrolment.count(),
        })
      const client = ctx.client()
      if (!(await client.signIn(learner.nip, learner.password))) return { refused: false, detail: 'could not sign in' }
      const before = await counts()
      for (let i = 0; i < 3; i++) {
        const page = await client.get('/sertifikat')
        const html = await page.text()
        if (page.status !== 200 || !html.includes('Terbitkan sertifikat')) return { refused: false, detail: `/sertifikat answered ${page.status} without the button` }
      }
      const afterViews = await counts()
      if (afterViews !== before) return { refused: false, detail: `GET /sertifikat wrote: ${before} → ${afterViews}` }

      // The POST button issues it (the pass is not lost); then the holder's preview is not a download.
      const html = await (await client.get('/sertifikat')).text()
      const formIndex = [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)].findIndex((form) => form[0].includes('Terbitkan sertifikat'))
      if (formIndex < 0) return { refused: false, detail: 'no "Terbitkan sertifikat" form' }
      const issued = await client.submitForm('/sertifikat', {}, { formIndex })
      await issued.arrayBuffer()
      const certificate = await ctx.db.certificate.findFirst({ where: { userId: learner.id } })
      if (!certificate) return { refused: false, detail: `the POST button did not issue the certificate (${issued.status})` }
      const auditBefore = await ctx.db.auditLog.count()
      const preview = await client.get(`/sertifikat/${certificate.id}/pdf?tampil=1`)
      await preview.arrayBuffer()
      const auditAfterPreview = await ctx.db.auditLog.count()
      const download = await client.get(`/sertifikat/${certificate.id}/pdf`)
      await download.arrayBuffer()
      const auditAfterDownload = await ctx.db.auditLog.count()
      return refusedIf(
        preview.status === 200 && auditAfterPreview === auditBefore && download.status === 200 && auditAfterDownload === auditBefore + 1,
        `preview ${preview.status} audit +${auditAfterPreview - auditBefore}; download ${download.status} audit +${auditAfterDownload - auditAfterPreview}`,
      )
    },
  },
]
