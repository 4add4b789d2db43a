import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { applyRetention } from '@/lib/privacy/retention.server'
import { seedUser } from '@/prisma/seed/seeders'

// The retention job (issue 15, UU 27/2022, docs/privacy.md) on seeded old and new data.
const NOW = new Date('2027-06-01T00:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000)
let userId = ''

async function email(status: 'pending' | 'sent' | 'failed' | 'expired', createdAt: Date) {
  const id = randomUUID()
  await db.outboxMessage.create({
    data: { id, idempotencyKey: `retensi|${id}`, kind: 'due-reminder', toAddress: 'a@contoh.go.id', toName: 'A', subject: 's', text: 't', html: 'h', status, createdAt, nextAttemptAt: createdAt },
  })
  return id
}

beforeAll(async () => {
  userId = (await seedUser(db, { name: 'Pegawai Retensi', email: 'retensi@contoh.go.id', password: 'Kata-sandi-benar-9' })).id
  // The admin shortened the IP period to 60 days; the email period stays 90 (the default).
  await db.setting.create({ data: { key: 'auditIpRetentionDays', value: '60' } })
  const session = (expiresAt: Date) => ({ id: randomUUID(), token: randomUUID(), userId, expiresAt })
  await db.session.createMany({ data: [session(daysAgo(1)), session(new Date(NOW.getTime() + 86_400_000))] })
  await db.verification.createMany({
    data: [
      { id: randomUUID(), identifier: 'kode-lama', value: 'x', expiresAt: daysAgo(1) },
      { id: randomUUID(), identifier: 'kode-baru', value: 'y', expiresAt: new Date(NOW.getTime() + 3_600_000) },
    ],
  })
  const ms = (date: Date) => BigInt(date.getTime())
  await db.rateLimit.createMany({
    data: [
      { id: randomUUID(), key: 'lama', count: 3, lastRequest: ms(daysAgo(3)) },
      { id: randomUUID(), key: 'baru', count: 3, lastRequest: ms(daysAgo(0.5)) },
    ],
  })
  await db.rateLimitCounter.createMany({
    data: [
      { key: 'lama', count: 9, windowStart: ms(daysAgo(3)), blockedUntil: 0n },
      // An old window that is still blocked stays until the block ends.
      { key: 'diblokir', count: 9, windowStart: ms(daysAgo(3)), blockedUntil: ms(new Date(NOW.getTime() + 60_000)) },
      { key: 'baru', count: 1, windowStart: ms(daysAgo(0.5)), blockedUntil: 0n },
    ],
  })
  await db.auditLog.createMany({
    data: [
      { action: 'user.signed_in', actorId: userId, ip: '203.0.113.7', at: daysAgo(61) },
      { action: 'user.signed_in', actorId: userId, ip: '203.0.113.8', at: daysAgo(59) },
      { action: 'certificate.issued', actorId: userId, at: daysAgo(400) },
    ],
  })
  await email('sent', daysAgo(91))
  await email('failed', daysAgo(91))
  await email('pending', daysAgo(91))
  await email('sent', daysAgo(89))
})

describe('applyRetention', () => {
  it('deletes what is past its period, clears old IPs, keeps the rest, and does nothing the second time', async () => {
    expect(await applyRetention(db, NOW)).toEqual({ sessions: 1, verifications: 1, rateLimits: 2, auditIps: 1, emails: 2, answers: 0, followUps: 0, certificates: 0 })
    expect(await db.session.count({ where: { userId } })).toBe(1)
    expect((await db.verification.findMany({ select: { identifier: true } })).map((row) => row.identifier)).toEqual(['kode-baru'])
    expect((await db.rateLimit.findMany({ select: { key: true } })).map((row) => row.key)).toEqual(['baru'])
    expect((await db.rateLimitCounter.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((row) => row.key)).toEqual(['baru', 'diblokir'])
    const audit = await db.auditLog.findMany({ where: { actorId: userId }, orderBy: { at: 'asc' }, select: { action: true, ip: true } })
    // The entries stay (they are the record); only the old IP is gone.
    expect(audit).toEqual([
      { action: 'certificate.issued', ip: null },
      { action: 'user.signed_in', ip: null },
      { action: 'user.signed_in', ip: '203.0.113.8' },
    ])
    expect((await db.outboxMessage.findMany({ select: { status: true }, orderBy: { createdAt: 'asc' } })).map((row) => row.status)).toEqual(['pending', 'sent'])

    expect(await applyRetention(db, NOW)).toEqual({ sessions: 0, verifications: 0, rateLimits: 0, auditIps: 0, emails: 0, answers: 0, followUps: 0, certificates: 0 })
  })
})
