import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { DEMO_LOGINS, DEMO_PASSWORD } from '../prisma/seed/demo-data'

export { expect }

/** The e2e server's database: one per port (scripts/e2e-server.sh). */
export const E2E_DB_FILE = path.resolve(import.meta.dirname, `../tests/.data/e2e-${process.env.E2E_PORT ?? 3100}.db`)
export { DEMO_LOGINS, DEMO_PASSWORD }
/** The database the fixtures read and seed: the e2e server's file, or E2E_DATABASE_URL (`npm run test:cluster`). */
const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:${E2E_DB_FILE}`

/** The e2e server's database (scripts/e2e-server.sh), opened read-only to check what the UI did. */
export function e2eDatabase() {
  return new Database(E2E_DB_FILE, { readonly: true })
}

const FRAMES_WITHOUT_SCRIPTS = 'iframe[sandbox]:not([sandbox~="allow-scripts"])'

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}) {
  // A frame axe cannot enter (a sandbox without scripts, such as an email's HTML preview) is
  // always excluded: axe would wait for it until the test times out.
  const builder = new AxeBuilder({ page }).exclude(FRAMES_WITHOUT_SCRIPTS)
  for (const selector of options.exclude ?? []) builder.exclude(selector)
  const results = await builder.analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${page.url()}`,
  ).toEqual([])
}

export async function signInWithForm(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto('/masuk')
  await page.getByLabel('Email atau NIP').fill(identifier)
  await page.getByLabel('Kata sandi').fill(password)
  await page.getByRole('button', { name: 'Masuk' }).click()
}

/** A structurally valid NIP that no other test is likely to use (random birth date and sequence). */
export function freshNip(): string {
  const pick = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
  const two = (n: number) => String(n).padStart(2, '0')
  const birth = `${pick(1965, 2000)}${two(pick(1, 12))}${two(pick(1, 28))}`
  return `${birth}202103${pick(1, 2)}${String(pick(1, 999)).padStart(3, '0')}`
}

export const test = base

/**
 * A learner made directly in the e2e database (registration is tested elsewhere), signed in
 * through the form in `page`'s browser context.
 */
export async function signInNewLearner(page: Page, label: string, options: { identityStatus?: 'claimed' | 'verified' } = {}) {
  const { createDbClient } = await import('../lib/db/create-client')
  const { seedUser } = await import('../prisma/seed/seeders')
  const { db } = createDbClient(E2E_DATABASE_URL)
  try {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: 'PEMKOT-DEMO' }, include: { units: true } })
    const nip = freshNip()
    const user = await seedUser(db, {
      name: `Peserta ${label}`,
      email: `${label}-${nip}@contoh.go.id`,
      password: DEMO_PASSWORD,
      nip,
      employmentType: 'PNS',
      agencyId: agency.id,
      unitId: agency.units[0]?.id ?? null,
      identityStatus: options.identityStatus,
    })
    await signInWithForm(page, nip)
    // Sign-in hashes a password (scrypt): seconds on a loaded 2-core machine.
    await expect(page).toHaveURL(/\/dasbor/, { timeout: 30_000 })
    return { ...user, nip }
  } finally {
    await db.$disconnect()
  }
}

async function withE2eDb<T>(work: (db: import('../lib/db/create-client').Db) => Promise<T>): Promise<T> {
  const { createDbClient } = await import('../lib/db/create-client')
  const { db } = createDbClient(E2E_DATABASE_URL)
  try {
    return await work(db)
  } finally {
    await db.$disconnect()
  }
}

/**
 * The lesson slugs in reading order, from content/lessons (files are NN-slug.mdx, checked by
 * content:check), so tests follow the content instead of assuming how many lessons there are.
 */
export function lessonSlugs(): string[] {
  return fs
    .readdirSync(path.resolve(import.meta.dirname, '../content/lessons'))
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => file.replace(/^\d+-/, '').replace(/\.mdx$/, ''))
}

/** Marks every lesson complete for a learner (the lesson flow itself is tested in lessons.spec). */
export async function completeAllLessons(userId: string) {
  const slugs = lessonSlugs()
  await withE2eDb(async (db) => {
    for (const lessonSlug of slugs) {
      await db.lessonProgress.upsert({
        where: { userId_lessonSlug: { userId, lessonSlug } },
        create: { userId, lessonSlug, contentVersion: 'e2e', reachedEndAt: new Date(), completedAt: new Date() },
        update: { completedAt: new Date() },
      })
    }
  })
}

/**
 * Credits recorded reading time (issue 10 §3) for this test's own learner on the given lessons,
 * as if they had read each for an hour, so that completing them through the UI is not held back
 * by the minimum reading time. The minimum itself stays on (tests share one server).
 */
export async function creditReadingTime(userId: string, lessonSlugs: readonly string[], activeSeconds = 3_600) {
  await withE2eDb(async (db) => {
    for (const lessonSlug of lessonSlugs) {
      await db.lessonProgress.upsert({
        where: { userId_lessonSlug: { userId, lessonSlug } },
        create: { userId, lessonSlug, contentVersion: 'e2e', openedAt: new Date(), activeSeconds },
        update: { activeSeconds },
      })
    }
  })
}

/** Runs a query against the e2e database (test set-up and checks). */
export const e2eDb = withE2eDb

/** The right answers of an attempt, from what the server stored and the scenario bank. */
export async function answerKey(attemptId: string) {
  const stored = await withE2eDb((db) => db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } }))
  return answerKeyOfDrawn(stored.items)
}

/** The right answers of drawn items as the server stores them (an attempt's or a follow-up's `items`). */
export async function answerKeyOfDrawn(itemsJson: string) {
  const fs = await import('node:fs')
  const { parse } = await import('yaml')
  const { parseBankFile, parseCoverageMap } = await import('../lib/quiz')
  const content = path.resolve(import.meta.dirname, '../content')
  const coverage = parseCoverageMap(fs.readFileSync(path.join(content, 'rules.yaml'), 'utf8'))
  const sources = Object.keys(parse(fs.readFileSync(path.join(content, 'sources.yaml'), 'utf8')))
  const items = fs.readdirSync(path.join(content, 'scenarios')).flatMap((file) => {
    const result = parseBankFile(file, fs.readFileSync(path.join(content, 'scenarios', file), 'utf8'), coverage.rules.map((r) => r.id), sources)
    return result.ok ? [...result.items] : []
  })
  const drawn = JSON.parse(itemsJson) as { items: { itemId: string }[] }
  return drawn.items.map(({ itemId }) => {
    const item = items.find((candidate) => candidate.id === itemId)
    if (!item) throw new Error(`item ${itemId} not in the bank`)
    if (item.type === 'single') {
      const best = item.options.find((o) => o.credit === 1)!
      return { itemId, type: item.type, optionIds: [best.id], explanation: item.explanation, keyTexts: [best.text] }
    }
    if (item.type === 'multi') {
      const correct = item.options.filter((o) => o.correct)
      return { itemId, type: item.type, optionIds: correct.map((o) => o.id), explanation: item.explanation, keyTexts: correct.map((o) => o.text) }
    }
    const reason = item.reasons.find((r) => r.correct)!
    return { itemId, type: item.type, verdict: item.verdict, reasonId: reason.id, explanation: item.explanation, keyTexts: [reason.text] }
  })
}

/**
 * The longest run of letters, digits and spaces in a text: a fragment that reads the same in the
 * HTML and in the inline RSC payload, whatever escaping either applies to punctuation.
 */
export function plainFragment(text: string): string {
  return text
    .split(/[^\p{L}\p{N} ]+/u)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0]!
}

/** Starts a post-test in the UI and answers every item right, using the server-side key. */
export async function passPostTest(page: Page): Promise<string> {
  await page.goto('/uji/akhir')
  await page.getByRole('button', { name: 'Mulai uji akhir' }).click()
  await expect(page).toHaveURL(/\/uji\/percobaan\//, { timeout: 60_000 })
  const attemptId = page.url().split('/').pop() as string
  await answerAllRight(page, attemptId)
  await page.getByRole('button', { name: 'Kirim jawaban' }).click()
  // Scoring and issuing the certificate take seconds on a loaded 2-core machine (decisions.md, "Tests").
  await expect(page).toHaveURL(new RegExp(`/uji/hasil/${attemptId}`), { timeout: 60_000 })
  return attemptId
}

export async function answerAllRight(page: Page, attemptId: string) {
  await answerRight(page, attemptId, Infinity)
}

/** Answers the first `howMany` items of the attempt right and leaves the rest unanswered. */
export async function answerRight(page: Page, attemptId: string, howMany: number) {
  for (const answer of (await answerKey(attemptId)).slice(0, howMany)) {
    const name = `soal-${answer.itemId}`
    if (answer.type === 'judge') {
      await page.locator(`input[name="${name}-putusan"][value="${answer.verdict}"]`).check()
      await page.locator(`input[name="${name}-alasan"][value="${answer.reasonId}"]`).check()
    } else {
      for (const optionId of answer.optionIds ?? []) await page.locator(`input[name="${name}"][value="${optionId}"]`).check()
    }
  }
}

/** Answers every knowledge-check question of the lesson page with the keyboard, and reads to its end. */
export async function answerKnowledgeCheckWithKeyboard(page: Page) {
  const questions = page.getByRole('region', { name: 'Uji pemahaman' }).getByRole('group')
  const count = await questions.count()
  expect(count).toBeGreaterThanOrEqual(2)
  for (let i = 0; i < count; i++) {
    const first = questions.nth(i).getByRole('radio').first()
    await first.focus()
    await page.keyboard.press('Space')
    await expect(first).toBeChecked()
  }
  await page.getByRole('heading', { name: 'Sumber', exact: true }).scrollIntoViewIfNeeded()
}
