import { describe, expect, it } from 'vitest'
import { formatDuration } from './format'

describe('time on task for HR', () => {
  it('rounds to whole minutes and shows hours past sixty', () => {
    expect(formatDuration(0)).toBe('0 mnt')
    expect(formatDuration(29)).toBe('0 mnt')
    expect(formatDuration(2520)).toBe('42 mnt')
    expect(formatDuration(3900)).toBe('1 j 05 mnt')
    expect(formatDuration(null)).toBe('–')
  })
})

describe('telling namesakes apart', () => {
  it('shows the unit and the masked NIP (first and last four digits)', async () => {
    const { personTag } = await import('./format')
    expect(personTag({ unitName: 'Dinas Pendidikan', nip: '199103152023213004' })).toBe('Dinas Pendidikan · 1991••••••••••3004')
    expect(personTag({ unitName: null, nip: '199103152023213004' })).toBe('1991••••••••••3004')
    expect(personTag({ unitName: 'Dinas Kominfo', nip: null })).toBe('Dinas Kominfo')
    expect(personTag({})).toBe('')
  })
})

describe('numbers on HR and admin screens', () => {
  it('are written the Indonesian way: decimal comma, thousands with a point', async () => {
    const { formatNumber, formatPercent, formatScore, formatSigned } = await import('./format')
    expect(formatNumber(33.333)).toBe('33,3')
    expect(formatNumber(1250)).toBe('1.250')
    expect(formatNumber(100000)).toBe('100.000')
    expect(formatNumber(null)).toBe('–')
    expect(formatScore(93.3)).toBe('93,3')
    expect(formatSigned(12.5)).toBe('+12,5')
    expect(formatPercent(1, 3)).toBe('33%')
    expect(formatPercent(0, 0)).toBe('0%')
  })
})
