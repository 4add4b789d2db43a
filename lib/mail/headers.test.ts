import { describe, expect, it } from 'vitest'
import { headerSafe, mailAddressSchema } from './headers'

describe('headerSafe', () => {
  it('removes CR, LF and other control characters so a name cannot add a header', () => {
    expect(headerSafe('Budi\r\nBcc: penyusup@contoh.id')).toBe('Budi Bcc: penyusup@contoh.id')
    expect(headerSafe('Siti\u0000\u2028Aminah\t ')).toBe('Siti Aminah')
    expect(headerSafe('Dr. Ir. Ani, M.Si.')).toBe('Dr. Ir. Ani, M.Si.')
  })

  it('removes a lone CR or LF, vertical tab, form feed, NEL and the Unicode line separators too', () => {
    for (const breaker of ['\r', '\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029']) {
      const cleaned = headerSafe(`Budi${breaker}Bcc: penyusup@contoh.id`)
      expect(cleaned, JSON.stringify(breaker)).toBe('Budi Bcc: penyusup@contoh.id')
      expect(/[\r\n\u000b\u000c\u0085\u2028\u2029]/.test(cleaned)).toBe(false)
    }
  })

  it('keeps what is a name: letters with marks, apostrophes, commas, non-Latin scripts', () => {
    expect(headerSafe("Ni Luh Putu Ség, S.Kom. O'Brien 王")).toBe("Ni Luh Putu Ség, S.Kom. O'Brien 王")
  })

  it('cuts long text', () => {
    expect(headerSafe('a'.repeat(500))).toHaveLength(200)
  })
})

describe('mailAddressSchema', () => {
  it('accepts one plain address, lower-cased', () => {
    expect(mailAddressSchema.parse(' Budi@Contoh.GO.id ')).toBe('budi@contoh.go.id')
  })

  it('refuses addresses with display names, several recipients or line breaks', () => {
    for (const bad of ['Budi <budi@contoh.id>', 'a@contoh.id, b@contoh.id', 'a@contoh.id\r\nBcc: c@contoh.id', 'bukan-email', '']) {
      expect(mailAddressSchema.safeParse(bad).success, bad).toBe(false)
    }
  })
})
