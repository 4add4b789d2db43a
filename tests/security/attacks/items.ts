/**
 * Questioning an item (issue 17, decision 035): a learner reaching the admin's report page, a
 * learner reporting an item that was not in their own attempts, an HR officer deciding reports
 * with the admin's server action.
 */
import { getQuestionBank } from '../../../lib/assessment/bank.server'
import { courseForm, draw } from '../../../lib/quiz'
import { parseForms } from '../http-client'
import type { Attack, AttackContext } from '../attack'
import { refusedIf } from '../attack'

const REASON = 'Menurut saya kunci soal ini keliru sekali.'

/** A submitted pre-test of `userId` with real items (all unanswered); returns its id and items. */
async function submittedAttempt(ctx: AttackContext, userId: string, seed: string) {
  const drawn = draw(getQuestionBank().bank, courseForm(6), seed)
  const attempt = await ctx.db.quizAttempt.create({
    data: {
      userId,
      kind: 'pretest',
      contentVersion: 'security',
      seed,
      items: JSON.stringify(drawn),
      expiresAt: new Date(Date.now() + 3_600_000),
      submittedAt: new Date(),
      score: 0,
      passed: false,
      answers: { create: drawn.items.map((item) => ({ itemId: item.itemId, response: '{}', credit: 0 })) },
    },
  })
  return { id: attempt.id, itemIds: drawn.items.map((item) => item.itemId) }
}

export const attacks: Attack[] = [
  {
    name: 'learner-opens-item-reports-admin',
    area: 'items',
    description: "a signed-in learner opens the admin's item reports page",
    async run(ctx) {
      const learner = await ctx.newLearner('laporan-admin')
      const client = ctx.client()
      if (!(await client.signIn(learner.nip, learner.password))) return { refused: false, detail: 'the learner could not sign in' }
      const response = await client.get('/admin/laporan-soal')
      const body = await response.text()
      return refusedIf(response.status === 403 && !body.includes('Simpan keputusan'), `answered ${response.status}`)
    },
  },
  {
    name: 'learner-reports-item-not-in-their-attempts',
    area: 'items',
    description: "a learner sends the report form of their own result page for an item of another learner's attempt, and for an item their attempt did not hold",
    async run(ctx) {
      const victim = await ctx.newLearner('laporan-korban')
      const attacker = await ctx.newLearner('laporan-penyerang')
      const victimAttempt = await submittedAttempt(ctx, victim.id, 'security-victim')
      const own = await submittedAttempt(ctx, attacker.id, 'security-attacker')
      const foreignItem = victimAttempt.itemIds.find((id) => !own.itemIds.includes(id)) ?? getQuestionBank().bank.items.find((item) => !own.itemIds.includes(item.id))!.id
      const client = ctx.client()
      if (!(await client.signIn(attacker.nip, attacker.password))) return { refused: false, detail: 'the attacker could not sign in' }
      const page = `/uji/hasil/${own.id}`
      const answers: string[] = []
      for (const fields of [
        { attemptId: victimAttempt.id, itemId: victimAttempt.itemIds[0]!, reason: REASON },
        { attemptId: own.id, itemId: foreignItem, reason: REASON },
      ]) {
        const response = await client.submitForm(page, fields)
        const body = await response.text()
        if (!body.includes('Soal ini tidak ditemukan dalam percobaan Anda.')) answers.push(`${fields.itemId} → ${response.status} without the refusal`)
      }
      // The form itself works: a report on an item of the attacker's own attempt is taken.
      const allowed = await client.submitForm(page, { attemptId: own.id, itemId: own.itemIds[0]!, reason: REASON })
      await allowed.arrayBuffer()
      const reports = await ctx.db.itemReport.findMany({ where: { userId: attacker.id }, select: { itemId: true, attemptId: true } })
      if (reports.length !== 1 || reports[0]!.attemptId !== own.id) answers.push(`reports stored: ${JSON.stringify(reports)}`)
      return refusedIf(answers.length === 0, answers.join('; '))
    },
  },
  {
    name: 'hr-decides-item-reports',
    area: 'items',
    description: "an HR officer opens the item reports page, then replays the admin's decision form (its server action) with their own session to withdraw an item",
    async run(ctx) {
      const learner = await ctx.newLearner('laporan-hr')
      const attempt = await submittedAttempt(ctx, learner.id, 'security-hr')
      const itemId = attempt.itemIds[0]!
      await ctx.db.itemReport.create({ data: { itemId, userId: learner.id, attemptId: attempt.id, reason: REASON, openKey: `${learner.id}:${itemId}` } })
      const admin = await ctx.newAdmin('laporan-hr-admin')
      const adminClient = ctx.client()
      if (!(await adminClient.signIn(admin.email, admin.password))) return { refused: false, detail: 'the admin could not sign in' }
      const adminPage = await adminClient.get('/admin/laporan-soal')
      const form = parseForms(await adminPage.text()).find((candidate) => candidate.postsServerAction && candidate.hidden.some(([name, value]) => name === 'itemId' && value === itemId))
      if (!form) return { refused: false, detail: 'no decision form on the admin page to replay' }

      const officer = await ctx.newHrOfficer('laporan-hr')
      const client = ctx.client()
      if (!(await client.signIn(officer.email, officer.password))) return { refused: false, detail: 'the officer could not sign in' }
      const answers: string[] = []
      const page = await client.get('/admin/laporan-soal')
      const pageBody = await page.text()
      if (page.status !== 403 || pageBody.includes(REASON)) answers.push(`page → ${page.status}`)
      const body = new FormData()
      for (const [name, value] of form.hidden) body.append(name, value)
      body.append('decision', 'tarik')
      body.append('note', 'Ditarik oleh penyerang.')
      const replay = await client.post('/admin/laporan-soal', { body, headers: { origin: ctx.baseUrl } })
      await replay.arrayBuffer()
      const state = await ctx.db.itemStatus.findUnique({ where: { itemId } })
      const report = await ctx.db.itemReport.findFirst({ where: { userId: learner.id, itemId } })
      if (state) answers.push(`item_status written: ${state.state} (replay → ${replay.status})`)
      if (report?.status !== 'open') answers.push(`report became ${report?.status}`)
      return refusedIf(answers.length === 0, answers.join('; '))
    },
  },
]
