import { describe, expect, it } from 'vitest'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { revokeInputSchema } from './revoke-input'

/** As the admin's form sees it: the input, or the first message per field. */
function parseRevokeInput(raw: { certificateId: unknown; reason: unknown; confirm: unknown }) {
  const parsed = revokeInputSchema.safeParse(raw)
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
}

describe('the revocation form', () => {
  it('needs a reason and an explicit confirmation, with Bahasa messages per field', () => {
    expect(parseRevokeInput({ certificateId: 'c1', reason: '  ', confirm: null })).toEqual({
      ok: false,
      fieldErrors: {
        reason: 'Tulis alasan pencabutan (minimal 5 karakter).',
        confirm: 'Centang konfirmasi bahwa sertifikat ini memang akan dicabut.',
      },
    })
    expect(parseRevokeInput({ certificateId: 'c1', reason: 'Data kelulusan keliru', confirm: null })).toEqual({
      ok: false,
      fieldErrors: { confirm: 'Centang konfirmasi bahwa sertifikat ini memang akan dicabut.' },
    })
    expect(parseRevokeInput({ certificateId: 'c1', reason: null, confirm: 'ya' })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } })
    expect(parseRevokeInput({ certificateId: 'c1', reason: 'x'.repeat(501), confirm: 'ya' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: 'Alasan paling panjang 500 karakter.' },
    })
  })

  it('accepts a confirmed revocation with its reason, trimmed', () => {
    expect(parseRevokeInput({ certificateId: 'c1', reason: ' Data kelulusan keliru ', confirm: 'ya' })).toEqual({
      ok: true,
      input: { certificateId: 'c1', reason: 'Data kelulusan keliru', confirm: 'ya' },
    })
  })
})
