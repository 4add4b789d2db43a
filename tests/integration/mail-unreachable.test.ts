import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { mailAddressSchema } from '@/lib/mail/headers'
import { listUnreachable } from '@/lib/mail/unreachable.server'
import { seedAgencies, uniqueNip } from './helpers'

// People whom email cannot reach, listed for HR (issue 14), on the provider under test.
let agency: { id: string }
let otherAgency: { id: string }
let unitA: { id: string }
let unitB: { id: string }
let sequence = 0

beforeAll(async () => {
  const seeded = await seedAgencies()
  agency = seeded.agency
  otherAgency = seeded.otherAgency
  unitA = await db.unit.create({ data: { agencyId: agency.id, name: `Tak terjangkau A ${randomUUID().slice(0, 6)}` } })
  unitB = await db.unit.create({ data: { agencyId: agency.id, name: `Tak terjangkau B ${randomUUID().slice(0, 6)}` } })
})

async function person(email: string, options: { name?: string; unitId?: string; agencyId?: string; disabled?: boolean } = {}) {
  const n = ++sequence
  return db.user.create({
    data: {
      id: randomUUID(),
      name: options.name ?? `Tak Terjangkau ${String(n).padStart(3, '0')}`,
      email,
      nip: uniqueNip(),
      agencyId: options.agencyId ?? agency.id,
      unitId: options.unitId ?? unitA.id,
      disabledAt: options.disabled ? new Date() : null,
    },
  })
}

async function message(userId: string, toAddress: string, status: 'failed' | 'sent', at: Date, lastError: string | null = null) {
  await db.outboxMessage.create({
    data: {
      id: randomUUID(),
      idempotencyKey: `uji|${randomUUID()}`,
      kind: 'due-reminder',
      userId,
      toAddress,
      toName: 'x',
      subject: 's',
      text: 't',
      html: 'h',
      status,
      lastError,
      sentAt: status === 'sent' ? at : null,
      updatedAt: at,
      createdAt: at,
    },
  })
}

const unique = () => randomUUID().slice(0, 8)

describe('the unreachable people of an agency', () => {
  it('lists no address, an address the outbox refuses, and a permanent failure to the current address, with the reason; never the others', async () => {
    const noAddress = await person('', { name: 'Rina\r\nBcc: penyusup@jahat.example' })
    const invalid = await person(`budi-${unique()}@contoh`)
    const bounced = await person(`hilang-${unique()}@contoh.go.id`)
    await message(bounced.id, bounced.email, 'failed', new Date('2027-03-01T01:00:00Z'), '550 5.1.1 mailbox unknown')
    // Failed once, delivered since: reachable. Failed at an old address, changed since: reachable.
    const recovered = await person(`pulih-${unique()}@contoh.go.id`)
    await message(recovered.id, recovered.email, 'failed', new Date('2027-03-01T01:00:00Z'), '550')
    await message(recovered.id, recovered.email, 'sent', new Date('2027-03-02T01:00:00Z'))
    const moved = await person(`baru-${unique()}@contoh.go.id`)
    await message(moved.id, `lama-${unique()}@contoh.go.id`, 'failed', new Date('2027-03-01T01:00:00Z'), '550')
    const fine = await person(`baik-${unique()}@contoh.go.id`)
    const disabled = await person(`nonaktif-${unique()}@contoh`, { disabled: true })
    const foreign = await person(`asing-${unique()}@contoh`, { agencyId: otherAgency.id, unitId: undefined })

    const { people, truncated } = await listUnreachable(agency.id, null)
    expect(truncated).toBe(false)
    const byId = new Map(people.map((row) => [row.id, row]))
    expect(byId.get(noAddress.id)).toMatchObject({ reason: 'tanpa-email', name: 'Rina\r\nBcc: penyusup@jahat.example', email: '' })
    expect(byId.get(invalid.id)).toMatchObject({ reason: 'alamat-tidak-valid', email: invalid.email, lastError: null })
    expect(byId.get(bounced.id)).toMatchObject({ reason: 'gagal-permanen', lastError: '550 5.1.1 mailbox unknown', failedAt: new Date('2027-03-01T01:00:00Z') })
    for (const reachable of [recovered, moved, fine, disabled, foreign]) expect(byId.has(reachable.id), reachable.email).toBe(false)

    // A unit scope sees only its units.
    const elsewhere = await person(`unit-b-${unique()}@contoh`, { unitId: unitB.id })
    const scoped = await listUnreachable(agency.id, [unitB.id])
    expect(scoped.people.map((row) => row.id)).toEqual([elsewhere.id])
    expect((await listUnreachable(agency.id, [])).people).toEqual([])
  })

  it("decides addresses exactly as the outbox's check does (the SQL shortcut only skips certainly good ones)", async () => {
    const tag = unique()
    const addresses = [
      `biasa.${tag}@contoh.go.id`,
      `Besar.${tag}@Contoh.GO.id`,
      `o'brien.${tag}@contoh.go.id`,
      `plus+${tag}@contoh.go.id`,
      `garis_${tag}@sub-domain.contoh.id`,
      `titik.${tag}.@contoh.go.id`,
      `.awal${tag}@contoh.go.id`,
      `dua..titik${tag}@contoh.go.id`,
      `a${tag}@-contoh.go.id`,
      `a${tag}@contoh.go.i`,
      `a${tag}@contoh.go.id1`,
      `a${tag}@contoh`,
      `a${tag}@contoh..id`,
      `spasi ${tag}@contoh.go.id`,
      `a${tag}@contoh_x.id`,
      `a${tag}@@contoh.id`,
      `a${tag}@contoh.go.id\r\nBcc: b@c.id`,
      ` ${tag}spasi-tepi@contoh.go.id `,
    ]
    const people = []
    for (const address of addresses) people.push(await person(address, { unitId: unitB.id }))
    const listed = new Set((await listUnreachable(agency.id, [unitB.id])).people.map((row) => row.email))
    for (const address of addresses) {
      expect(listed.has(address), JSON.stringify(address)).toBe(!mailAddressSchema.safeParse(address).success)
    }
    // The list above holds both kinds.
    expect(addresses.filter((address) => listed.has(address)).length).toBeGreaterThan(5)
    expect(addresses.filter((address) => !listed.has(address)).length).toBeGreaterThan(3)
  })
})
