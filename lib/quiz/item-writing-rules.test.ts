import { describe, expect, it } from 'vitest'
import {
  AGGREGATE_MIN_ITEMS,
  bankFigures,
  checkCueWords,
  checkGreyZoneShare,
  checkItemRules,
  checkItemWriting,
  checkMultiCorrectCounts,
  checkSingleKeyLength,
  isAllOrNoneOption,
  isStrictlyLongest,
  leadingVerdictWord,
  meetsGreyZoneShare,
} from './item-writing-rules'
import type { BankItem } from './types'

const base = { rules: ['a1'] as [string], difficulty: 1 as const, stem: 'Stem', explanation: 'Penjelasan', sources: ['src-000'] }

/** A single item whose key is option a; `texts[0]` is the key. */
function single(id: string, texts: string[]): BankItem {
  return { ...base, id, type: 'single', options: texts.map((text, i) => ({ id: 'abcde'[i]!, text, credit: i === 0 ? 1 : 0 })) }
}
function multi(id: string, correct: boolean[], texts?: string[]): BankItem {
  return {
    ...base,
    id,
    type: 'multi',
    options: correct.map((c, i) => ({ id: 'abcde'[i]!, text: texts?.[i] ?? `Pilihan ${i}`, correct: c })),
  }
}
function judge(id: string, reasons: string[], correct = 0): BankItem {
  return {
    ...base,
    id,
    type: 'judge',
    post: { platform: 'X', author: 'a', text: 'unggahan' },
    verdict: 'tidak',
    reasons: reasons.map((text, i) => ({ id: 'abcde'[i]!, text, correct: i === correct })),
  }
}
const file = (items: BankItem[], name = 'content/scenarios/x.yaml') => [{ file: name, items }]
const equalLength = (id: string) => single(id, ['Kunci sama', 'Pengecoh 1', 'Pengecoh 2'])
const keyLongest = (id: string) => single(id, ['Kunci yang jauh lebih panjang', 'Pendek', 'Pendek juga'])

describe('isStrictlyLongest', () => {
  it('is true only when the key is longer than every other option (ties and spaces do not count)', () => {
    expect(isStrictlyLongest(['panjang sekali', 'pendek'], 0)).toBe(true)
    expect(isStrictlyLongest(['sama', 'beda'], 0)).toBe(false)
    expect(isStrictlyLongest(['a  b   ', 'abcd'], 0)).toBe(false)
    expect(isStrictlyLongest(['pendek', 'panjang sekali'], 0)).toBe(false)
  })
})

describe('checkSingleKeyLength', () => {
  it('passes at 35% and fails above it, with the figures and the items', () => {
    const at35 = [...Array.from({ length: 7 }, (_, i) => keyLongest(`p${i}`)), ...Array.from({ length: 13 }, (_, i) => equalLength(`q${i}`))]
    expect(checkSingleKeyLength(file(at35))).toEqual([])
    const at40 = [...Array.from({ length: 8 }, (_, i) => keyLongest(`p${i}`)), ...Array.from({ length: 12 }, (_, i) => equalLength(`q${i}`))]
    const [problem, ...rest] = checkSingleKeyLength(file(at40))
    expect(rest).toEqual([])
    expect(problem?.message).toContain('the key is the strictly longest option in 8 of 20 items (40%; at most 35%, i.e. 7)')
    expect(problem?.message).toContain('p7 (content/scenarios/x.yaml)')
    expect(problem?.message).not.toContain('q0')
  })

  it('needs a sample before applying a share', () => {
    expect(checkSingleKeyLength(file(Array.from({ length: AGGREGATE_MIN_ITEMS - 1 }, (_, i) => keyLongest(`p${i}`))))).toEqual([])
    expect(checkSingleKeyLength(file(Array.from({ length: AGGREGATE_MIN_ITEMS }, (_, i) => keyLongest(`p${i}`))))).toHaveLength(1)
  })
})

describe('checkMultiCorrectCounts', () => {
  const counts = (spec: [number, number][]) =>
    spec.flatMap(([correct, n], k) => Array.from({ length: n }, (_, i) => multi(`m${correct}-${k}-${i}`, [0, 1, 2, 3, 4].map((j) => j < correct))))

  it('passes when counts vary from 1 to n−1 and none covers more than 40%', () => {
    expect(checkMultiCorrectCounts(file(counts([[1, 4], [2, 4], [3, 4], [4, 3]])))).toEqual([])
  })

  it('fails when one count covers more than 40% of multi items, naming it and the items', () => {
    const problems = checkMultiCorrectCounts(file(counts([[1, 2], [3, 9], [4, 2]])))
    expect(problems.map((p) => p.problem)).toHaveLength(1)
    expect(problems[0]?.problem).toMatch(/^multi-choice: 9 of 13 items \(69\.2%; at most 40%\) have exactly 3 correct options \(1 correct: 2, 3 correct: 9, 4 correct: 2\)/)
    expect(problems[0]?.problem).toContain('m3-1-0 (content/scenarios/x.yaml)')
  })

  it('fails when no item has a single correct option or none has n−1', () => {
    const problems = checkMultiCorrectCounts(file(counts([[2, 4], [3, 4], [4, 4]])))
    expect(problems.map((p) => p.problem)).toEqual([
      'multi-choice: the number of correct options must vary from 1 to n−1, but no item has exactly 1 correct option (2 correct: 4, 3 correct: 4, 4 correct: 4)',
    ])
    // n−1 is per item: 2 of 3 options correct counts as "all but one".
    const mixed = [...counts([[1, 4], [2, 4], [3, 4]]), multi('klein', [true, true, false])]
    expect(checkMultiCorrectCounts(file(mixed))).toEqual([])
  })
})

describe('checkItemRules', () => {
  it('refuses judge reasons that begin with a verdict word, whatever the case or quotes', () => {
    for (const text of ['Ya, karena…', 'Tidak pantas, karena…', '“Boleh” karena…', 'JANGAN, sebab…', 'pantas karena', 'Benar, sebab', 'Salah, sebab']) {
      expect(leadingVerdictWord(text), text).not.toBeNull()
    }
    for (const text of ['Karena draf belum diumumkan', 'Yakin akan sumbernya', 'Bolehkah…', 'Tidaknya dukungan…', 'Menyebarkan hoaks']) {
      expect(leadingVerdictWord(text), text).toBeNull()
    }
    const problems = checkItemRules(file([judge('j1', ['Draf belum diumumkan.', 'Tidak, karena larut malam.', 'Ya, akun pribadi bebas.'])]))
    expect(problems.map((p) => p.message)).toEqual([
      'content/scenarios/x.yaml: items[0] (id "j1"): reasons[1].text: begins with the verdict word "tidak"; a reason must not give the verdict away (start with the reason itself)',
      'content/scenarios/x.yaml: items[0] (id "j1"): reasons[2].text: begins with the verdict word "ya"; a reason must not give the verdict away (start with the reason itself)',
    ])
  })

  it('refuses "semua benar/semua salah" and all/none-of-the-above options, not ordinary sentences', () => {
    for (const text of ['Semua benar', 'Semua salah.', 'Semua jawaban di atas benar', 'Semua pilihan di atas', 'Tidak ada jawaban yang benar', 'Tidak ada yang tepat', 'A dan B benar', 'None of the above']) {
      expect(isAllOrNoneOption(text), text).toBe(true)
    }
    for (const text of ['Semua anggota grup ikut tertawa', 'Tidak ada yang salah dengan unggahan itu', 'Tidak ada yang benar-benar dirugikan', 'Semua calon mendapat giliran']) {
      expect(isAllOrNoneOption(text), text).toBe(false)
    }
    const problems = checkItemRules(file([single('s1', ['Memeriksa sumber resmi', 'Meneruskan ke grup', 'Semua salah']), multi('m1', [true, false, true], ['x', 'Semua jawaban di atas benar', 'y'])]))
    expect(problems.map((p) => `${p.itemId} ${p.path}`)).toEqual(['s1 options[2].text', 'm1 options[1].text'])
  })
})

describe('checkCueWords', () => {
  const withCue = (id: string, where: 'key' | 'distractor', cue: string) =>
    where === 'key' ? single(id, [`Menjawab ${cue} di kolom komentar`, 'Pengecoh satu', 'Pengecoh dua']) : single(id, ['Kunci', `Boleh ${cue} akunnya dikunci`, 'Pengecoh dua'])

  it('allows a cue four times on one side, and any number on both sides', () => {
    expect(checkCueWords(file(Array.from({ length: 4 }, (_, i) => withCue(`d${i}`, 'distractor', 'asalkan'))))).toEqual([])
    const both = [...Array.from({ length: 6 }, (_, i) => withCue(`d${i}`, 'distractor', 'asalkan')), withCue('k', 'key', 'asalkan')]
    expect(checkCueWords(file(both))).toEqual([])
  })

  it('fails a cue that appears five times only in distractors (or only in keys), with the count and items', () => {
    const distractors = Array.from({ length: 5 }, (_, i) => withCue(`d${i}`, 'distractor', 'Asalkan'))
    expect(checkCueWords(file(distractors)).map((p) => p.problem)).toEqual([
      'cue "asalkan" appears in 5 distractors and no key (at most 4 on one side); reword some of: d0 (content/scenarios/x.yaml), d1 (content/scenarios/x.yaml), d2 (content/scenarios/x.yaml), d3 (content/scenarios/x.yaml), d4 (content/scenarios/x.yaml)',
    ])
    const keys = Array.from({ length: 5 }, (_, i) => withCue(`k${i}`, 'key', 'hanya  karena'))
    expect(checkCueWords(file(keys)).map((p) => p.problem)[0]).toMatch(/^cue "hanya karena" appears in 5 keys and no distractor/)
  })

  it('counts a family together: three "santun" and three "sopan" keys fail as "santun/sopan"', () => {
    const items = [...Array.from({ length: 3 }, (_, i) => withCue(`s${i}`, 'key', 'santun')), ...Array.from({ length: 3 }, (_, i) => withCue(`p${i}`, 'key', 'sopan'))]
    expect(checkCueWords(file(items)).map((p) => p.problem)).toEqual([expect.stringMatching(/^cue "santun\/sopan" appears in 6 keys and no distractor/)])
  })

  it('matches whole words only, in judge reasons and multi options too', () => {
    const items = Array.from({ length: 5 }, (_, i) => judge(`j${i}`, ['Kunci', 'Kepastian hukum', 'Memastikan sumber'], 0))
    expect(checkCueWords(file(items))).toEqual([])
    const reasons = Array.from({ length: 5 }, (_, i) => judge(`j${i}`, ['Kunci', 'Karena pasti aman', 'Lain'], 0))
    expect(checkCueWords(file(reasons)).map((p) => p.problem)).toEqual([expect.stringMatching(/^cue "pasti" appears in 5 distractors/)])
  })
})

describe('checkItemWriting', () => {
  it('finds nothing in a bank written to the rules, and names the file of each problem otherwise', () => {
    expect(checkItemWriting([{ file: 'a.yaml', items: [equalLength('e1'), judge('j', ['Draf belum diumumkan', 'Akun pribadi bebas', 'Larut malam'])] }]).problems).toEqual([])
    const { problems } = checkItemWriting([
      { file: 'a.yaml', items: [equalLength('e1')] },
      { file: 'b.yaml', items: [judge('j', ['Ya, draf belum diumumkan', 'Akun pribadi bebas', 'Larut malam'])] },
    ])
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^b\.yaml: items\[0\] \(id "j"\): reasons\[0\]\.text: begins with the verdict word "ya"/)])
  })
})

describe('checkGreyZoneShare', () => {
  const grey = (item: BankItem): BankItem => ({ ...item, greyZone: true })
  const bank = (greyCount: number, total: number) =>
    Array.from({ length: total }, (_, i) => (i < greyCount ? grey(equalLength(`g${i}`)) : equalLength(`p${i}`)))

  it('passes at exactly a third and above, with no rounding', () => {
    expect(meetsGreyZoneShare(5, 15)).toBe(true)
    expect(meetsGreyZoneShare(4, 13)).toBe(false)
    expect(meetsGreyZoneShare(51, 153)).toBe(true)
    expect(meetsGreyZoneShare(50, 151)).toBe(false)
    expect(checkGreyZoneShare(file(bank(5, 15)))).toEqual([])
    expect(checkGreyZoneShare(file(bank(15, 15)))).toEqual([])
  })

  it('fails a bank with too few grey-zone items, giving the figures and the count per file', () => {
    const items = bank(4, 15)
    const problems = checkGreyZoneShare([
      { file: 'content/scenarios/a.yaml', items: items.slice(0, 10) },
      { file: 'content/scenarios/b.yaml', items: items.slice(10) },
    ])
    expect(problems.map((p) => p.message)).toEqual([
      'content/scenarios/: grey zone: 4 of 15 items (26.7%) are marked greyZone: true; at least a third (5) must be cases where a careful civil servant weighs two values; mark honest ones or write 1 more (content/scenarios/a.yaml 4 of 10, content/scenarios/b.yaml 0 of 5)',
    ])
  })

  it('counts only greyZone: true (false or absent is not grey), and needs a sample first', () => {
    const marked = [...bank(0, 12).map((item) => ({ ...item, greyZone: false })), grey(equalLength('g'))]
    expect(checkGreyZoneShare(file(marked))).toHaveLength(1)
    expect(checkGreyZoneShare(file(bank(0, AGGREGATE_MIN_ITEMS - 1)))).toEqual([])
  })

  it('is one of the item-writing rules', () => {
    expect(checkItemWriting(file(bank(0, 12))).problems.map((p) => p.problem)).toEqual([expect.stringMatching(/^grey zone: 0 of 12 items/)])
  })
})

describe('bankFigures', () => {
  const onLinkedIn = (item: BankItem): BankItem => (item.type === 'judge' ? { ...item, post: { ...item.post, platform: 'LinkedIn' } } : item)

  it('counts types, difficulty, grey zone, longest keys, multi correct counts and judge platforms', () => {
    const figures = bankFigures([
      { file: 'a.yaml', items: [keyLongest('k1'), { ...equalLength('e1'), greyZone: true }, multi('m1', [true, false, false]), multi('m2', [true, true, false])] },
      { file: 'b.yaml', items: [judge('j1', ['Satu', 'Dua', 'Tiga']), onLinkedIn(judge('j2', ['Satu', 'Dua', 'Tiga']))] },
    ])
    expect(figures).toEqual({
      items: 6,
      byType: { single: 2, multi: 2, judge: 2 },
      byDifficulty: { 1: 6, 2: 0, 3: 0 },
      greyZone: { count: 1, share: 0.167 },
      singleKeyLongest: { count: 1, of: 2, share: 0.5 },
      multiCorrectCounts: { '1': 1, '2': 1 },
      judgePlatforms: { X: 1, LinkedIn: 1 },
    })
  })
})
