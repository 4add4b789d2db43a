import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { checkSources } from './sources'

const regulation = {
  kind: 'regulation',
  title: 'Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil',
  publisher: 'Presiden Republik Indonesia',
  year: 2021,
  number: '94',
  url: 'https://peraturan.bpk.go.id/Details/177031/pp-no-94-tahun-2021',
}

describe('checkSources', () => {
  it('accepts the project file', () => {
    const file = path.resolve(__dirname, '../../content/sources.yaml')
    expect(checkSources('content/sources.yaml', parse(fs.readFileSync(file, 'utf8')))).toEqual([])
  })

  it('wants a numbered regulation to carry its year, an https url and its number in the title', () => {
    expect(checkSources('s.yaml', { pp: regulation })).toEqual([])
    expect(checkSources('s.yaml', { pp: { ...regulation, url: undefined } })).toEqual(['s.yaml: pp: a numbered regulation needs its year and official url'])
    expect(checkSources('s.yaml', { pp: { ...regulation, url: 'http://peraturan.bpk.go.id/x' } })).toEqual(['s.yaml: pp.url: must be an https address'])
    expect(checkSources('s.yaml', { pp: { ...regulation, number: '49' } })).toEqual([
      's.yaml: pp: title must name "Nomor 49 Tahun 2021" as the regulation does',
    ])
  })

  it('names unknown fields and kinds', () => {
    expect(checkSources('s.yaml', { a: { ...regulation, kind: 'blog', pasal: 3 } })).toEqual([
      's.yaml: a.kind: Invalid option: expected one of "regulation"|"article"',
      's.yaml: a.(root): Unrecognized key: "pasal"',
    ])
  })
})
