import { describe, expect, it } from 'vitest'
import { headerSafe, mailAddressSchema } from './headers'

describe('headerSafe', () => {
  it('removes CR, LF and other control characters so a name cannot add a header', () => {
    expect(headerSafe('Budi\r\nBcc: penyusup@contoh.id')).toBe('Budi Bcc: penyusup@contoh.id')
    expect(headerSafe('Siti\u0000\u2028Aminah\t ')).toBe('Siti Aminah')
    expect(headerSafe('Dr. Ir. Ani, M.Si.')).toBe('Dr. Ir. Ani, M.Si.')
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
