import { describe, expect, it } from 'vitest'
import { nameCorrectionDecisionSchema, nameCorrectionRequestSchema, sameNameAsPrinted } from './name-correction'

describe('name correction input', () => {
  it('accepts a name with titles and a reason, trimmed', () => {
    expect(nameCorrectionRequestSchema.parse({ name: '  Dr. Ni Luh Putu Ayu, S.Kom. ', reason: ' Sesuai ijazah ' })).toEqual({
      name: 'Dr. Ni Luh Putu Ayu, S.Kom.',
      reason: 'Sesuai ijazah',
    })
  })

  it('refuses markup, an empty name and a short reason with messages in Bahasa Indonesia', () => {
    const result = nameCorrectionRequestSchema.safeParse({ name: '<img src=x>', reason: 'ok' })
    expect(result.success).toBe(false)
    const messages = result.error!.issues.map((issue) => issue.message)
    expect(messages.some((message) => message.startsWith('Nama hanya boleh berisi huruf'))).toBe(true)
    expect(messages.some((message) => message.includes('minimal 5 karakter'))).toBe(true)
  })

  it('needs a reason to reject, none to approve, and one of the two decisions', () => {
    expect(nameCorrectionDecisionSchema.safeParse({ decision: 'setujui', requestId: 'r1' }).success).toBe(true)
    const noReason = nameCorrectionDecisionSchema.safeParse({ decision: 'tolak', requestId: 'r1', reason: '' })
    expect(noReason.error?.issues[0]?.message).toMatch(/Tulis alasan penolakan koreksi nama/)
    expect(nameCorrectionDecisionSchema.safeParse({ decision: 'hapus', requestId: 'r1' }).error?.issues[0]?.message).toBe('Pilih setujui atau tolak.')
  })

  it('treats spacing and Unicode form as the same name, a changed letter or title as different', () => {
    expect(sameNameAsPrinted('Budi  Santoso', ' Budi Santoso')).toBe(true)
    expect(sameNameAsPrinted('Jose\u0301', 'Jos\u00e9')).toBe(true)
    expect(sameNameAsPrinted('Budi Santosa', 'Budi Santoso')).toBe(false)
    expect(sameNameAsPrinted('Budi Santoso', 'Budi Santoso, S.E.')).toBe(false)
  })
})
