import { describe, expect, it } from 'vitest'
import { readComponentProps } from './mdx-props'
import { checkWorkedExamples } from './worked-example'

const example = (overrides: { id?: string; second?: string; platform?: string } = {}) => `<WorkedExample id="${overrides.id ?? 'foto-dinas'}" title="Foto perjalanan dinas" platform="${overrides.platform ?? 'Instagram'}"
  first={{ author: "rina.pns", text: "Hotel bintang lima, dibayar negara 😎", verdict: "tidak", why: "Menonjolkan kemewahan yang dibiayai anggaran." }}
  second={${overrides.second ?? '{ author: "rina.pns", text: "Hari kedua pelatihan: materi layanan daring.", verdict: "ya", why: "Menceritakan hasil kerja tanpa pamer fasilitas." }'}}
  change="Yang berubah: fokusnya dari fasilitas ke hasil kerja." />`

describe('readComponentProps', () => {
  it('reads string and literal props of every use, with braces and quotes inside strings', () => {
    const result = readComponentProps(`a\n${example()}\nb <WorkedExample id="dua" title='B {x}' first={{ a: "}" }} />`, 'WorkedExample')
    expect('uses' in result && result.uses.map((use) => [use.props.id, use.props.title])).toEqual([
      ['foto-dinas', 'Foto perjalanan dinas'],
      ['dua', 'B {x}'],
    ])
    expect('uses' in result && result.uses[1]?.props.first).toEqual({ a: '}' })
  })

  it('says what is wrong with an unclosed or non-literal prop', () => {
    expect(readComponentProps('<WorkedExample first={{ a: 1 } />', 'WorkedExample')).toMatchObject({ error: expect.stringContaining('not closed') })
    expect(readComponentProps('<WorkedExample first={undefinedName} />', 'WorkedExample')).toMatchObject({ error: expect.stringContaining('not a literal') })
  })

  it('does not take a longer component name for the one asked', () => {
    expect(readComponentProps('<WorkedExamples id="x" />', 'WorkedExample')).toEqual({ uses: [] })
  })
})

describe('checkWorkedExamples', () => {
  it('accepts two versions with different verdicts and what changes between them', () => {
    expect(checkWorkedExamples('content/lessons/05-x.mdx', example())).toEqual([])
  })

  it('wants the two versions to get different verdicts', () => {
    const same = '{ author: "rina.pns", text: "Hari kedua pelatihan di hotel mewah.", verdict: "tidak", why: "Masih menonjolkan fasilitas hotel." }'
    expect(checkWorkedExamples('content/lessons/05-x.mdx', example({ second: same }))).toEqual([
      'content/lessons/05-x.mdx: <WorkedExample id="foto-dinas"> second.verdict: the two versions must get different verdicts (the example shows what changes the verdict)',
    ])
  })

  it('names the field of a malformed example and refuses a repeated id', () => {
    const errors = checkWorkedExamples('content/lessons/05-x.mdx', `${example({ platform: 'Friendster' })}\n${example()}\n${example()}`)
    expect(errors[0]).toMatch(/^content\/lessons\/05-x\.mdx: <WorkedExample id="foto-dinas"> platform: /)
    expect(errors).toContain('content/lessons/05-x.mdx: <WorkedExample id="foto-dinas">: id used twice in this lesson')
  })
})

describe('the course content', () => {
  it('has worked grey-zone examples in at least three lessons (issue 12), each well formed', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const dir = path.resolve(__dirname, '../../content/lessons')
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.mdx'))
    const withExamples = files.filter((file) => {
      const body = fs.readFileSync(path.join(dir, file), 'utf8')
      expect(checkWorkedExamples(file, body)).toEqual([])
      const read = readComponentProps(body, 'WorkedExample')
      return 'uses' in read && read.uses.length > 0
    })
    expect(withExamples.length).toBeGreaterThanOrEqual(3)
  })
})
