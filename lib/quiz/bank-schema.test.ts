import { describe, expect, it } from 'vitest'
import { parseBankFile, type ContentError } from './bank-schema'

const RULES = ['se137-6', 'ethics-no-hoax', 'check-source', 'avoid-trip-flex', 'ethics-professional']
const SOURCES = ['se137', 'src-002', 'src-003', 'src-004']
const FILE = 'content/scenarios/contoh.yaml'

// The two examples of docs/content-format.md, plus a multi item.
const VALID = `
- id: wa-kenaikan-gaji
  type: single            # single | multi | judge
  rules: [se137-6, ethics-no-hoax, check-source]   # first id is the primary rule
  difficulty: 1           # 1 mudah, 2 sedang, 3 sulit
  stem: >-
    Di grup WhatsApp kantor beredar pesan berantai: "Gaji ASN naik 20% mulai bulan depan,
    sebarkan!" Belum ada pengumuman resmi. Apa yang sebaiknya Anda lakukan?
  options:
    - { id: a, text: "Meneruskannya ke grup keluarga agar mereka ikut senang.", credit: 0 }
    - { id: b, text: "Tidak meneruskannya dan memeriksa situs resmi pemerintah.", credit: 1 }
    - { id: c, text: "Diam saja.", credit: 0.5 }
  explanation: >-
    Pesan tanpa sumber jelas tidak boleh diteruskan (SE MenPAN-RB 137/2018 poin 6) …
  sources: [se137, src-004]
- id: selfie-hotel-dinas
  type: judge
  rules: [avoid-trip-flex, ethics-professional]
  difficulty: 2
  stem: "Rekan Anda ingin mengunggah foto ini ke Instagram pribadinya. Boleh diunggah?"
  post: { platform: Instagram, author: "rina.pns", text: "Kamar hotel dinas…", time: "21.10" }
  verdict: tidak          # ya | tidak
  reasons:                # step two: why (exactly one correct: true)
    - { id: a, text: "…", correct: true }
    - { id: b, text: "…" }
    - { id: c, text: "…" }
  explanation: "…"
  sources: [src-002, src-003]
- id: ciri-hoaks
  type: multi
  rules: [check-source]
  difficulty: 3
  stem: "Pilih semua ciri pesan yang patut dicurigai."
  options:
    - { id: a, text: "Tidak menyebut sumber.", correct: true }
    - { id: b, text: "Meminta segera disebarkan.", correct: true }
    - { id: c, text: "Ditautkan ke situs resmi.", correct: false }
  explanation: "Lihat panduan."
  sources: [src-002]
`

function errorsOf(text: string): ContentError[] {
  const result = parseBankFile(FILE, text, RULES, SOURCES)
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

/** Replaces a line of the valid file (first occurrence) and returns the error messages. */
function messagesWith(from: string, to: string): string[] {
  if (!VALID.includes(from)) throw new Error(`fixture lacks ${from}`)
  return errorsOf(VALID.replace(from, to)).map((e) => e.message)
}

describe('parseBankFile', () => {
  it('accepts the examples of the format doc', () => {
    const result = parseBankFile(FILE, VALID, RULES, SOURCES)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.items.map((i) => i.id)).toEqual(['wa-kenaikan-gaji', 'selfie-hotel-dinas', 'ciri-hoaks'])
    const [single, judge] = result.items
    expect(single).toMatchObject({ type: 'single', rules: ['se137-6', 'ethics-no-hoax', 'check-source'], difficulty: 1 })
    expect(single?.stem.startsWith('Di grup WhatsApp kantor')).toBe(true)
    // reasons without `correct` default to false
    expect(judge).toMatchObject({ type: 'judge', verdict: 'tidak', reasons: [{ correct: true }, { correct: false }, { correct: false }] })
  })

  it('reads the optional greyZone mark (absent on the examples) and refuses anything but a boolean', () => {
    const result = parseBankFile(FILE, VALID.replace('  difficulty: 1 ', '  greyZone: true\n  difficulty: 1 '), RULES, SOURCES)
    expect(result.ok && result.items.map((item) => item.greyZone)).toEqual([true, undefined, undefined])
    expect(messagesWith('  difficulty: 1 ', '  greyZone: ya\n  difficulty: 1 ')).toEqual([`${FILE}:5: items[0] (id "wa-kenaikan-gaji"): greyZone: must be true or false`])
  })

  it.each(['LinkedIn', 'Threads', 'Telegram', 'YouTube'])('accepts a judge post on %s', (platform) => {
    const result = parseBankFile(FILE, VALID.replace('platform: Instagram', `platform: ${platform}`), RULES, SOURCES)
    expect(result.ok && result.items[1]?.type === 'judge' && result.items[1].post.platform).toBe(platform)
  })

  it('names the file, line, item index and id, and the field path', () => {
    const [error] = errorsOf(VALID.replace('credit: 0.5 }', 'credit: 0.7 }'))
    expect(error).toEqual({
      file: FILE,
      line: 12,
      itemIndex: 0,
      itemId: 'wa-kenaikan-gaji',
      path: 'options[2].credit',
      problem: 'must be 1 (best), 0.5 (acceptable) or 0',
      message: `${FILE}:12: items[0] (id "wa-kenaikan-gaji"): options[2].credit: must be 1 (best), 0.5 (acceptable) or 0`,
    })
  })

  it.each([
    ['an unknown type', 'type: multi', 'type: choice', 'items[2] (id "ciri-hoaks"): type: must be one of single, multi, judge'],
    ['an unknown rule', 'rules: [check-source]', 'rules: [check-sauce]', 'rules[0]: unknown rule id "check-sauce"'],
    ['no rules', 'rules: [check-source]', 'rules: []', 'rules: must list at least one rule id'],
    ['a repeated rule', 'rules: [check-source]', 'rules: [check-source, check-source]', 'rules[1]: rule "check-source" is listed twice'],
    ['an unknown source', 'sources: [src-002]\n', 'sources: [src-999]\n', 'sources[0]: unknown source id "src-999"'],
    ['a bad difficulty', 'difficulty: 3', 'difficulty: hard', 'difficulty: must be 1, 2 or 3'],
    ['a missing stem', '  stem: "Pilih semua ciri pesan yang patut dicurigai."\n', '', 'stem: is required'],
    ['an empty explanation', 'explanation: "Lihat panduan."', 'explanation: "  "', 'explanation: must not be empty'],
    ['a misspelt field', 'correct: false }', 'corect: false }', 'options[2]: unknown field "corect"'],
    ['a non kebab-case id', 'id: ciri-hoaks', 'id: Ciri_Hoaks', 'id: must be kebab-case'],
    ['a numeric option id', '{ id: c, text: "Ditautkan', '{ id: 3, text: "Ditautkan', 'options[2].id: must be text (quote it if it looks like a number)'],
    ['a bad verdict', 'verdict: tidak', 'verdict: no', 'verdict: must be "ya" or "tidak"'],
    ['a bad platform', 'platform: Instagram', 'platform: Insta', 'post.platform: must be one of WhatsApp, Facebook, Instagram, X, TikTok, YouTube, LinkedIn, Threads, Telegram'],
    ['a missing post', '  post: { platform: Instagram, author: "rina.pns", text: "Kamar hotel dinas…", time: "21.10" }\n', '', 'post: is required'],
    ['two reasons marked correct', '{ id: b, text: "…" }', '{ id: b, text: "…", correct: true }', 'reasons: exactly one reason must have correct: true (found 2)'],
    ['no best single option', 'credit: 1 }', 'credit: 0.5 }', 'options: exactly one option must have credit 1 (found 0)'],
    ['a duplicate option id', '{ id: c, text: "Diam saja."', '{ id: b, text: "Diam saja."', 'options[2].id: option id "b" is used twice'],
    ['a multi item without a wrong option', 'correct: false }', 'correct: true }', 'options: at least one option must have correct: false'],
    ['too few options', '    - { id: c, text: "Ditautkan ke situs resmi.", correct: false }\n', '', 'options: needs 3–5 options'],
  ])('reports %s', (_name, from, to, expected) => {
    const messages = messagesWith(from, to)
    expect(messages.some((m) => m.includes(expected))).toBe(true)
    expect(messages.every((m) => m.startsWith(FILE))).toBe(true)
  })

  it('reports a multi item without a correct option', () => {
    const text = VALID.replace('sumber.", correct: true }', 'sumber.", correct: false }').replace(
      'disebarkan.", correct: true }',
      'disebarkan.", correct: false }',
    )
    expect(errorsOf(text).map((e) => e.problem)).toContain('at least one option must have correct: true')
  })

  it('reports too many options', () => {
    const six = Array.from({ length: 6 }, (_, i) => `    - { id: o${i}, text: "t", credit: ${i === 0 ? 1 : 0} }`).join('\n')
    const text = `- id: x\n  type: single\n  rules: [se137-6]\n  difficulty: 1\n  stem: s\n  options:\n${six}\n  explanation: e\n  sources: [se137]\n`
    expect(errorsOf(text).map((e) => `${e.path}: ${e.problem}`)).toEqual(['options: needs 3–5 options'])
  })

  it('reports duplicate ids within the file', () => {
    const errors = errorsOf(VALID.replace('id: ciri-hoaks', 'id: wa-kenaikan-gaji'))
    expect(errors.map((e) => e.message)).toEqual([`${FILE}:29: items[2] (id "wa-kenaikan-gaji"): id: duplicate id "wa-kenaikan-gaji" (also items[0])`])
  })

  it('reports every bad item, not only the first', () => {
    const text = VALID.replace('difficulty: 1', 'difficulty: 0').replace('verdict: tidak', 'verdict: maybe')
    expect(errorsOf(text).map((e) => e.itemIndex)).toEqual([0, 1])
  })

  it('reports an item that is not a mapping', () => {
    const [error] = errorsOf(`${VALID}- just a string\n`)
    expect(error).toMatchObject({ itemIndex: 3, itemId: null, path: '' })
    expect(error?.problem).toMatch(/must be a mapping/)
  })

  it('reports invalid YAML with its line', () => {
    const [error] = errorsOf('- id: a\n  rules: [x\n  type: single\n')
    expect(error?.message).toMatch(new RegExp(`^${FILE}:\\d+: invalid YAML: `))
    expect(error?.itemIndex).toBeNull()
  })

  it('reports YAML duplicate keys', () => {
    const [error] = errorsOf('- id: a\n  id: b\n')
    expect(error?.problem).toMatch(/invalid YAML: .*unique/i)
  })

  it.each([
    ['', 'the file is empty'],
    ['# only a comment\n', 'the file is empty'],
    ['id: a\ntype: single\n', 'the file must be a YAML list of items'],
    ['[]', 'the file has no items'],
  ])('reports a file that is not a list of items: %j', (text, expected) => {
    const [error] = errorsOf(text)
    expect(error?.problem).toContain(expected)
    expect(error?.file).toBe(FILE)
  })
})
