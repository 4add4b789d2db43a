import { describe, expect, it } from 'vitest'
import { PAGE_HEIGHT, PAGE_WIDTH, type TextMeasurer, fitText } from './layout'

/** Every character is 0.5 em wide; "W" is 1 em (to make uneven widths). */
const fake: TextMeasurer = {
  widthOfTextAtSize: (text, size) => [...text].reduce((w, ch) => w + (ch === 'W' ? 1 : 0.5), 0) * size,
}
const width = (s: string, size: number) => fake.widthOfTextAtSize(s, size)
const joined = (lines: string[]) => lines.join(' ')
const noSpaces = (s: string) => s.replace(/\s+/g, '')

describe('page constants', () => {
  it('is A4 landscape in points', () => {
    expect(PAGE_WIDTH).toBeCloseTo((297 / 25.4) * 72, 1)
    expect(PAGE_HEIGHT).toBeCloseTo((210 / 25.4) * 72, 1)
  })
})

describe('fitText', () => {
  it('keeps short text on one line at the maximum size', () => {
    expect(fitText('Siti Rahayu', fake, 200, { maxSize: 30, minSize: 16 })).toEqual({
      lines: ['Siti Rahayu'],
      size: 30,
      fits: true,
    })
  })

  it('shrinks before wrapping', () => {
    // 20 chars * 0.5 em = 10 em; at 30 pt = 300 pt; width 200 → 20 pt.
    const r = fitText('abcdefghij abcdefghi', fake, 200, { maxSize: 30, minSize: 16 })
    expect(r).toEqual({ lines: ['abcdefghij abcdefghi'], size: 20, fits: true })
  })

  it('wraps to two balanced lines once the minimum size is reached', () => {
    const text = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj' // 49 chars
    const r = fitText(text, fake, 200, { maxSize: 30, minSize: 16 })
    expect(r.fits).toBe(true)
    expect(r.lines).toHaveLength(2)
    expect(joined(r.lines)).toBe(text)
    for (const line of r.lines) expect(width(line, r.size)).toBeLessThanOrEqual(200)
    const [a, b] = r.lines.map((l) => l.length)
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(5)
  })

  it('respects the height limit when wrapping', () => {
    const text = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj'
    const r = fitText(text, fake, 200, { maxSize: 30, minSize: 10, maxHeight: 30 })
    expect(r.lines.length * r.size * 1.22).toBeLessThanOrEqual(30 + 1e-6)
  })

  it('breaks an unbreakable word without losing characters', () => {
    const word = 'x'.repeat(100)
    const r = fitText(`Dr. ${word} M.Si.`, fake, 200, { maxSize: 20, minSize: 6 })
    expect(r.lines.length).toBeLessThanOrEqual(2)
    expect(noSpaces(r.lines.join(''))).toBe(noSpaces(`Dr. ${word} M.Si.`))
    for (const line of r.lines) expect(width(line, r.size)).toBeLessThanOrEqual(200 + 1e-6)
  })

  it('never cuts text that cannot fit: it goes below the minimum and reports it', () => {
    const text = 'kata '.repeat(200).trim()
    const r = fitText(text, fake, 200, { maxSize: 12, minSize: 9 })
    expect(r.fits).toBe(false)
    expect(r.size).toBeLessThan(9)
    expect(joined(r.lines)).toBe(text)
    for (const line of r.lines) expect(width(line, r.size)).toBeLessThanOrEqual(200 + 1e-6)
  })

  it('collapses whitespace and handles empty text', () => {
    expect(fitText('  a \n\t b  ', fake, 100, { maxSize: 10, minSize: 5 }).lines).toEqual(['a b'])
    expect(fitText('   ', fake, 100, { maxSize: 10, minSize: 5 }).lines).toEqual([])
  })

  it('keeps grapheme clusters together when breaking a word', () => {
    const word = 'e\u0301'.repeat(60) // decomposed é
    const r = fitText(word, fake, 100, { maxSize: 10, minSize: 10, maxLines: 10 })
    for (const line of r.lines) expect(line.startsWith('\u0301')).toBe(false)
    expect(r.lines.join('')).toBe(word)
  })

  it('uses up to maxLines lines', () => {
    const text = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm'
    const r = fitText(text, fake, 175, { maxSize: 12, minSize: 12, maxLines: 3 })
    expect(r.fits).toBe(true)
    expect(r.lines).toHaveLength(3)
    expect(joined(r.lines)).toBe(text)
  })

  it('validates its options', () => {
    expect(() => fitText('a', fake, 100, { maxSize: 5, minSize: 10 })).toThrow(RangeError)
    expect(() => fitText('a', fake, 0, { maxSize: 10, minSize: 5 })).toThrow(RangeError)
  })
})
