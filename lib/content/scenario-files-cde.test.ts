/**
 * The scenario files of areas C, D and E (c-sebelum-unggah, d-larangan, e-platform), read as
 * they ship: the factual defects of issue 12 stay fixed, and the items obey the item-writing
 * rules (no key given away by length, count of correct options or a verdict word).
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseBankFile, parseCoverageMap, type BankItem } from '@/lib/quiz'

const root = path.resolve(import.meta.dirname, '../..')
const FILES = ['c-sebelum-unggah.yaml', 'd-larangan.yaml', 'e-platform.yaml'] as const

function loadItems(): { file: string; item: BankItem }[] {
  const coverage = parseCoverageMap(fs.readFileSync(path.join(root, 'content/rules.yaml'), 'utf8'))
  const sourceIds = Object.keys(parse(fs.readFileSync(path.join(root, 'content/sources.yaml'), 'utf8')) as object)
  return FILES.flatMap((file) => {
    const text = fs.readFileSync(path.join(root, 'content/scenarios', file), 'utf8')
    const result = parseBankFile(file, text, coverage.rules.map((r) => r.id), sourceIds)
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
    return result.items.map((item) => ({ file, item }))
  })
}

const items = loadItems()

/** Every text a learner reads in an item. */
function textsOf(item: BankItem): string[] {
  const texts = [item.stem, item.explanation]
  if (item.type === 'judge') texts.push(item.post.text, item.post.author, ...item.reasons.map((r) => r.text))
  else texts.push(...item.options.map((o) => o.text))
  return texts
}

describe('scenario files C, D, E: factual defects of issue 12', () => {
  it('does not say that a CPNS is "dilantik" (a CPNS receives an SK)', () => {
    const offenders = items.filter(({ item }) => textsOf(item).some((t) => /dilantik[^.]*CPNS|CPNS[^.]*dilantik/i.test(t)))
    expect(offenders.map(({ item }) => item.id)).toEqual([])
  })

  it('never names the APBN alone as the budget of a trip (most learners are paid from the APBD)', () => {
    const offenders = items.filter(({ item }) => textsOf(item).some((t) => /\bAPBN\b/.test(t) && !/\bAPBD\b/.test(t)))
    expect(offenders.map(({ item }) => item.id)).toEqual([])
  })

  it('names no candidate or party "X", which reads as the platform X', () => {
    const offenders = items.filter(({ item }) =>
      textsOf(item).some((t) => /\b(calon|wali kota|bupati|gubernur|partai|paslon|caleg)\s+X\b/i.test(t)),
    )
    expect(offenders.map(({ item }) => item.id)).toEqual([])
  })
})
