import { describe, expect, it } from 'vitest'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { appointHrSchema, createAgencySchema, createUnitSchema, normaliseName, sameName, userQuerySchema } from './schemas'

function errors(result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) {
  return result.success || !result.error ? {} : fieldErrorsOf(result.error)
}

describe('agency schema', () => {
  it('accepts capitals, digits and dashes, upper-casing what was typed', () => {
    const parsed = createAgencySchema.parse({ code: ' pemkot-bdg-2 ', name: '  Pemerintah   Kota Bandung ' })
    expect(parsed).toEqual({ code: 'PEMKOT-BDG-2', name: 'Pemerintah Kota Bandung' })
  })

  it.each(['PEMKOT BDG', 'PEMKOT_BDG', '-PEMKOT', 'PEMKOT-', 'A--B', 'KOTA.BDG', 'X'])('refuses the code %j with a Bahasa message', (code) => {
    const result = errors(createAgencySchema.safeParse({ code, name: 'Pemerintah Kota' }))
    expect(result.code).toMatch(/Kode/)
    expect(result.name).toBeUndefined()
  })

  it('answers per field when everything is missing', () => {
    expect(errors(createAgencySchema.safeParse({}))).toEqual({ code: 'Isi kode instansi.', name: 'Isi nama instansi.' })
    expect(errors(createAgencySchema.safeParse({ code: 'A'.repeat(31), name: 'x'.repeat(201) }))).toEqual({
      code: 'Kode instansi paling panjang 30 karakter.',
      name: 'Nama instansi paling panjang 200 karakter.',
    })
  })
})

describe('unit names', () => {
  it('normalises spacing and compares without case', () => {
    expect(normaliseName('  Dinas \t Pendidikan ')).toBe('Dinas Pendidikan')
    expect(sameName('Dinas Pendidikan', 'dinas  PENDIDIKAN')).toBe(true)
    expect(sameName('Dinas Pendidikan', 'Dinas Kesehatan')).toBe(false)
  })

  it('requires an agency and a name', () => {
    expect(errors(createUnitSchema.safeParse({ agencyId: '', name: ' ' }))).toEqual({
      agencyId: 'Instansi tidak dikenal.',
      name: 'Isi nama unit kerja.',
    })
  })
})

describe('user search and appointment', () => {
  it('needs at least 3 characters to search', () => {
    expect(userQuerySchema.safeParse('ab').success).toBe(false)
    expect(userQuerySchema.parse('  1986092620 ')).toBe('1986092620')
  })

  it('needs an agency to appoint an HR officer', () => {
    expect(errors(appointHrSchema.safeParse({ userId: 'u1', agencyId: '' }))).toEqual({ agencyId: 'Pilih instansi yang akan dikelola.' })
  })
})
