import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import JSZip from 'jszip'

// The SCORM 1.2 package (npm run export:scorm, decision 051) in Chromium inside an "LMS" page that
// provides the SCORM 1.2 API with a real runtime library (scorm-again), served with the package by
// a tiny static server of this spec: no app server. The learner completes the lessons and the
// post-test (answered from the keys inside the package); we assert what the LMS received, and
// that the suspend data resumes where the learner left off.

type Cmi = {
  suspend_data: string
  core: { lesson_status: string; lesson_location: string; exit: string; score: { raw: string; min: string; max: string } }
}
type BankItem =
  | { id: string; type: 'single'; options: { id: string; credit: number }[] }
  | { id: string; type: 'multi'; options: { id: string; correct: boolean }[] }
  | { id: string; type: 'judge'; verdict: 'ya' | 'tidak'; reasons: { id: string; correct: boolean }[] }

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.xml': 'application/xml', '.xsd': 'application/xml' }

const HOST_PAGE = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>LMS uji</title>
<script src="/scorm-again/scorm12.js"></script></head>
<body style="margin:0"><iframe id="paket" title="Paket kursus" style="width:100vw;height:100vh;border:0"></iframe>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 })
  const saved = sessionStorage.getItem('cmi')
  window.API.loadFromJSON(saved ? JSON.parse(saved) : { core: { student_id: '199001012020121001', student_name: 'Pelajar, Uji' } })
  window.lms = { commits: 0, finished: false }
  const keep = () => JSON.parse(JSON.stringify(window.API.cmi))
  window.API.on('LMSCommit', () => { window.lms.commits++; window.lms.cmi = keep() })
  window.API.on('LMSFinish', () => { window.lms.finished = true; window.lms.cmi = keep() })
  document.getElementById('paket').src = '/paket/index.html'
</script></body></html>`

let server: http.Server
let origin: string
let lessonSlugs: string[]
let bank: Map<string, BankItem>
let packageBytes: number

/**
 * A cmi5 LMS's side, as much as an AU sees of it (cmi5 spec §8–§11): the one-time token of the
 * fetch URL, LMS.LaunchData, the xAPI state and statements resources with that token.
 */
const lms = {
  token: Buffer.from('au:rahasia').toString('base64'),
  tokensIssued: 0,
  statements: [] as Record<string, unknown>[],
  states: new Map<string, string>(),
  unauthorised: 0,
  launchData: { contextTemplate: { contextActivities: { grouping: [{ id: 'https://lms.contoh.go.id/kursus/7' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'sesi-1' } }, launchMode: 'Normal', masteryScore: 0.8, returnURL: '/lms/selesai', moveOn: 'CompletedAndPassed' },
  handle(request: http.IncomingMessage, url: URL, response: http.ServerResponse) {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      const json = (status: number, value: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value))
      if (url.pathname === '/lms/fetch' && request.method === 'POST') {
        // The fetch URL gives its token once (cmi5 §8.2.3); a second call is an error.
        return this.tokensIssued++ === 0 ? json(200, { 'auth-token': this.token }) : json(200, { 'error-code': '1', 'error-text': 'already in use' })
      }
      if (url.pathname === '/lms/selesai') return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<title>LMS</title><h1>Kembali di LMS</h1>')
      if (request.headers.authorization !== `Basic ${this.token}` || request.headers['x-experience-api-version'] !== '1.0.3') {
        this.unauthorised++
        return json(401, {})
      }
      if (url.pathname === '/lms/xapi/statements' && request.method === 'POST') {
        this.statements.push(JSON.parse(body) as Record<string, unknown>)
        return json(200, [(JSON.parse(body) as { id: string }).id])
      }
      if (url.pathname === '/lms/xapi/activities/state') {
        const stateId = url.searchParams.get('stateId')!
        if (stateId === 'LMS.LaunchData') return json(200, this.launchData)
        if (request.method === 'PUT') {
          this.states.set(stateId, body)
          return response.writeHead(204).end()
        }
        const saved = this.states.get(stateId)
        return saved === undefined ? response.writeHead(404).end() : response.writeHead(200, { 'Content-Type': 'application/json' }).end(saved)
      }
      json(404, {})
    })
  },
}

test.beforeAll(async () => {
  // Two exports (MDX compiled, the runtime bundled): ~9 s each alone, several times that on a loaded CI machine.
  test.setTimeout(600_000)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-scorm-'))
  const unpack = async (kind: 'scorm12' | 'cmi5') => {
    const zipFile = path.join(dir, `${kind}.zip`)
    execFileSync('npx', ['tsx', 'scripts/export-package.ts', kind, zipFile], { stdio: 'pipe', timeout: 240_000 })
    const buffer = fs.readFileSync(zipFile)
    const zip = await JSZip.loadAsync(buffer)
    const entries = new Map<string, Buffer>()
    for (const entry of Object.values(zip.files)) if (!entry.dir) entries.set(entry.name, await entry.async('nodebuffer'))
    return { entries, bytes: buffer.length }
  }
  const scorm = await unpack('scorm12')
  const files = scorm.entries
  packageBytes = scorm.bytes
  const cmi5Files = (await unpack('cmi5')).entries
  fs.rmSync(dir, { recursive: true, force: true })

  const course = JSON.parse(/<script type="application\/json" id="bbs-course">(.*?)<\/script>/s.exec(files.get('index.html')!.toString())![1]!) as { lessons: { slug: string }[] }
  lessonSlugs = course.lessons.map((lesson) => lesson.slug)
  const bankJson = JSON.parse(/<script type="application\/json" id="bbs-bank">(.*?)<\/script>/s.exec(files.get('post-test.html')!.toString())![1]!) as { items: BankItem[] }
  bank = new Map(bankJson.items.map((item) => [item.id, item]))

  const scormAgain = fs.readFileSync(path.join(process.cwd(), 'node_modules/scorm-again/dist/scorm12.js'))
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    let body: Buffer | string | undefined
    if (url.pathname === '/lms.html') body = HOST_PAGE
    else if (url.pathname === '/scorm-again/scorm12.js') body = scormAgain
    else if (url.pathname.startsWith('/paket/')) body = files.get(decodeURIComponent(url.pathname.slice('/paket/'.length)))
    else if (url.pathname.startsWith('/paket-cmi5/')) body = cmi5Files.get(decodeURIComponent(url.pathname.slice('/paket-cmi5/'.length)))
    else if (url.pathname.startsWith('/lms/')) {
      lms.handle(request, url, response)
      return
    }
    if (body === undefined) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'Content-Type': MIME[path.extname(url.pathname)] ?? 'application/octet-stream' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const shellOf = (page: Page) => page.frameLocator('#paket')
const contentOf = (page: Page) => shellOf(page).frameLocator('#bbs-frame')
const cmiOf = (page: Page) => page.evaluate(() => (window as unknown as { lms: { cmi?: Cmi } }).lms.cmi ?? null)

/** Answers every knowledge check of the open lesson with its key and waits for the feedback. */
async function answerLesson(content: FrameLocator) {
  const sets = content.locator('[data-bbs-check]')
  await expect(sets.first()).toBeVisible()
  for (const set of await sets.all()) {
    for (const question of await set.locator('fieldset[data-question]').all()) {
      const correct = await question.getAttribute('data-correct')
      await question.locator(`input[value="${correct}"]`).check()
      await expect(question.locator('.lesson-feedback')).toContainText('Tepat.')
    }
    await expect(set.locator('[data-bbs-all]')).toHaveText('Semua pertanyaan terjawab.')
  }
}

async function openLesson(page: Page, index: number, shell: Page | FrameLocator = shellOf(page)) {
  await shell.locator('.bbs-toc a').nth(index).click()
  await expect(shell.frameLocator('#bbs-frame').locator(`body[data-slug="${lessonSlugs[index]}"]`)).toBeAttached()
}

/** "Simpan dan keluar", then the LMS relaunches the SCO with the CMI data it kept. */
async function relaunch(page: Page) {
  await shellOf(page).getByRole('button', { name: 'Simpan dan keluar' }).click()
  await expect.poll(() => page.evaluate(() => (window as unknown as { lms: { finished: boolean } }).lms.finished)).toBe(true)
  const stored = (await cmiOf(page))!
  expect(stored.core.exit).toBe('suspend')
  await page.evaluate(
    (cmi) =>
      sessionStorage.setItem(
        'cmi',
        JSON.stringify({ core: { student_id: '199001012020121001', student_name: 'Pelajar, Uji', lesson_location: cmi.core.lesson_location, lesson_status: cmi.core.lesson_status, entry: 'resume' }, suspend_data: cmi.suspend_data }),
      ),
    stored,
  )
  await page.reload()
}

/** Answers the drawn post-test: from the keys, or deliberately wrong. */
async function answerPostTest(content: FrameLocator, right: boolean) {
  const items = content.locator('fieldset[data-item]')
  await expect(items.first()).toBeVisible()
  for (const fieldset of await items.all()) {
    const item = bank.get((await fieldset.getAttribute('data-item'))!)!
    if (item.type === 'single') {
      const option = item.options.find((choice) => (right ? choice.credit === 1 : choice.credit === 0))!
      await fieldset.locator(`input[value="${option.id}"]`).check()
    } else if (item.type === 'multi') {
      for (const option of item.options) if (option.correct === right) await fieldset.locator(`input[value="${option.id}"]`).check()
    } else {
      const verdict = right ? item.verdict : item.verdict === 'ya' ? 'tidak' : 'ya'
      await fieldset.locator(`input[name$="-putusan"][value="${verdict}"]`).check()
      await fieldset.locator(`input[name$="-alasan"][value="${item.reasons.find((reason) => reason.correct === right)!.id}"]`).check()
    }
  }
  await content.getByRole('button', { name: 'Kirim jawaban' }).click()
}

test('the SCORM 1.2 package reports completion, score and pass/fail to a real SCORM runtime and resumes from its suspend data', async ({ page }) => {
  console.log(`SCORM package: ${(packageBytes / 1024).toFixed(1)} KiB, ${lessonSlugs.length} lessons, ${bank.size} bank items`)
  await page.goto(`${origin}/lms.html`)
  const shell = shellOf(page)
  await expect(shell.locator('#bbs-status')).toHaveText(`0 dari ${lessonSlugs.length} pelajaran selesai.`)
  await expect(shell.locator('#bbs-preview')).toBeHidden()

  // The first three lessons, then open the fourth: that is where the learner leaves.
  for (const index of [0, 1, 2]) {
    await openLesson(page, index)
    await answerLesson(contentOf(page))
    await expect(shell.locator(`[data-bbs-mark="${lessonSlugs[index]}"]`)).toHaveText('✓ selesai')
  }
  await openLesson(page, 3)
  const content = contentOf(page)
  const firstQuestion = content.locator('[data-bbs-check] fieldset[data-question]').first()
  const wrong = await firstQuestion.locator('input').evaluateAll((inputs, correct) => inputs.map((input) => (input as HTMLInputElement).value).find((value) => value !== correct), await firstQuestion.getAttribute('data-correct'))
  await firstQuestion.locator(`input[value="${wrong}"]`).check()
  await expect(firstQuestion.locator('.lesson-feedback')).toContainText('Belum tepat.')

  await expect.poll(async () => (await cmiOf(page))?.core.lesson_location).toBe(`pelajaran/${lessonSlugs[3]}.html`)
  const left = (await cmiOf(page))!
  expect(left.core.lesson_status).toBe('incomplete')
  const suspended = JSON.parse(left.suspend_data) as { done: string[] }
  expect(suspended.done).toEqual(lessonSlugs.slice(0, 3))

  // The learner closes the window: the LMS keeps the CMI data and relaunches the SCO with it.
  await relaunch(page)

  // Resumed: the fourth lesson opens, three are marked done, the wrong answer is still there.
  await expect(shell.locator('#bbs-status')).toHaveText(`3 dari ${lessonSlugs.length} pelajaran selesai.`)
  await expect(content.locator(`body[data-slug="${lessonSlugs[3]}"]`)).toBeAttached()
  await expect(content.locator(`input[value="${wrong}"]`).first()).toBeChecked()
  await expect(content.locator('[data-bbs-check] .lesson-feedback').first()).toContainText('Belum tepat.')

  // The rest of the lessons.
  for (let index = 3; index < lessonSlugs.length; index++) {
    await openLesson(page, index)
    await answerLesson(contentOf(page))
  }
  await expect(shell.locator('#bbs-status')).toHaveText(`${lessonSlugs.length} dari ${lessonSlugs.length} pelajaran selesai.`)
  await expect.poll(async () => (await cmiOf(page))?.core.lesson_status).toBe('completed')

  // A failed post-test first: reported as failed with its score.
  await shell.locator('.bbs-toc a', { hasText: 'Post-test' }).click()
  await content.getByRole('button', { name: 'Mulai post-test' }).click()
  // Leaving in the middle of the post-test: the same items and answers come back.
  const items = content.locator('fieldset[data-item]')
  await expect(items.first()).toBeVisible()
  const drawn = await items.evaluateAll((fieldsets) => fieldsets.map((fieldset) => fieldset.getAttribute('data-item')))
  const first = bank.get(drawn[0]!)!
  const firstChoice = first.type === 'judge' ? `input[name$="-putusan"][value="${first.verdict}"]` : `input[value="${first.options[0]!.id}"]`
  await items.first().locator(firstChoice).check()
  await expect.poll(async () => (JSON.parse((await cmiOf(page))?.suspend_data ?? '{}') as { test?: { responses: object } }).test?.responses).toHaveProperty(drawn[0]!)
  await relaunch(page)
  await expect(items.first()).toBeVisible()
  expect(await items.evaluateAll((fieldsets) => fieldsets.map((fieldset) => fieldset.getAttribute('data-item')))).toEqual(drawn)
  await expect(items.first().locator(firstChoice)).toBeChecked()

  await answerPostTest(content, false)
  await expect(content.locator('[data-bbs-score]')).toContainText('belum lulus')
  await expect.poll(async () => (await cmiOf(page))?.core.lesson_status).toBe('failed')
  let cmi = (await cmiOf(page))!
  expect(Number(cmi.core.score.raw)).toBeLessThan(80)
  expect([cmi.core.score.min, cmi.core.score.max]).toEqual(['0', '100'])

  // Then the keys: passed, 100.
  await shell.locator('.bbs-toc a', { hasText: 'Post-test' }).click()
  await content.getByRole('button', { name: 'Ulangi post-test' }).click()
  await answerPostTest(content, true)
  await expect(content.locator('[data-bbs-score]')).toHaveAttribute('data-bbs-score', '100')
  await expect.poll(async () => (await cmiOf(page))?.core.lesson_status).toBe('passed')
  cmi = (await cmiOf(page))!
  expect(cmi.core.score.raw).toBe('100')
  expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096)
  console.log(`suspend_data at the end: ${cmi.suspend_data.length} characters`)

  await shell.getByRole('button', { name: 'Simpan dan keluar' }).click()
  await expect.poll(() => page.evaluate(() => (window as unknown as { lms: { finished: boolean } }).lms.finished)).toBe(true)
  const final = (await cmiOf(page))!
  expect(final.core.lesson_status).toBe('passed')
  expect(final.core.exit).toBe('')
})

test('the cmi5 package fetches its token, reads LMS.LaunchData and sends initialized, completed, passed and terminated', async ({ page }) => {
  const actor = { objectType: 'Agent', name: 'Pelajar Uji', account: { homePage: 'https://lms.contoh.go.id', name: '199001012020121001' } }
  const activityId = 'https://kursus.contoh.go.id/kursus/bijak-bermedia-sosial/au/kursus'
  const registration = '6f1c2b7e-1d2a-4c1e-9a51-2d1f0c7a9b01'
  const query = new URLSearchParams({ endpoint: `${origin}/lms/xapi/`, fetch: `${origin}/lms/fetch`, actor: JSON.stringify(actor), registration, activityId })
  await page.goto(`${origin}/paket-cmi5/index.html?${query.toString()}`)
  await expect(page.locator('#bbs-status')).toHaveText(`0 dari ${lessonSlugs.length} pelajaran selesai.`)
  await expect.poll(() => lms.statements.length).toBe(1)

  for (let index = 0; index < lessonSlugs.length; index++) {
    await openLesson(page, index, page)
    await answerLesson(page.frameLocator('#bbs-frame'))
  }
  await expect.poll(() => lms.statements.length).toBe(2)
  // The resume state went to the LMS's state API.
  await expect.poll(() => (JSON.parse(lms.states.get('bbs-suspend') ?? '{"done":[]}') as { done: string[] }).done.length).toBe(lessonSlugs.length)

  const content = page.frameLocator('#bbs-frame')
  await page.locator('.bbs-toc a', { hasText: 'Post-test' }).click()
  await content.getByRole('button', { name: 'Mulai post-test' }).click()
  await answerPostTest(content, true)
  await expect(content.locator('[data-bbs-score]')).toHaveAttribute('data-bbs-score', '100')
  await expect.poll(() => lms.statements.length).toBe(3)
  await page.getByRole('button', { name: 'Simpan dan keluar' }).click()
  await expect(page.getByRole('heading', { name: 'Kembali di LMS' })).toBeVisible()
  await expect.poll(() => lms.statements.length).toBe(4)

  expect(lms.tokensIssued).toBe(1)
  expect(lms.unauthorised).toBe(0)
  const verbs = lms.statements.map((statement) => (statement.verb as { id: string }).id.split('/').pop())
  expect(verbs).toEqual(['initialized', 'completed', 'passed', 'terminated'])
  for (const statement of lms.statements) {
    expect(statement).toMatchObject({ actor, object: { id: activityId }, context: { registration, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'sesi-1' } } })
    const context = statement.context as { contextActivities: { grouping: unknown[]; category: { id: string }[] } }
    expect(context.contextActivities.grouping).toEqual([{ id: 'https://lms.contoh.go.id/kursus/7' }])
    expect(context.contextActivities.category).toContainEqual({ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' })
    expect(typeof statement.id).toBe('string')
  }
  const [, completed, passed, terminated] = lms.statements as { result: Record<string, unknown>; context: { contextActivities: { category: { id: string }[] }; extensions: Record<string, unknown> } }[]
  expect(completed!.result).toMatchObject({ completion: true })
  expect(completed!.context.contextActivities.category).toContainEqual({ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' })
  expect(passed!.result).toMatchObject({ success: true, score: { scaled: 1 } })
  expect(passed!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8)
  expect(terminated!.result.duration).toMatch(/^PT/)
})

test('the package pages have no serious accessibility violations (launch page, a lesson with the decision aid, the post-test)', async ({ page }) => {
  const check = async (where: string) => {
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`), where).toEqual([])
  }
  await page.evaluate(() => sessionStorage.clear()).catch(() => {})
  await page.goto(`${origin}/lms.html`)
  const shell = shellOf(page)
  const lessonWithAid = lessonSlugs.findIndex((slug) => slug === 'sebelum-mengunggah')
  expect(lessonWithAid).toBeGreaterThanOrEqual(0)
  await openLesson(page, lessonWithAid)
  // The decision aid works (its own script took over): one answer shows in "Jawaban Anda".
  const aid = contentOf(page).getByRole('region', { name: 'Alur keputusan sebelum unggah' })
  await expect(aid.getByText(/^Pertanyaan 1 dari/)).toBeVisible()
  await aid.getByRole('button', { name: 'Ya', exact: true }).click()
  await expect(aid.getByRole('list', { name: 'Jawaban Anda' }).getByRole('listitem')).toHaveCount(1)
  await check('a lesson')
  await shell.locator('.bbs-toc a', { hasText: 'Post-test' }).click()
  await expect(contentOf(page).locator('#bbs-post-test')).toContainText('Post-test terbuka setelah semua pelajaran selesai')
  await check('the post-test before the lessons are done')
})
