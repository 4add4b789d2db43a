import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/metrics/route'
import { submitAttempt } from '@/lib/assessment/attempts.server'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { queueMail } from '@/lib/mail/outbox.server'
import { draw, POST_TEST_BLUEPRINT } from '@/lib/quiz'
import { seedUser } from '@/prisma/seed/seeders'
import { passedPostTestAttempt, seedAgencies, uniqueNip } from './helpers'

// /api/metrics as Prometheus scrapes it (the route as Next calls it), fed by the real domain
// functions on this file's database: counters move with what happened, the outbox gauge is the
// database's count at scrape time, and the token is checked.
const url = 'http://localhost:3000/api/metrics'
const TOKEN = 'metrics-test-token-0123456789'

async function scrape(authorization: string | null = `Bearer ${TOKEN}`) {
  const response = await GET(new Request(url, { headers: authorization ? { authorization } : {} }))
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** The value of one series in the exposition text (0 when absent). */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

let agencyId: string
let cohortId: string
let n = 0

beforeAll(async () => {
  env.METRICS_TOKEN = TOKEN
  agencyId = (await seedAgencies()).agency.id
  cohortId = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Metrik' } })).id
})
afterEach(() => {
  env.METRICS_TOKEN = TOKEN
})

async function learnerWithEnrolment(lessonsDone: boolean) {
  const user = await seedUser(db, { name: `Peserta Metrik ${n}`, email: `metrik-${n++}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip: uniqueNip(), employmentType: 'PNS', agencyId, identityStatus: 'verified' })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  if (lessonsDone) {
    await db.lessonProgress.createMany({ data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })) })
  }
  return { learner: { id: user.id, agencyId }, enrolmentId: enrolment.id }
}

describe('GET /api/metrics: the token', () => {
  it('is absent (404) without METRICS_TOKEN, refuses a missing or wrong token (401), answers the right one', async () => {
    env.METRICS_TOKEN = undefined
    expect((await scrape()).status).toBe(404)
    env.METRICS_TOKEN = TOKEN
    for (const authorization of [null, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const refused = await scrape(authorization)
      expect(refused.status, String(authorization)).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
      expect(refused.text).not.toContain('bbs_')
    }
    const answered = await scrape()
    expect(answered.status).toBe(200)
    expect(answered.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(answered.headers.get('cache-control')).toBe('no-store')
    // The default process metrics are there too.
    expect(answered.text).toMatch(/^process_cpu_user_seconds_total \d/m)
    expect(answered.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m)
  })
})

describe('GET /api/metrics: what it counts', () => {
  it('counts quiz submissions by outcome and issued certificates as they happen', async () => {
    const before = (await scrape()).text
    const series = (outcome: string) => `bbs_quiz_submissions_total{kind="posttest",outcome="${outcome}"}`

    // A scored submission (no answers: failed), then the same attempt again (duplicate), and an expired attempt.
    const { learner, enrolmentId } = await learnerWithEnrolment(false)
    const drawn = draw(getQuestionBank().bank, POST_TEST_BLUEPRINT, `metrics-${n}`)
    const attempt = (expiresInMs: number) =>
      db.quizAttempt.create({ data: { userId: learner.id, enrolmentId, kind: 'posttest', contentVersion: 't', seed: drawn.seed, items: JSON.stringify(drawn), expiresAt: new Date(Date.now() + expiresInMs) } })
    const open = await attempt(3_600_000)
    expect(await submitAttempt(learner, open.id, {})).toMatchObject({ passed: false })
    await expect(submitAttempt(learner, open.id, {})).rejects.toMatchObject({ status: 409 })
    const expired = await attempt(-10 * 60_000)
    await expect(submitAttempt(learner, expired.id, {})).rejects.toMatchObject({ status: 410 })

    // Two certificates issued; asking again for one of them issues nothing more.
    const issued = []
    for (let i = 0; i < 2; i++) {
      const holder = await learnerWithEnrolment(true)
      issued.push((await passedPostTestAttempt(holder.learner.id, holder.enrolmentId)).id)
    }
    for (const attemptId of issued) expect(await issueCertificateIfEligible(attemptId)).not.toBeNull()
    await issueCertificateIfEligible(issued[0]!)

    const after = (await scrape()).text
    expect(value(after, series('failed')) - value(before, series('failed'))).toBe(1)
    expect(value(after, series('duplicate')) - value(before, series('duplicate'))).toBe(1)
    expect(value(after, series('expired')) - value(before, series('expired'))).toBe(1)
    expect(value(after, series('passed')) - value(before, series('passed'))).toBe(0)
    expect(value(after, 'bbs_certificates_issued_total') - value(before, 'bbs_certificates_issued_total')).toBe(2)
  })

  it('reports the outbox by status exactly as the database holds it at scrape time', async () => {
    const statuses = ['pending', 'sent', 'failed', 'expired'] as const
    const mail = (key: string) => ({ idempotencyKey: `metrics|${key}|${n++}`, kind: 'test', userId: null, to: 'a@contoh.go.id', toName: 'A', subject: 'S', text: 't', html: 'h' })
    for (const [index, status] of statuses.entries()) {
      for (let i = 0; i <= index; i++) {
        await queueMail(db, mail(status))
        if (status !== 'pending') await db.outboxMessage.updateMany({ where: { idempotencyKey: { startsWith: `metrics|${status}|` }, status: 'pending' }, data: { status } })
      }
    }
    const oldest = new Date(Date.now() - 3_600_000)
    await db.outboxMessage.updateMany({ where: { idempotencyKey: { startsWith: 'metrics|pending|' } }, data: { createdAt: oldest } })

    const { text } = await scrape()
    for (const status of statuses) {
      expect(value(text, `bbs_outbox_messages{status="${status}"}`), status).toBe(await db.outboxMessage.count({ where: { status } }))
    }
    expect(value(text, 'bbs_outbox_messages{status="expired"}')).toBeGreaterThanOrEqual(4)
    expect(value(text, 'bbs_outbox_read_ok')).toBe(1)
    const firstPending = await db.outboxMessage.findFirstOrThrow({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' } })
    const age = value(text, 'bbs_outbox_oldest_pending_seconds')
    expect(age).toBeGreaterThanOrEqual((Date.now() - firstPending.createdAt.getTime()) / 1000 - 60)
    expect(age).toBeGreaterThanOrEqual(3_599)

    // Sent now: the next scrape says so, whichever instance it reaches.
    await db.outboxMessage.updateMany({ where: { status: 'pending' }, data: { status: 'sent', sentAt: new Date() } })
    const next = (await scrape()).text
    expect(value(next, 'bbs_outbox_messages{status="pending"}')).toBe(0)
    expect(value(next, 'bbs_outbox_messages{status="sent"}')).toBe(await db.outboxMessage.count({ where: { status: 'sent' } }))
    expect(value(next, 'bbs_outbox_oldest_pending_seconds')).toBe(0)
  })
})
