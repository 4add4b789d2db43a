import { describe, expect, it } from 'vitest'
import { namesMatch, normalizePersonName } from './person-name'

describe('normalizePersonName', () => {
  it.each([
    ['Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.', 'ni luh putu ayu saraswati'],
    ['  ni   luh putu ayu SARASWATI ', 'ni luh putu ayu saraswati'],
    ['Prof. Dr. Ir. H. Ahmad Fauzi, M.Sc., Ph.D.', 'ahmad fauzi'],
    ['Hj. Siti Aminah, S.E.', 'siti aminah'],
    ['H Muhammad Ridwan, SE, MM', 'muhammad ridwan'],
    ['dr. Bambang Wicaksono, Sp.PD', 'bambang wicaksono'],
    ['Dr.Ir.Bambang Wicaksono', 'bambang wicaksono'],
    ['Budi Santoso S.Kom', 'budi santoso'],
    ['Rina Marlina, A.Md.Kep.', 'rina marlina'],
    ["Muh. Ma'ruf", 'muh maruf'],
    ['Siti; Rahma', 'siti rahma'],
    ['Abdul-Rahman Wahid', 'abdul rahman wahid'],
    ['Ketut Sugiartá', 'ketut sugiarta'],
    ['Drajat Hartono', 'drajat hartono'],
    ['Irawan Santosa', 'irawan santosa'],
    ['Haji', 'haji'],
  ])('%s → %s', (name, expected) => {
    expect(normalizePersonName(name)).toBe(expected)
  })

  it('keeps one word even when it looks like a title', () => {
    expect(normalizePersonName('Dr.')).toBe('dr')
    expect(normalizePersonName('H.')).toBe('h')
  })

  it('keeps an initial in the middle of a name (it tells people apart)', () => {
    expect(normalizePersonName('Ahmad S. Budi')).toBe('ahmad s budi')
    expect(normalizePersonName('Ahmad S. Joko')).not.toBe(normalizePersonName('Ahmad S. Budi'))
  })
})

describe('namesMatch', () => {
  it('matches the same person written with titles, case, punctuation and spaces', () => {
    expect(namesMatch('Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.', 'ni luh putu ayu saraswati')).toBe(true)
    expect(namesMatch('Hj. SITI AMINAH, S.E., M.M.', 'Siti  Aminah')).toBe(true)
    expect(namesMatch("Muh. Ma'ruf", 'MUH MARUF')).toBe(true)
  })

  it('does not match a different, shortened or partial name', () => {
    expect(namesMatch('Ni Luh Putu Ayu Saraswati', 'Ayu Saraswati')).toBe(false)
    expect(namesMatch('Siti Aminah', 'Siti Aminah Putri')).toBe(false)
    expect(namesMatch('Muhammad Ridwan', 'Muh. Ridwan')).toBe(false)
    expect(namesMatch('Budi Santoso', 'Budi Santosa')).toBe(false)
  })

  it('never matches empty names', () => {
    expect(namesMatch('', '')).toBe(false)
    expect(namesMatch(' , ', '')).toBe(false)
  })
})
