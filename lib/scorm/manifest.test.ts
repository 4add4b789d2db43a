import { describe, expect, it } from 'vitest'
import { buildCmi5CourseStructure, buildScorm12Manifest, xmlIdToken } from './manifest'

const course = { id: 'https://kursus.contoh.go.id/kursus/bbs', title: 'Bijak & <Bermedia>', description: 'Uji "kutip"', version: 'v-1a2b', passMark: 80, launch: 'index.html', files: ['index.html', 'pelajaran/satu dua.html'] }

describe('package manifests', () => {
  it('escapes text, encodes file paths and derives XML ids', () => {
    const manifest = buildScorm12Manifest(course)
    expect(manifest).toContain('<title>Bijak &amp; &lt;Bermedia&gt;</title>')
    expect(manifest).toContain('<file href="pelajaran/satu%20dua.html"/>')
    expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>')
    expect(manifest.match(/<file /g)).toHaveLength(2)
    expect(xmlIdToken('https://a.b/c d')).toBe('https-a.b-c-d')
    expect(xmlIdToken('123')).toBe('id')
  })

  it('gives cmi5 the pass mark as a scaled mastery score', () => {
    const structure = buildCmi5CourseStructure({ ...course, passMark: 75 })
    expect(structure).toContain('masteryScore="0.75"')
    expect(structure).toContain('<langstring lang="id-ID">Uji &quot;kutip&quot;</langstring>')
  })
})
