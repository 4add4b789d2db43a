import { describe, expect, it } from 'vitest'
import { checkNip } from '@/lib/identity/nip'
import { nipFieldText } from './registration-constants'

describe('nipFieldText', () => {
  it('labels the field NI PPPK with a PPPK example for PPPK staff (issue 11: it showed a PNS one)', () => {
    const { label, hint } = nipFieldText('PPPK')
    expect(label).toBe('NI PPPK')
    expect(hint).toBe('18 angka tanpa spasi, mis. 199103152023212004.')
    expect(checkNip(hint.match(/\d{18}/)![0], 'PPPK').ok).toBe(true)
  })

  it('labels the field NIP with a PNS example for PNS and CPNS', () => {
    for (const type of ['PNS', 'CPNS']) {
      const { label, hint } = nipFieldText(type)
      expect(label).toBe('NIP')
      expect(checkNip(hint.match(/\d{18}/)![0], 'PNS').ok).toBe(true)
    }
  })

  it('names both while no type is chosen', () => {
    expect(nipFieldText(undefined)).toEqual({
      label: 'NIP / NI PPPK',
      hint: '18 angka tanpa spasi, mis. NIP 198609262015051001 atau NI PPPK 199103152023212004.',
    })
    expect(nipFieldText('')).toEqual(nipFieldText(undefined))
  })
})
