import { describe, expect, it } from 'vitest'
import { distinctName, formatDuration } from './format'

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

describe('signed differences on the HR dashboard', () => {
  it('are written the Indonesian way with their sign', async () => {
    const { formatSigned } = await import('./format')
    expect(formatSigned(12.5)).toBe('+12,5')
    expect(formatSigned(-3)).toBe('−3')
    expect(formatSigned(null)).toBe('–')
  })
})

describe('names in row buttons and forms', () => {
  it('tells namesakes apart by masked NIP, else by email', () => {
    const a = distinctName({ name: 'Ayu', nip: '199103152023212004', email: 'ayu@a.go.id' })
    const b = distinctName({ name: 'Ayu', nip: '199204152023212005', email: 'ayu@b.go.id' })
    expect(a).toBe('Ayu (1991••••••••••2004)')
    expect(a).not.toBe(b)
    expect(distinctName({ name: 'Ayu', nip: null, email: 'ayu@a.go.id' })).toBe('Ayu (ayu@a.go.id)')
    expect(distinctName({ name: 'Ayu' })).toBe('Ayu')
  })
})
