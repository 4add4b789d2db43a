import { describe, expect, it } from 'vitest'
import { checkNip, maskNip, NI_PPPK_EXAMPLE, NIP_EXAMPLE } from './nip'

const today = new Date(Date.UTC(2026, 10, 21))

describe('checkNip', () => {
  it('accepts the brief example NIP and reads birth date and gender', () => {
    const result = checkNip('198609262015051001', 'PNS', today)
    expect(result).toEqual({ ok: true, birthDate: new Date(Date.UTC(1986, 8, 26)), gender: 'L' })
  })

  it('accepts a CPNS NIP of a woman', () => {
    expect(checkNip('199901152024032003', 'CPNS', today)).toMatchObject({ ok: true, gender: 'P' })
  })

  it.each([
    ['', 'NIP wajib diisi.'],
    ['19860926201505100', 'NIP harus 18 digit; yang Anda ketik 17 digit.'],
    ['1986092620150510011', 'NIP harus 18 digit; yang Anda ketik 19 digit.'],
    ['19860926201505100A', 'NIP hanya boleh berisi angka.'],
    ['19860926 201505 1 001', 'Tulis NIP tanpa spasi: 18 angka berturut-turut.'],
    ['198602302015051001', '8 digit pertama NIP harus tanggal lahir yang ada (TTTTBBHH).'],
    ['198613012015051001', '8 digit pertama NIP harus tanggal lahir yang ada (TTTTBBHH).'],
    ['183001012015051001', 'Tahun lahir dalam NIP (1830) tidak masuk akal.'],
    ['201501012030051001', 'Tahun lahir dalam NIP (2015) tidak masuk akal.'],
    ['198609261990051001', 'Digit 9–12 NIP (tahun mulai CPNS: 1990) tidak masuk akal.'],
    ['198609262015131001', 'Digit 13–14 NIP harus bulan mulai CPNS (01–12).'],
    ['198609262015053001', 'Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).'],
  ])('refuses %j with a clear message', (nip, message) => {
    expect(checkNip(nip, 'PNS', today)).toEqual({ ok: false, message })
  })

  it('accepts a real 29 February only in a leap year', () => {
    expect(checkNip('198802292015051001', 'PNS', today).ok).toBe(true)
    expect(checkNip('198702292015051001', 'PNS', today).ok).toBe(false)
  })

  it('is lenient with the two undocumented digits after an NI PPPK year', () => {
    expect(checkNip('199003122023042001', 'PPPK', today)).toMatchObject({ ok: true, gender: 'P' })
    expect(checkNip('199003122023991001', 'PPPK', today)).toMatchObject({ ok: true, gender: 'L' })
    expect(checkNip(NI_PPPK_EXAMPLE, 'PPPK', today)).toMatchObject({ ok: true, gender: 'P' })
  })

  it.each([
    // issue 11: digit 3 was accepted
    ['199103152023213004', 'Digit ke-15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan).'],
    ['199003122023219001', 'Digit ke-15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan).'],
    ['199003122023210001', 'Digit ke-15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan).'],
    ['199102302023212004', '8 digit pertama NI PPPK harus tanggal lahir yang ada (TTTTBBHH).'],
    ['193901012023212004', 'Tahun lahir dalam NI PPPK (1939) tidak masuk akal.'],
    ['199101011999212004', 'Digit 9–12 NI PPPK (tahun pengangkatan PPPK: 1999) tidak masuk akal.'],
  ])('refuses the NI PPPK %j, saying which part is wrong', (nip, message) => {
    expect(checkNip(nip, 'PPPK', today)).toEqual({ ok: false, message })
  })

  it('shows examples that pass their own check', () => {
    expect(checkNip(NIP_EXAMPLE, 'PNS', today).ok).toBe(true)
    expect(checkNip(NI_PPPK_EXAMPLE, 'PPPK', today).ok).toBe(true)
  })

  it('still checks the birth date and appointment year of an NI PPPK', () => {
    expect(checkNip('199013122023041002', 'PPPK', today)).toEqual({
      ok: false,
      message: '8 digit pertama NI PPPK harus tanggal lahir yang ada (TTTTBBHH).',
    })
    expect(checkNip('199003122040041002', 'PPPK', today)).toEqual({
      ok: false,
      message: 'Digit 9–12 NI PPPK (tahun pengangkatan PPPK: 2040) tidak masuk akal.',
    })
  })
})

describe('maskNip', () => {
  it('shows the first and last four digits only', () => {
    expect(maskNip('198509262015051001')).toBe('1985••••••••••1001')
  })
  it('hides short values entirely', () => {
    expect(maskNip('12345')).toBe('•••••')
  })
})
