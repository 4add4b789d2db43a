import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `npm run export:scorm` / `export:cmi5` for real (the CLI), then the manifests checked with a real
// xmllint against the vendored XSDs (decision 051). Needs xmllint (scripts/ensure-system-packages.sh).

const ROOT = process.cwd()
const SCORM_SCHEMA = path.join(ROOT, 'vendor/scorm12-xsd/scorm12-package.xsd')
const CMI5_SCHEMA = path.join(ROOT, 'vendor/cmi5-xsd/CourseStructure.xsd')

let dir: string
const packages: Record<'scorm12' | 'cmi5', { zip: JSZip; bytes: number; output: string }> = {} as never

function xmllint(schema: string, xml: string): { ok: boolean; output: string } {
  const file = path.join(dir, `check-${Math.random().toString(36).slice(2)}.xml`)
  fs.writeFileSync(file, xml)
  const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' })
  if (result.error) throw result.error
  return { ok: result.status === 0 && result.stderr.includes(`${file} validates`), output: result.stderr }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-export-'))
  for (const kind of ['scorm12', 'cmi5'] as const) {
    const out = path.join(dir, `${kind}.zip`)
    const output = execFileSync('npx', ['tsx', 'scripts/export-package.ts', kind, out, '--pass-mark', '75'], { encoding: 'utf8', timeout: 240_000 })
    const buffer = fs.readFileSync(out)
    packages[kind] = { zip: await JSZip.loadAsync(buffer), bytes: buffer.length, output }
  }
}, 480_000)

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('SCORM 1.2 package', () => {
  it('has an imsmanifest.xml that the ADL SCORM 1.2 schemas accept, listing every file of the package', async () => {
    const { zip, bytes, output } = packages.scorm12
    expect(output).toMatch(/SCORM 1\.2: .*scorm12\.zip \(\d+ berkas, [\d.]+ KiB\)/)
    console.log(`SCORM 1.2 package: ${(bytes / 1024).toFixed(1)} KiB, ${Object.values(zip.files).filter((entry) => !entry.dir).length} files`)
    expect(bytes).toBeLessThan(400 * 1024)
    const manifest = await zip.file('imsmanifest.xml')!.async('string')
    const check = xmllint(SCORM_SCHEMA, manifest)
    expect(check.output).not.toMatch(/fails to validate|element .* not expected/i)
    expect(check.ok).toBe(true)
    expect(manifest).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>')
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"')

    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((match) => decodeURIComponent(match[1]!)).sort()
    const contents = Object.values(zip.files)
      .filter((entry) => !entry.dir && entry.name !== 'imsmanifest.xml' && !entry.name.endsWith('.xsd'))
      .map((entry) => entry.name)
      .sort()
    expect(listed).toEqual(contents)
    for (const schema of ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']) expect(zip.file(schema)).not.toBeNull()
  })

  it('the schema check can fail: a manifest with a wrong scormtype or schemaversion is refused', async () => {
    const manifest = await packages.scorm12.zip.file('imsmanifest.xml')!.async('string')
    expect(xmllint(SCORM_SCHEMA, manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"')).ok).toBe(false)
    expect(xmllint(SCORM_SCHEMA, manifest.replace('<organizations ', '<organisations ').replace('</organizations>', '</organisations>')).ok).toBe(false)
  })

  it('is self-contained: no page, script or stylesheet is loaded from the network', async () => {
    const { zip } = packages.scorm12
    for (const entry of Object.values(zip.files)) {
      if (entry.dir || !/\.(html|css)$/.test(entry.name)) continue
      const text = await entry.async('string')
      expect(text, entry.name).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)="(https?:)?\/\//i)
      expect(text, entry.name).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i)
      expect(text, entry.name).not.toMatch(/@import/i)
      // A root-relative link would leave the package for the LMS's own server.
      expect(text, entry.name).not.toMatch(/\b(href|src)="\//)
    }
    expect(zip.file('aset/Geist-Variable.woff2')).not.toBeNull()
    const aid = await zip.file('pelajaran/sebelum-mengunggah.html')!.async('string')
    expect(aid).toContain('href="../aset/sebelum-unggah.pdf"')
    expect(aid).toMatch(/href="yang-harus-dihindari\.html#aturan-/)
    expect((await zip.file('aset/sebelum-unggah.pdf')!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('has every lesson with its knowledge check keys, and the bank with the pass mark', async () => {
    const { zip } = packages.scorm12
    const shell = await zip.file('index.html')!.async('string')
    const course = JSON.parse(/id="bbs-course">(.*?)<\/script>/s.exec(shell)![1]!) as { passMark: number; postTestItems: number; lessons: { file: string; questionIds: string[] }[] }
    expect(course.passMark).toBe(75)
    expect(course.postTestItems).toBe(15)
    expect(course.lessons).toHaveLength(fs.readdirSync(path.join(ROOT, 'content/lessons')).filter((file) => file.endsWith('.mdx')).length)
    for (const lesson of course.lessons) {
      const html = await zip.file(lesson.file)!.async('string')
      for (const id of lesson.questionIds) expect(html, `${lesson.file} ${id}`).toMatch(new RegExp(`data-question="${id}" data-correct="[^"]+"`))
    }
  })
})

describe('cmi5 package', () => {
  it('has a cmi5.xml that the AICC cmi5 CourseStructure schema accepts', async () => {
    const { zip, bytes } = packages.cmi5
    console.log(`cmi5 package: ${(bytes / 1024).toFixed(1)} KiB`)
    const structure = await zip.file('cmi5.xml')!.async('string')
    const check = xmllint(CMI5_SCHEMA, structure)
    expect(check.ok, check.output).toBe(true)
    expect(structure).toContain('moveOn="CompletedAndPassed" masteryScore="0.75"')
    expect(structure).toContain('<url>index.html</url>')
    expect(zip.file('imsmanifest.xml')).toBeNull()
    expect(zip.file('index.html')).not.toBeNull()
  })

  it('the schema check can fail: an unknown moveOn or a missing url is refused', async () => {
    const structure = await packages.cmi5.zip.file('cmi5.xml')!.async('string')
    expect(xmllint(CMI5_SCHEMA, structure.replace('moveOn="CompletedAndPassed"', 'moveOn="Finished"')).ok).toBe(false)
    expect(xmllint(CMI5_SCHEMA, structure.replace(/<url>.*<\/url>/, '')).ok).toBe(false)
  })
})

describe('the export command', () => {
  it('refuses bad options with one clear line and writes nothing', () => {
    const out = path.join(dir, 'bad.zip')
    for (const [args, message] of [
      [['scorm12', out, '--pass-mark', '30'], 'Batas lulus minimal 50'],
      [['scorm12', path.join(dir, 'paket.tar')], 'harus berakhiran .zip'],
      [['scorm12', out, '--warna', 'biru'], 'Opsi tidak dikenal: --warna'],
    ] as const) {
      const result = spawnSync('npx', ['tsx', 'scripts/export-package.ts', ...args], { encoding: 'utf8', timeout: 120_000 })
      expect(result.status).toBe(2)
      expect(result.stderr).toContain(message)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    expect(fs.existsSync(out)).toBe(false)
  }, 240_000)
})
