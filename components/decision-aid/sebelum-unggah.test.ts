import { gzipSync } from 'node:zlib'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SEBELUM_UNGGAH } from '@/lib/decision-aid/flow'
import { StaticIslandContext } from '@/components/lesson/static-island'
import { SEBELUM_UNGGAH_ISLAND, SebelumUnggah } from './sebelum-unggah'
import { SebelumUnggahMarkup } from './sebelum-unggah-markup'
import { sebelumUnggahScript } from './sebelum-unggah-script'

const texts = [...SEBELUM_UNGGAH.questions.map((item) => item.text), ...SEBELUM_UNGGAH.outcomes.map((item) => item.text)]
const escaped = (text: string) => renderToStaticMarkup(createElement('p', null, text)).slice(3, -4)

describe('the "Sebelum unggah" static island (decision 025)', () => {
  it('renders none of the flow in the browser (no renderer given): the server HTML is kept', () => {
    const html = renderToStaticMarkup(createElement(SebelumUnggah))
    expect(html).toBe('<section class="aid" aria-label="Alur keputusan sebelum unggah" data-aid=""></section>')
  })

  it('renders the markup the document gives it on the server', () => {
    const html = renderToStaticMarkup(
      createElement(StaticIslandContext, { value: { [SEBELUM_UNGGAH_ISLAND]: () => createElement(SebelumUnggahMarkup) } }, createElement(SebelumUnggah)),
    )
    expect(html).toMatch(/^<section class="aid" aria-label="Alur keputusan sebelum unggah" data-aid=""><p class="aid-hint"/)
    for (const text of texts) expect(html).toContain(escaped(text))
  })
})

describe('SebelumUnggahMarkup', () => {
  const html = renderToStaticMarkup(createElement(SebelumUnggahMarkup))
  const template = /<template data-aid-outcomes="">([\s\S]*)<\/template>/.exec(html)?.[1] ?? ''
  const list = /<ol class="aid-list"[\s\S]*?<\/ol><div class="aid-steps"/.exec(html)?.[0] ?? ''

  it('lists every question in order with its label and both branches, starting where the flow starts', () => {
    expect(list).toContain(`data-start="${SEBELUM_UNGGAH.start}"`)
    const items = [...list.matchAll(/<li id="alur-([^"]+)" tabindex="-1" data-node="([^"]+)" data-label="([^"]+)" data-yes="([^"]+)" data-no="([^"]+)">/g)]
    expect(items.map((item) => item[2])).toEqual(SEBELUM_UNGGAH.questions.map((item) => item.id))
    for (const [index, question] of SEBELUM_UNGGAH.questions.entries()) {
      expect(items[index]!.slice(1)).toEqual([question.id, question.id, escaped(question.label), question.yes, question.no])
    }
  })

  it('puts every outcome once in the template the script clones, each with its label and linked rules', () => {
    const outcomes = [...template.matchAll(/data-testid="hasil-alur" data-node="([^"]+)"/g)].map((match) => match[1])
    expect(outcomes).toEqual(SEBELUM_UNGGAH.outcomes.map((item) => item.id))
    for (const outcome of SEBELUM_UNGGAH.outcomes) expect(template).toContain(escaped(outcome.text))
    expect(template).toContain('<p class="aid-outcome-label" tabindex="-1">Hasil: Jangan unggah</p>')
    expect(template).toContain('<a href="/belajar/sebelum-mengunggah#aturan-check-source">Periksa sumbernya</a>')
  })

  it('every branch leads to a question of the list or an outcome of the template', () => {
    const nodes = new Set([...html.matchAll(/data-node="([^"]+)"/g)].map((match) => match[1]))
    for (const question of SEBELUM_UNGGAH.questions) {
      expect(nodes).toContain(question.yes)
      expect(nodes).toContain(question.no)
    }
  })

  it('keeps the step-by-step controls hidden until the script shows them, and offers the PDF', () => {
    expect(html).toContain('<div class="aid-steps" data-aid-steps="" hidden="">')
    expect(html).toContain(`Pertanyaan <span data-aid-number="">1</span> dari ${SEBELUM_UNGGAH.questions.length}`)
    expect(html).toContain('<a href="/unduh/sebelum-unggah.pdf" download="sebelum-unggah.pdf">Unduh alur ini (PDF, 1 halaman A4)</a>')
  })
})

describe('sebelumUnggahScript', () => {
  const code = sebelumUnggahScript()

  it('is small, minified and carries none of the flow text (it reads the markup)', () => {
    expect(gzipSync(code).length).toBeLessThan(1_200)
    for (const text of texts) expect(code).not.toContain(text.slice(0, 30))
    expect(code).not.toMatch(/<\/script/i)
  })

  it('runs on every aid section of the page', () => {
    expect(code).toContain('section[data-aid]')
    expect(sebelumUnggahScript()).toBe(code)
  })
})
