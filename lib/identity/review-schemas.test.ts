import { describe, expect, it } from 'vitest'
import { conflictDecisionsSchema, formatConflictDecisions, rejectClaimSchema, transferDecisionSchema, transferRequestSchema } from './review-schemas'

const A = '199003172015031004'
const B = '198609262015052001'

describe('conflictDecisionsSchema', () => {
  it('reads one decision per NIP and round-trips with formatConflictDecisions', () => {
    const parsed = conflictDecisionsSchema.parse(`${A}=tolak; ${B}=konfirmasi;`)
    expect([...parsed]).toEqual([
      [A, 'tolak'],
      [B, 'konfirmasi'],
    ])
    expect(conflictDecisionsSchema.parse(formatConflictDecisions(parsed))).toEqual(parsed)
    expect(conflictDecisionsSchema.parse('').size).toBe(0)
  })

  const tooMany = Array.from({ length: 201 }, (_, i) => `${'1'.repeat(15)}${String(i).padStart(3, '0')}=tolak`).join(';')
  it.each([
    ['an unknown decision', `${A}=setuju`, /konfirmasi.*tolak/],
    ['a short NIP', `${A.slice(1)}=tolak`, /konfirmasi.*tolak/],
    ['two decisions for one NIP', `${A}=tolak;${A}=konfirmasi`, /dua kali/],
    ['201 decisions', tooMany, /Paling banyak 200/],
  ])('refuses %s', (_label, header, message) => {
    const result = conflictDecisionsSchema.safeParse(header)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(message)
  })
})

describe('review and mutasi forms', () => {
  it('requires a reason to reject a claim', () => {
    expect(rejectClaimSchema.safeParse({ userId: 'u1', reason: '  ' }).error?.issues[0]?.message).toMatch(/Tulis alasan penolakan klaim/)
    expect(rejectClaimSchema.parse({ userId: 'u1', reason: ' Bukan pegawai kami ' })).toEqual({ userId: 'u1', reason: 'Bukan pegawai kami' })
  })

  it('checks a mutasi request and decision', () => {
    expect(transferRequestSchema.safeParse({ nip: '1990 0317', unitId: 'u', note: 'SK 1/2026' }).error?.issues[0]?.message).toBe(
      'NIP / NI PPPK harus 18 angka tanpa spasi.',
    )
    expect(transferDecisionSchema.safeParse({ decision: 'tolak', requestId: 'r' }).success).toBe(false)
    expect(transferDecisionSchema.parse({ decision: 'setujui', requestId: 'r' })).toEqual({ decision: 'setujui', requestId: 'r' })
  })
})
