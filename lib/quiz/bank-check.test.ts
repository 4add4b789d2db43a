import { describe, expect, it } from 'vitest'
import { checkBank } from './bank-check'
import { COVERAGE, judgeItem, multiItem, singleItem } from './test-fixtures'

describe('checkBank', () => {
  const rotating = [[1, 0, 0.5], [0, 1, 0], [0.5, 0, 1]] as const
  // Multi items with 1, 2 and 3 of 4 options correct (item-writing rules: the count varies).
  const counts = [[true, false, false, false], [true, true, false, false], [false, true, true, true]] as const
  // Every rule tested twice; the multi items (half the bank) are grey-zone, above the third needed.
  const everyRuleTwice = COVERAGE.rules.flatMap((rule, i) => [
    singleItem(`${rule.id}-one`, [rule.id], rotating[i % 3]),
    { ...multiItem(`${rule.id}-two`, [rule.id], counts[i % 3]), greyZone: true },
  ])
  const second = (i: number) => COVERAGE.rules[(i + 1) % COVERAGE.rules.length]!.id
  const enforced = { enforceItemWritingRules: true } as const

  it('passes a bank where every rule is tested three times, and gives the coverage table', () => {
    // Every rule tested by three scenarios (MIN_SCENARIOS_PER_RULE), the third in second position.
    const items = [...everyRuleTwice, ...COVERAGE.rules.map((rule, i) => judgeItem(`${rule.id}-three`, [second(i), rule.id], 'ya', i % 3))]
    const result = checkBank([{ file: 'content/scenarios/all.yaml', items }], COVERAGE, enforced)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.rules).toHaveLength(COVERAGE.rules.length)
    // a1-three lists [a2, a1]; f3-three lists [a1, f3] (a1 primary).
    expect(result.rules[0]).toEqual({ ruleId: 'a1', area: 'A', scenarioIds: ['a1-one', 'a1-two', 'a1-three', 'f3-three'], primaryCount: 3 })
    expect(result.areas[0]).toEqual({
      area: 'A',
      primaryItemIds: ['a1-one', 'a1-two', 'a2-one', 'a2-two', 'a3-one', 'a3-two', 'a1-three', 'a2-three', 'f3-three'],
    })
  })

  it('needs three scenarios per rule: two is an error when enforced, a warning while the switch is off', () => {
    const enforcedResult = checkBank([{ file: 'f.yaml', items: everyRuleTwice }], COVERAGE, enforced)
    expect(enforcedResult.errors.map((e) => e.message)).toHaveLength(COVERAGE.rules.length)
    expect(enforcedResult.errors[0]?.message).toBe('content/rules.yaml: rule "a1" is tested by 2 scenario(s) (a1-one, a1-two); at least 3 are needed')
    const lenient = checkBank([{ file: 'f.yaml', items: everyRuleTwice }], COVERAGE, { enforceItemWritingRules: false })
    expect(lenient.errors).toEqual([])
    expect(lenient.warnings.map((w) => w.message)).toContain('content/rules.yaml: rule "a1" is tested by 2 scenario(s) (a1-one, a1-two); at least 3 are needed')
  })

  it('reports item-writing problems as errors when enforced and as warnings otherwise', () => {
    const items = [...everyRuleTwice, judgeItem('verdikt', ['a1'], 'tidak', 0)].map((item) =>
      item.id === 'verdikt' && item.type === 'judge' ? { ...item, reasons: item.reasons.map((r) => ({ ...r, text: `Tidak, ${r.text}` })) } : item,
    )
    const problem = (m: string) => m.includes('(id "verdikt"): reasons[0].text: begins with the verdict word "tidak"')
    expect(checkBank([{ file: 'f.yaml', items }], COVERAGE, enforced).errors.some((e) => problem(e.message))).toBe(true)
    const lenient = checkBank([{ file: 'f.yaml', items }], COVERAGE, { enforceItemWritingRules: false })
    expect(lenient.errors).toEqual([])
    expect(lenient.warnings.some((w) => problem(w.message))).toBe(true)
  })

  it('counts a rule in any position of `rules`', () => {
    const items = [...everyRuleTwice.filter((i) => !i.id.startsWith('f3-')), judgeItem('x', ['a1', 'f3']), judgeItem('y', ['b1', 'c1', 'f3'])]
    const result = checkBank([{ file: 'f.yaml', items }], COVERAGE, { enforceItemWritingRules: false })
    expect(result.errors).toEqual([])
    expect(result.rules.find((r) => r.ruleId === 'f3')).toEqual({ ruleId: 'f3', area: 'F', scenarioIds: ['x', 'y'], primaryCount: 0 })
  })

  it('reports rules tested by fewer than two scenarios as errors even while the switch is off, naming them', () => {
    const items = everyRuleTwice.filter((i) => i.id !== 'c2-two' && !i.id.startsWith('d1-'))
    const result = checkBank([{ file: 'f.yaml', items }], COVERAGE, { enforceItemWritingRules: false })
    expect(result.errors.map((e) => e.message)).toEqual([
      'content/rules.yaml: rule "c2" is tested by 1 scenario(s) (c2-one); at least 3 are needed',
      'content/rules.yaml: rule "d1" is tested by 0 scenario(s); at least 3 are needed',
    ])
  })

  it('reports duplicate ids across files, naming both files', () => {
    const result = checkBank(
      [
        { file: 'content/scenarios/a.yaml', items: everyRuleTwice },
        { file: 'content/scenarios/b.yaml', items: [singleItem('new-one', ['a1']), singleItem('a1-one', ['a2'])] },
      ],
      COVERAGE,
      { enforceItemWritingRules: false },
    )
    expect(result.errors.map((e) => e.message)).toEqual([
      'content/scenarios/b.yaml: items[1] (id "a1-one"): id: duplicate id "a1-one" (also in content/scenarios/a.yaml)',
    ])
  })

  it('reports rule ids missing from the coverage map', () => {
    const result = checkBank([{ file: 'f.yaml', items: [...everyRuleTwice, singleItem('z', ['a1', 'zz9'])] }], COVERAGE, { enforceItemWritingRules: false })
    expect(result.errors.map((e) => e.message)).toEqual(['f.yaml: items[0] (id "z"): rules[1]: unknown rule id "zz9"'.replace('items[0]', `items[${everyRuleTwice.length}]`)])
  })

  it('warns about an area without primary items', () => {
    const items = everyRuleTwice.map((i) => (i.rules[0].startsWith('e') ? { ...i, rules: ['a1', ...i.rules] as [string, ...string[]] } : i))
    const result = checkBank([{ file: 'f.yaml', items }], COVERAGE, { rulesFile: 'rules.yaml', enforceItemWritingRules: false })
    expect(result.errors).toEqual([])
    expect(result.warnings.map((w) => w.message).filter((m) => !m.includes('at least 3 are needed'))).toEqual([
      'rules.yaml: area E has no scenario whose primary (first) rule is in it; attempts cannot represent it',
    ])
  })
})

describe('checkBank: key ids', () => {
  const rules = COVERAGE.rules.map((r) => r.id)
  it('warns when most best answers share one option id', () => {
    // credits [1, 0.5, 0, 0]: the best answer is always "a"
    const items = rules.flatMap((id) => [singleItem(`${id}-x`, [id]), { ...singleItem(`${id}-y`, [id]), greyZone: true }])
    const result = checkBank([{ file: 'f.yaml', items }], COVERAGE, { enforceItemWritingRules: false })
    expect(result.warnings.map((w) => w.message).filter((m) => !m.includes('at least 3 are needed'))).toEqual([
      'content/scenarios/: the best answer has id "a" in 36 of 36 single/judge items; option ids are visible to learners, so vary them',
    ])
  })

  it('is quiet when the key ids vary', () => {
    const credits = [[1, 0, 0], [0, 1, 0], [0, 0, 1]] as const
    const items = rules.flatMap((id, i) => [
      singleItem(`${id}-x`, [id], credits[i % 3]),
      { ...judgeItem(`${id}-y`, [id], 'ya', (i + 1) % 3), greyZone: true },
    ])
    expect(checkBank([{ file: 'f.yaml', items }], COVERAGE, { enforceItemWritingRules: false }).warnings.filter((w) => !w.message.includes('at least 3 are needed'))).toEqual([])
  })
})
