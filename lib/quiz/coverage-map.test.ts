import { describe, expect, it } from 'vitest'
import { parseCoverageMap } from './coverage-map'

describe('parseCoverageMap', () => {
  it('reads areas and rules in the rules.yaml shape', () => {
    const map = parseCoverageMap(
      'areas:\n  - { id: A, title: "Satu" }\nrules:\n  - { id: se137-1, area: A, title: "T", sources: [se137] }\n',
    )
    expect(map).toEqual({ areas: [{ id: 'A', title: 'Satu' }], rules: [{ id: 'se137-1', area: 'A', title: 'T' }] })
  })

  it('names the file and field on bad input', () => {
    expect(() => parseCoverageMap('areas: []\nrules: [{ id: x }]\n', 'rules.yaml')).toThrow(/rules\.yaml: rules\.0\.area/)
  })
})
