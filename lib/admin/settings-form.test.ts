import { describe, expect, it } from 'vitest'
import { courseSettingsSchema, DEFAULT_COURSE_SETTINGS } from '@/lib/settings/course-settings'
import { changedSettings, formatSettingValue, parseLocalNumber, parseSettingsForm, SETTING_FIELDS, SETTING_KEYS } from './settings-form'

const asForm = (overrides: Record<string, string> = {}) => ({
  ...Object.fromEntries(SETTING_FIELDS.map((field) => [field.key, formatSettingValue(field, DEFAULT_COURSE_SETTINGS[field.key])])),
  ...overrides,
})

describe('the settings form', () => {
  it('covers every course setting exactly once', () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(courseSettingsSchema.shape).sort())
  })

  it('quotes the same bounds the schema enforces', () => {
    for (const field of SETTING_FIELDS) {
      if (field.kind !== 'integer' && field.kind !== 'decimal') continue
      const shape = courseSettingsSchema.shape[field.key]
      const step = field.kind === 'integer' ? 1 : 0.01
      expect(shape.safeParse(field.min).success, `${field.key} min`).toBe(true)
      expect(shape.safeParse(field.max).success, `${field.key} max`).toBe(true)
      expect(shape.safeParse(field.min - step).success, `${field.key} below`).toBe(false)
      expect(shape.safeParse(field.max + step).success, `${field.key} above`).toBe(false)
    }
  })

  it('accepts the defaults as the form shows them', () => {
    expect(parseSettingsForm(asForm())).toEqual({ ok: true, settings: DEFAULT_COURSE_SETTINGS })
  })

  it('reads decimal commas and trims the base URL', () => {
    const result = parseSettingsForm(asForm({ jp: '1,5', passMark: '75.5', publicBaseUrl: ' https://bijak.contoh.go.id/ ' }))
    expect(result.ok && result.settings).toMatchObject({ jp: 1.5, passMark: 75.5, publicBaseUrl: 'https://bijak.contoh.go.id' })
  })

  it('answers in Bahasa per field, one message each', () => {
    const result = parseSettingsForm(
      asForm({ passMark: '101', attemptLimit: '2.5', jp: 'dua', validityMonths: '', signerName: '  ', publicBaseUrl: 'javascript:alert(1)', courseTitle: 'AB' }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fieldErrors).toEqual({
      passMark: 'Nilai kelulusan harus antara 50 dan 100.',
      attemptLimit: 'Batas percobaan uji akhir harus bilangan bulat.',
      jp: 'Jam pelajaran (JP) yang diakui harus berupa angka.',
      validityMonths: 'Isi masa berlaku sertifikat (bulan).',
      signerName: 'Isi nama penanda tangan.',
      courseTitle: 'Judul kursus minimal 3 karakter.',
      publicBaseUrl: 'Alamat publik untuk verifikasi harus alamat lengkap yang diawali http:// atau https://, mis. https://bijak.contoh.go.id.',
    })
  })

  it("checks the signer's NIP as 18 digits, with a Bahasa message that says what is wrong", () => {
    const short = parseSettingsForm(asForm({ signerNip: '1973041219980320' }))
    expect(!short.ok && short.fieldErrors).toEqual({ signerNip: 'NIP penanda tangan harus tepat 18 angka (terisi 16), mis. 197304121998032002.' })
    const long = parseSettingsForm(asForm({ signerNip: '1973041219980320021' }))
    expect(!long.ok && long.fieldErrors).toEqual({ signerNip: 'NIP penanda tangan harus tepat 18 angka (terisi 19), mis. 197304121998032002.' })
    const letters = parseSettingsForm(asForm({ signerNip: '19730412199803200A' }))
    expect(!letters.ok && letters.fieldErrors).toEqual({ signerNip: 'NIP penanda tangan hanya berisi angka, mis. 197304121998032002.' })
    // Typed as printed, with spaces; or left empty (certificates then wait).
    const spaced = parseSettingsForm(asForm({ signerNip: ' 19730412 199803 2 002 ' }))
    expect(spaced.ok && spaced.settings.signerNip).toBe('197304121998032002')
    const empty = parseSettingsForm(asForm({ signerNip: '' }))
    expect(empty.ok && empty.settings.signerNip).toBe('')
  })

  it('quotes decimal bounds the Indonesian way', () => {
    const result = parseSettingsForm(asForm({ jp: '0,2' }))
    expect(!result.ok && result.fieldErrors.jp).toBe('Jam pelajaran (JP) yang diakui harus antara 0,5 dan 40 JP.')
  })

  it('parses numbers as typed', () => {
    expect(parseLocalNumber(' 80 ')).toBe(80)
    expect(parseLocalNumber('1,25')).toBe(1.25)
    expect(parseLocalNumber('1e3')).toBeNaN()
    expect(parseLocalNumber('80%')).toBeNaN()
  })

  it('lists only the changed keys with old and new', () => {
    expect(changedSettings(DEFAULT_COURSE_SETTINGS, { ...DEFAULT_COURSE_SETTINGS, passMark: 70, signerName: 'Dr. Sari' })).toEqual({
      passMark: { old: 80, new: 70 },
      signerName: { old: DEFAULT_COURSE_SETTINGS.signerName, new: 'Dr. Sari' },
    })
    expect(changedSettings(DEFAULT_COURSE_SETTINGS, DEFAULT_COURSE_SETTINGS)).toEqual({})
  })
})
