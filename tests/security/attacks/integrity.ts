/**
 * Quiz and completion integrity (issue 10 §3): parallel post-test starts, a lesson "completed" by
 * the browser's word alone, a heartbeat flood, reading the key on the results page of an attempt
 * not yet passed, and another learner's progress and attempts. Threat model:
 * docs/security/integrity.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseBankFile, parseCoverageMap, type BankItem } from '../../../lib/quiz'
import type { Attack, AttackContext } from '../attack'
import { refusedIf } from '../attack'
import { parseForms } from '../http-client'

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content')
const LESSON = 'aspek-etika'

function lessonSlugs(): string[] {
  return fs
    .readdirSync(path.join(CONTENT, 'lessons'))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => file.replace(/^\d+-/, '').replace(/\.mdx$/, ''))
}

let bank: Map<string, BankItem> | null = null
/** The scenario bank as an attacker reading the repository has it. */
function scenarioBank(): Map<string, BankItem> {
  if (bank) return bank
  const coverage = parseCoverageMap(fs.readFileSync(path.join(CONTENT, 'rules.yaml'), 'utf8'))
  const sources = Object.keys(parse(fs.readFileSync(path.join(CONTENT, 'sources.yaml'), 'utf8')) as object)
  const items = fs.readdirSync(path.join(CONTENT, 'scenarios')).flatMap((file) => {
    const result = parseBankFile(file, fs.readFileSync(path.join(CONTENT, 'scenarios', file), 'utf8'), coverage.rules.map((rule) => rule.id), sources)
    return result.ok ? [...result.items] : []
  })
  bank = new Map(items.map((item) => [item.id, item]))
  return bank
}

/** Texts that give an item's answer away: the best option(s) or correct reason, and the explanation. */
function keyTexts(item: BankItem): string[] {
  const key =
    item.type === 'single'
      ? item.options.filter((option) => option.credit === 1).map((option) => option.text)
      : item.type === 'multi'
        ? item.options.filter((option) => option.correct).map((option) => option.text)
        : item.reasons.filter((reason) => reason.correct).map((reason) => reason.text)
  return [...key, item.explanation]
}

/** The longest run of letters, digits and spaces: reads the same in HTML and in the RSC payload. */
function plainFragment(text: string): string {
  return text
    .split(/[^\p{L}\p{N} ]+/u)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0]!
}

/** A learner whose lessons are all complete (the post-test gate is open), signed in. */
async function learnerReadyForPostTest(ctx: AttackContext, label: string) {
  const learner = await ctx.newLearner(label)
  await ctx.db.lessonProgress.createMany({
    data: lessonSlugs().map((lessonSlug) => ({
      userId: learner.id,
      lessonSlug,
      contentVersion: 'security',
      reachedEndAt: new Date(),
      completedAt: new Date(),
      activeSeconds: 3_600,
    })),
  })
  const client = ctx.client()
  const signedIn = await client.signIn(learner.nip, learner.password)
  return { learner, client, signedIn }
}

function postJson(client: ReturnType<AttackContext['client']>, ctx: AttackContext, pathName: string, body: unknown) {
  return client.post(pathName, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: new URL(ctx.baseUrl).origin },
  })
}

/** The knowledge-check question ids of a lesson, read from its static page data as a browser gets it. */
async function knowledgeQuestionIds(client: ReturnType<AttackContext['client']>, slug: string): Promise<string[]> {
  const html = await (await client.get(`/belajar/${slug}`)).text()
  const data = /<script id="__NEXT_DATA__" type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1]
  if (!data) throw new Error(`no page data on /belajar/${slug}`)
  return (JSON.parse(data) as { props: { pageProps: { lesson: { knowledgeQuestionIds: string[] } } } }).props.pageProps.lesson.knowledgeQuestionIds
}

function everythingDone(questionIds: string[]) {
  return {
    reachedEnd: true,
    position: 'bagian-rangkuman',
    answers: { 'cek-pemahaman': Object.fromEntries(questionIds.map((id) => [id, 'a'])) },
  }
}

let lastStartAnswer = ''
/** Starts a quiz through its page's form (no JavaScript); the attempt id from the redirect. */
async function startQuiz(client: ReturnType<AttackContext['client']>, slug: 'awal' | 'akhir'): Promise<string | null> {
  // The start form, not the header's sign-out form: the one carrying the quiz kind.
  const page = await client.get(`/uji/${slug}`)
  const formIndex = parseForms(await page.text()).findIndex((form) => form.hidden.some(([name, value]) => name === 'kind' && value === slug))
  if (formIndex < 0) {
    lastStartAnswer = `no start form on /uji/${slug} (HTTP ${page.status})`
    return null
  }
  const response = await client.submitForm(`/uji/${slug}`, {}, { formIndex })
  const body = await response.text()
  const id = /\/uji\/percobaan\/([^/?#]+)/.exec(response.headers.get('location') ?? '')?.[1] ?? null
  if (!id) lastStartAnswer = `HTTP ${response.status} ${response.headers.get('location') ?? ''} ${/role="alert"[^>]*>([^<]*)/.exec(body)?.[1] ?? body.slice(0, 200)}`
  return id
}

export const attacks: Attack[] = [
  {
    name: 'posttest-ten-parallel-starts',
    area: 'integrity',
    description: 'a learner fires 10 post-test starts at once to get more attempts (and more items) than the limit allows',
    async run(ctx) {
      const { learner, client, signedIn } = await learnerReadyForPostTest(ctx, 'start-paralel')
      if (!signedIn) return { refused: false, detail: 'the learner could not sign in' }
      const ids = await Promise.all(Array.from({ length: 10 }, () => startQuiz(client, 'akhir')))
      if (ids.every((id) => id === null)) return { refused: false, detail: `no start succeeded: ${lastStartAnswer}` }
      const attempts = await ctx.db.quizAttempt.count({ where: { userId: learner.id } })
      const distinct = new Set(ids.filter((id) => id !== null))
      return refusedIf(attempts === 1 && distinct.size === 1, `${attempts} attempts stored; starts answered with ${distinct.size} attempt ids (${ids.filter((id) => !id).length} without one)`)
    },
  },
  {
    name: 'lesson-completed-by-the-browsers-word',
    area: 'integrity',
    description: 'a learner POSTs reachedEnd:true and every knowledge-check answer without reading, to complete a lesson',
    async run(ctx) {
      const learner = await ctx.newLearner('klaim-selesai')
      const client = ctx.client()
      if (!(await client.signIn(learner.nip, learner.password))) return { refused: false, detail: 'the learner could not sign in' }
      const questions = await knowledgeQuestionIds(client, LESSON)
      const response = await postJson(client, ctx, `/api/progress/${LESSON}`, { state: everythingDone(questions) })
      const body = (await response.json().catch(() => ({}))) as { completed?: boolean }
      const row = await ctx.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: learner.id, lessonSlug: LESSON } } })
      return refusedIf(body.completed !== true && !row?.completedAt, `answered ${response.status} completed=${String(body.completed)}; stored completedAt ${String(row?.completedAt)}`)
    },
  },
  {
    name: 'lesson-heartbeat-flood',
    area: 'integrity',
    description: 'a learner floods reading heartbeats (200, twenty at a time) to reach the minimum reading time in seconds',
    async run(ctx) {
      const learner = await ctx.newLearner('banjir-detak')
      const client = ctx.client()
      if (!(await client.signIn(learner.nip, learner.password))) return { refused: false, detail: 'the learner could not sign in' }
      const questions = await knowledgeQuestionIds(client, LESSON)
      const started = Date.now()
      await (await postJson(client, ctx, `/api/progress/${LESSON}`, { state: everythingDone(questions), heartbeat: 'start' })).arrayBuffer()
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 20 }, async () => {
            const response = await postJson(client, ctx, `/api/progress/${LESSON}`, { heartbeat: 'beat' })
            await response.arrayBuffer()
          }),
        )
      }
      const elapsedSeconds = (Date.now() - started) / 1000
      const row = await ctx.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: learner.id, lessonSlug: LESSON } } })
      const credited = row?.activeSeconds ?? 0
      return refusedIf(
        !row?.completedAt && credited <= Math.ceil(elapsedSeconds) + 1,
        `credited ${credited} s in ${elapsedSeconds.toFixed(1)} s of flooding; completedAt ${String(row?.completedAt)}`,
      )
    },
  },
  {
    name: 'results-page-shows-key-before-pass',
    area: 'integrity',
    description: 'a learner fails a post-test (and a pre-test) on purpose and reads the best answers off the results page for the next attempt',
    async run(ctx) {
      const { client, signedIn } = await learnerReadyForPostTest(ctx, 'intip-kunci')
      if (!signedIn) return { refused: false, detail: 'the learner could not sign in' }
      const leaks: string[] = []
      for (const slug of ['awal', 'akhir'] as const) {
        const attemptId = await startQuiz(client, slug)
        if (!attemptId) return { refused: false, detail: `the ${slug} test could not be started: ${lastStartAnswer}` }
        const submitted = await postJson(client, ctx, `/api/attempts/${attemptId}/submit`, { responses: {} })
        await submitted.arrayBuffer()
        if (submitted.status !== 200) return { refused: false, detail: `submitting the ${slug} test answered ${submitted.status}` }
        const attempt = await ctx.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
        const drawn = (JSON.parse(attempt.items) as { items: { itemId: string }[] }).items
        const page = await client.get(`/uji/hasil/${attemptId}`)
        const html = await page.text()
        if (page.status !== 200) return { refused: false, detail: `the ${slug} results page answered ${page.status}` }
        for (const { itemId } of drawn) {
          const item = scenarioBank().get(itemId)
          if (!item) return { refused: false, detail: `item ${itemId} is not in content/scenarios` }
          if (!html.includes(plainFragment(item.stem))) return { refused: false, detail: `the ${slug} results page does not show item ${itemId} at all` }
          for (const text of keyTexts(item)) if (html.includes(plainFragment(text))) leaks.push(`${slug}/${itemId}: "${plainFragment(text)}"`)
        }
      }
      return refusedIf(leaks.length === 0, `key on the results page: ${leaks.slice(0, 3).join('; ')}`)
    },
  },
  {
    name: 'another-learners-progress-and-attempt',
    area: 'integrity',
    description: "a learner names another learner's id in a progress POST, and opens and submits their open attempt",
    async run(ctx) {
      const victim = await learnerReadyForPostTest(ctx, 'korban-percobaan')
      if (!victim.signedIn) return { refused: false, detail: 'the victim could not sign in' }
      const attemptId = await startQuiz(victim.client, 'akhir')
      if (!attemptId) return { refused: false, detail: `the victim's post-test could not be started: ${lastStartAnswer}` }
      const attacker = await ctx.newLearner('penyerang-percobaan')
      const client = ctx.client()
      if (!(await client.signIn(attacker.nip, attacker.password))) return { refused: false, detail: 'the attacker could not sign in' }
      const answers: string[] = []
      const progress = await postJson(client, ctx, `/api/progress/${LESSON}`, { userId: victim.learner.id, state: { reachedEnd: true }, heartbeat: 'beat' })
      await progress.arrayBuffer()
      if (progress.status !== 422) answers.push(`progress with userId → ${progress.status}`)
      const open = await client.get(`/uji/percobaan/${attemptId}`)
      await open.arrayBuffer()
      if (open.status !== 404) answers.push(`open attempt → ${open.status}`)
      const submit = await postJson(client, ctx, `/api/attempts/${attemptId}/submit`, { responses: {} })
      await submit.arrayBuffer()
      if (submit.status !== 404) answers.push(`submit attempt → ${submit.status}`)
      const stored = await ctx.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
      if (stored.submittedAt) answers.push("the victim's attempt was submitted")
      const victimProgress = await ctx.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: victim.learner.id, lessonSlug: LESSON } } })
      if (victimProgress?.activeSeconds !== 3_600 || JSON.parse(victimProgress.state || '{}').reachedEnd) answers.push("the victim's progress changed")
      return refusedIf(answers.length === 0, answers.join(', '))
    },
  },
]
