import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkContentEdition } from './check-lessons'
import { formatContentEdition, parseContentEdition } from './content-edition'

describe('the content edition', () => {
  it('reads as an auditor would quote it', () => {
    const parsed = parseContentEdition("edition: '2026.1'\ndate: '2026-11-21'\n")
    expect(parsed.ok && formatContentEdition(parsed.edition)).toBe('2026.1, 21 November 2026')
  })

  it('refuses malformed editions and impossible dates, naming the file', () => {
    expect(checkContentEdition('content/edition.yaml', "edition: 'v-c2ea886961'\ndate: '2026-02-30'\n", new Date('2026-12-01'))).toEqual([
      'content/edition.yaml: edition: must look like 2026.1 (year, dot, number)',
      'content/edition.yaml: date: is not a real calendar date',
    ])
    expect(checkContentEdition('content/edition.yaml', "edition: '2026.2'\ndate: '2027-01-05'\n", new Date('2026-12-01'))).toEqual([
      'content/edition.yaml: date 2027-01-05 is in the future',
    ])
    expect(checkContentEdition('content/edition.yaml', null)).toEqual([expect.stringMatching(/^content\/edition\.yaml: missing/)])
    expect(checkContentEdition('content/edition.yaml', "edition: '2026.1'\ndate: '2026-11-21'\nextra: 1\n")).toHaveLength(1)
  })

  it('the shipped file passes', () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../content/edition.yaml'), 'utf8')
    expect(checkContentEdition('content/edition.yaml', text)).toEqual([])
  })
})
