/**
 * Regression checks for defects found in the content review of issue 12: how lessons name their
 * summary, how foreign terms are written, facts the lessons and items must not get wrong, and the
 * item-writing rules for content/scenarios/f-peran.yaml and netralitas.yaml.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const CONTENT = path.resolve(__dirname, '../../content')
const lessonDir = path.join(CONTENT, 'lessons')
const lessons = fs
  .readdirSync(lessonDir)
  .filter((file) => file.endsWith('.mdx'))
  .sort()
  .map((file) => ({ file, text: fs.readFileSync(path.join(lessonDir, file), 'utf8') }))

/** Lesson prose: the body without frontmatter and without component opening tags (their props are plain strings). */
function prose(text: string): string {
  const body = text.replace(/^---[\s\S]*?\n---\n/, '')
  return body.replace(/<[A-Z][A-Za-z]*\b[\s\S]*?\/?>/g, ' ')
}

type Option = { id: string; text: string; credit?: number; correct?: boolean }
type Item = {
  id: string
  type: 'single' | 'multi' | 'judge'
  rules: string[]
  stem: string
  explanation: string
  options?: Option[]
  reasons?: Option[]
}
const bankFile = (name: string) => parse(fs.readFileSync(path.join(CONTENT, 'scenarios', name), 'utf8')) as Item[]
const allItems = fs
  .readdirSync(path.join(CONTENT, 'scenarios'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => bankFile(file))
const ownItems = [...bankFile('f-peran.yaml'), ...bankFile('netralitas.yaml')]

describe('lesson prose', () => {
  it('names the closing summary "Rangkuman" in every lesson, as its last section', () => {
    for (const { file, text } of lessons) {
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1])
      expect(headings.filter((heading) => /rangkum|ringkas/i.test(heading ?? '')), file).toEqual(['Rangkuman'])
      expect(headings.at(-1), file).toBe('Rangkuman')
    }
  })

  it('writes foreign terms in italics in the prose', () => {
    const foreign = /(?<![*\w])(caption|tag|twibbon|story|stories|reels|live|repost|healing|doorprize|hoax)(?![*\w])/gi
    for (const { file, text } of lessons) {
      expect([...prose(text).matchAll(foreign)].map((match) => match[0]), file).toEqual([])
    }
  })

  it('keeps foreign words out of plain-string lists and tables (no italics there): Indonesian words, feature names capitalised', () => {
    const foreign = /\b(caption|tag|twibbon|story|stories|reels|live|stitch|duet|repost)\b/g
    for (const { file, text } of lessons) {
      const blocks = [...text.matchAll(/<(PlatformComparison|DoDont)\b[\s\S]*?\/>/g)].map((match) => match[0])
      expect(blocks.flatMap((block) => [...block.matchAll(foreign)].map((match) => match[0])), file).toEqual([])
    }
  })

  it('does not call SE MenPAN-RB 137/2018 binding by itself: it instructs the PPK to sanction under existing law', () => {
    const lesson = lessons.find(({ file }) => file.startsWith('02-'))!
    expect(prose(lesson.text)).not.toMatch(/mengikat/)
    expect(prose(lesson.text)).toMatch(/PPK[^.]*diminta memberikan sanksi sesuai peraturan perundang-undangan/)
  })

  it('does not attribute "like/share counts as political support" to the kolonginfo article', () => {
    for (const { file, text } of lessons) {
      expect(prose(text), file).not.toMatch(/kolonginfo\.com (juga )?menegaskan bahwa menyukai/)
    }
  })

  it('names the APBD beside the APBN (most learners are paid from a regional budget)', () => {
    for (const { file, text } of lessons) {
      if (/APBN/.test(prose(text))) expect(prose(text), file).toMatch(/APBD/)
    }
  })
})

describe('sources', () => {
  it('does not invent a title for src-004 (the stored copy has none)', () => {
    const sources = parse(fs.readFileSync(path.join(CONTENT, 'sources.yaml'), 'utf8')) as Record<string, { title: string }>
    expect(sources['src-004']?.title).toMatch(/^\[Tanpa judul\]/)
  })
})

describe('scenario facts', () => {
  it('names no candidate "X" (it clashes with the platform X)', () => {
    for (const item of allItems) expect(JSON.stringify(item), item.id).not.toMatch(/(Calon|Wali Kota|Bupati|Partai) X\b/)
  })

  it('puts the motor-vehicle tax (PKB) at the provincial Bapenda', () => {
    for (const item of allItems) {
      const text = JSON.stringify(item)
      if (/pajak (motor|kendaraan)/i.test(text) && /(Badan Pendapatan Daerah|Bapenda)/.test(text)) {
        expect(text, item.id).toMatch(/[Pp]rovinsi/)
        expect(text, item.id).not.toMatch(/Bapenda Kabupaten|pajak motor di\s+kabupaten/)
      }
    }
  })

  it('hoaks-grup-keluarga: a private message to the elder is the best move', () => {
    const item = allItems.find((candidate) => candidate.id === 'hoaks-grup-keluarga')!
    const best = item.options!.find((option) => option.credit === 1)!
    expect(best.text).toMatch(/pribadi/)
  })
})

describe('item-writing rules in f-peran.yaml and netralitas.yaml', () => {
  it('holds at least 25 items (13 before issue 12)', () => {
    expect(ownItems.length).toBeGreaterThanOrEqual(25)
  })

  it('single choice: the key is the strictly longest option in at most 30% of items; no "semua benar/salah"', () => {
    const singles = ownItems.filter((item) => item.type === 'single')
    const longest = singles.filter((item) => {
      const key = item.options!.find((option) => option.credit === 1)!
      return item.options!.every((option) => option === key || option.text.length < key.text.length)
    })
    expect(longest.length / singles.length).toBeLessThanOrEqual(0.3)
    for (const item of singles) {
      for (const option of item.options!) expect(option.text, item.id).not.toMatch(/semua(nya)? (benar|salah)/i)
    }
  })

  it('multi choice: the number of correct options varies, and no count covers more than 40%', () => {
    const multis = ownItems.filter((item) => item.type === 'multi')
    const counts = new Map<number, number>()
    for (const item of multis) {
      const correct = item.options!.filter((option) => option.correct).length
      expect(correct, item.id).toBeGreaterThanOrEqual(1)
      expect(correct, item.id).toBeLessThan(item.options!.length)
      counts.set(correct, (counts.get(correct) ?? 0) + 1)
    }
    for (const [count, n] of counts) expect(n / multis.length, `${count} correct`).toBeLessThanOrEqual(0.4)
  })

  it('judge: no reason begins with a verdict word', () => {
    for (const item of ownItems.filter((candidate) => candidate.type === 'judge')) {
      for (const reason of item.reasons!) {
        expect(reason.text, item.id).not.toMatch(/^(ya|tidak|boleh|jangan|pantas|benar|salah)\b/i)
      }
    }
  })

  it('cue words appear in keys and in distractors alike', () => {
    for (const cue of ['asalkan', 'hanya karena', 'santun', 'sopan', 'selalu', 'tidak pernah']) {
      let inKeys = 0
      let inDistractors = 0
      for (const item of ownItems) {
        const choices = item.type === 'judge' ? item.reasons! : item.options!
        for (const choice of choices) {
          if (!choice.text.toLowerCase().includes(cue)) continue
          if (choice.credit === 1 || choice.correct === true) inKeys++
          else inDistractors++
        }
      }
      if (inKeys + inDistractors > 0) {
        expect(inKeys, `"${cue}" in keys`).toBeGreaterThan(0)
        expect(inDistractors, `"${cue}" in distractors`).toBeGreaterThan(0)
      }
    }
  })
})
