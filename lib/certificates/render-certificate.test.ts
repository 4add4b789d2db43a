import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CERTIFICATE_TEXT_LIMITS, type CertificateDataInput } from './certificate-data'
import { formatCertificateNumber } from './certificate-number'
import { FRAME_INNER_INSET, PAGE_HEIGHT, PAGE_WIDTH } from './layout'
import { createCertificateRenderer } from './render-certificate'
import { SAMPLE_PUBLIC_BASE_URL, sampleCertificateData } from './sample-certificate-data'
import { buildVerifyUrl } from './verification-code'

/**
 * Reads the generated PDFs with real tools. These come from Debian packages
 * (CI installs them); when they are missing the suite fails, it never skips.
 */
const TOOLS: Array<[tool: string, debianPackage: string]> = [
  ['pdftotext', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
  ['pdftoppm', 'poppler-utils'],
  ['zbarimg', 'zbar-tools'],
]

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 })
  if (r.error) throw r.error
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

const renderer = createCertificateRenderer()
let dir = ''

beforeAll(() => {
  const missing = TOOLS.filter(([tool]) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error)
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ')
    throw new Error(
      `Certificate PDF tests need ${missing.map(([t]) => t).join(', ')}: ` +
        `install the Debian package(s) with \`apt-get install -y ${packages}\``,
    )
  }
  dir = mkdtempSync(path.join(tmpdir(), 'bbs-cert-'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

interface Rendered {
  file: string
  bytes: Uint8Array
  /** pdftotext output with all whitespace collapsed to single spaces. */
  text: string
}

let counter = 0
async function renderToFile(overrides: Partial<CertificateDataInput> = {}): Promise<Rendered> {
  const bytes = await renderer.render(sampleCertificateData(overrides))
  const file = path.join(dir, `cert-${++counter}.pdf`)
  writeFileSync(file, bytes)
  const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ').trim()
  return { file, bytes, text }
}

function decodeQr(file: string): string {
  const prefix = file.replace(/\.pdf$/, '')
  run('pdftoppm', ['-r', '150', '-png', '-singlefile', file, prefix])
  return run('zbarimg', ['-q', '--raw', `${prefix}.png`]).trim()
}

interface WordBox {
  word: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Word boxes from `pdftotext -bbox` (origin top left, in points). */
function wordBoxes(file: string): WordBox[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'])
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, word: m[5]! }),
  )
}

function expectInsideFrameWithoutOverlap(file: string): void {
  const boxes = wordBoxes(file)
  expect(boxes.length).toBeGreaterThan(30)
  for (const b of boxes) {
    expect(b.xMin, b.word).toBeGreaterThanOrEqual(FRAME_INNER_INSET)
    expect(b.xMax, b.word).toBeLessThanOrEqual(PAGE_WIDTH - FRAME_INNER_INSET)
    expect(b.yMin, b.word).toBeGreaterThanOrEqual(FRAME_INNER_INSET)
    expect(b.yMax, b.word).toBeLessThanOrEqual(PAGE_HEIGHT - FRAME_INNER_INSET)
  }
  // Shrink boxes slightly: glyph boxes of adjacent lines may touch.
  const s = 1
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      const overlap =
        a.xMin + s < b.xMax - s && b.xMin + s < a.xMax - s && a.yMin + s < b.yMax - s && b.yMin + s < a.yMax - s
      expect(overlap, `"${a.word}" overlaps "${b.word}"`).toBe(false)
    }
  }
}

const LONG_NAME =
  'Prof. Dr. Ir. Raden Mas Haryo Bagus Adityawarman Kusumanegara Wiryawan Pranoto Suryaningrat Sastrodiharjo, S.T., M.Eng., M.Kom., Ph.D.'.padEnd(150, ' Z').slice(0, 150)
const LONG_AGENCY = (
  'Dinas Komunikasi, Informatika, Statistik dan Persandian Pemerintah Provinsi Kepulauan Bangka Belitung ' +
  'bersama Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Kepulauan Seribu'
).slice(0, 200)

describe('renderCertificate (read back with poppler and zbar)', { timeout: 60_000 }, () => {
  it('prints name with titles, number, dates and the statement', async () => {
    const { text } = await renderToFile()
    expect(text).toContain('SERTIFIKAT')
    expect(text).toContain('Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.')
    expect(text).toContain('BBS/2026/000123')
    expect(text).toContain('NIP 198609262015052001')
    expect(text).toContain('21 November 2026') // completed and signed
    expect(text).toContain('21 November 2027') // valid until
    expect(text).toContain('Jakarta, 21 November 2026')
    expect(text).toContain('nilai 92,5')
    expect(text).toContain('2 JP')
    expect(text).toContain('KELOMPOK')
    expect(text).toContain('Orientasi ASN dan P3K 2026')
    expect(text).toContain('EDISI MATERI')
    expect(text).toContain('2026.1, 21 November 2026')
    expect(text).not.toContain('v-c2ea886961')
    expect(text).toContain('Kementerian Komunikasi dan Digital')
    expect(text).toContain('Prof. Dr. Bambang Sutrisno, M.Si.')
    expect(text).toContain(`${SAMPLE_PUBLIC_BASE_URL}/verify/7k3m9qxdh2c4a8ty5nw0b6rz`)
  })

  it("prints the signer's name, title and NIP", async () => {
    const { text } = await renderToFile()
    expect(text).toContain('Kepala Pusat Pengembangan Kompetensi Aparatur')
    expect(text).toContain('Prof. Dr. Bambang Sutrisno, M.Si.')
    expect(text).toContain('NIP 197304121998031002')
  })

  it('an older certificate without edition or signer NIP prints its content version and no signer NIP', async () => {
    const { text } = await renderToFile({ contentEdition: undefined, signerNip: undefined })
    expect(text).toContain('VERSI MATERI')
    expect(text).toContain('v-c2ea886961')
    expect(text).not.toContain('EDISI MATERI')
    expect(text).not.toContain('197304121998031002')
  })

  it('a revoked certificate is a stamped copy: "DICABUT" with the date, different bytes, the QR still verifies', async () => {
    const plain = await renderToFile()
    const revoked = await renderToFile({ revokedAt: new Date('2026-12-01T05:00:00Z') })
    expect(plain.text).not.toContain('DICABUT')
    expect(revoked.text).toContain('DICABUT pada 1 Desember 2026: sertifikat ini tidak berlaku.')
    expect(Buffer.from(revoked.bytes).equals(Buffer.from(plain.bytes))).toBe(false)
    expect(run('pdfinfo', [revoked.file])).toMatch(/Title:\s+DICABUT 1 Desember 2026 — Sertifikat BBS\/2026\/000123/)
    expect(decodeQr(revoked.file)).toBe(`${SAMPLE_PUBLIC_BASE_URL}/verify/7k3m9qxdh2c4a8ty5nw0b6rz`)
  })

  it('prints NI PPPK for PPPK staff', async () => {
    const { text } = await renderToFile({ employmentType: 'PPPK', nip: '199001012023211001' })
    expect(text).toContain('NI PPPK 199001012023211001')
  })

  it.each([
    ["Muh. Ma'ruf O'Neil"],
    ['José Ñúñez'],
    ['Çağrı Şahin Āū Øster Łukasz Đặng Thị'],
    ['Hj. Siti Nur’aini, S.Pd.I.'],
  ])('keeps apostrophes and diacritics: %s', async (name) => {
    const { text } = await renderToFile({ name })
    expect(text).toContain(name)
  })

  it('keeps dotless ı extractable after an earlier PDF used "i" (shared font instance)', async () => {
    await renderToFile({ name: 'Siti Fitriani' })
    const { text } = await renderToFile({ name: 'Işıl Yılmaz' })
    expect(text).toContain('Işıl Yılmaz')
  })

  it('prints composed letters for decomposed input (NFC)', async () => {
    const { text } = await renderToFile({ name: 'Jose\u0301 N\u0303u\u0301n\u0303ez' })
    expect(text).toContain('José Ñúñez')
  })

  it('does not apply ligatures to names ("->", "ff", "tt")', async () => {
    const name = 'Effendi Pattiasina -> Affandi'
    const { text } = await renderToFile({ name })
    expect(text).toContain(name)
  })

  it('fits a 150-character name and a 200-character agency inside the frame, nothing overlapping', async () => {
    expect(LONG_NAME).toHaveLength(150)
    expect(LONG_AGENCY).toHaveLength(200)
    const unitName = 'Bidang Pengelolaan Informasi dan Komunikasi Publik, Sub Bagian Hubungan Masyarakat dan Protokol'
    const r = await renderToFile({ name: LONG_NAME, agencyName: LONG_AGENCY, unitName })
    expect(r.text).toContain(LONG_NAME)
    expect(r.text).toContain(LONG_AGENCY)
    expect(r.text).toContain(unitName)
    expectInsideFrameWithoutOverlap(r.file)
    expect(decodeQr(r.file)).toBe(`${SAMPLE_PUBLIC_BASE_URL}/verify/7k3m9qxdh2c4a8ty5nw0b6rz`)
  })

  it('keeps every field at its length limit inside the frame without overlaps', async () => {
    const words = (n: number) => 'Wiryawan Mangkubumi Kusumanegara Adityawarman '.repeat(10).slice(0, n).trim()
    const agency = `${LONG_AGENCY} ${LONG_AGENCY}`.slice(0, CERTIFICATE_TEXT_LIMITS.agencyName).trim()
    const data = {
      name: words(CERTIFICATE_TEXT_LIMITS.name),
      agencyName: agency,
      unitName: LONG_AGENCY.slice(0, CERTIFICATE_TEXT_LIMITS.unitName),
      cohortLabel: words(CERTIFICATE_TEXT_LIMITS.cohortLabel),
      contentVersion: '2026.1-revisi-kebijakan-media-sosial-ASN'.slice(0, CERTIFICATE_TEXT_LIMITS.contentVersion),
      signerTitle: LONG_AGENCY.slice(0, CERTIFICATE_TEXT_LIMITS.signerTitle).trim(),
      signerName: words(CERTIFICATE_TEXT_LIMITS.signerName),
      courseTitle: words(CERTIFICATE_TEXT_LIMITS.courseTitle),
      issuedPlace: words(CERTIFICATE_TEXT_LIMITS.issuedPlace),
    }
    const r = await renderToFile(data)
    for (const value of [data.name, data.agencyName, data.signerName, data.signerTitle]) {
      expect(r.text).toContain(value)
    }
    expectInsideFrameWithoutOverlap(r.file)
    expect(decodeQr(r.file)).toBe(`${SAMPLE_PUBLIC_BASE_URL}/verify/7k3m9qxdh2c4a8ty5nw0b6rz`)
  })

  it('breaks an unbreakable long name without losing characters', async () => {
    const name = `Dr. ${'Abcdefghij'.repeat(14)}`
    const r = await renderToFile({ name })
    expect(r.text.replace(/ /g, '')).toContain(name.replace(/ /g, ''))
    expectInsideFrameWithoutOverlap(r.file)
  })

  it('lays out the sample without overlaps', async () => {
    expectInsideFrameWithoutOverlap((await renderToFile()).file)
  })

  it('replaces characters the font lacks (emoji, CJK) with a visible "?" and does not crash', async () => {
    const name = 'Budi 😀 Santoso 中村 👨‍👩‍👧 ❤️'
    expect(renderer.unsupportedCharacters(name)).toEqual(['😀', '中', '村', '👨‍👩‍👧', '❤️'])
    expect(renderer.printableText(name)).toBe('Budi ? Santoso ?? ? ?')
    const { text, file } = await renderToFile({ name })
    expect(text).toContain('Budi ? Santoso ?? ? ?')
    expect(decodeQr(file)).toBe(`${SAMPLE_PUBLIC_BASE_URL}/verify/7k3m9qxdh2c4a8ty5nw0b6rz`)
  })

  it('embeds subset fonts only', async () => {
    const { file } = await renderToFile()
    const rows = run('pdffonts', [file]).trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThanOrEqual(1)
    for (const row of rows) {
      // name type… encoding emb sub uni object ID
      expect(row).toMatch(/^[A-Z]{6}\+Geist-\w+\s.*\syes\s+yes\s+yes\s+\d+\s+\d+$/)
    }
  })

  it('is one A4 landscape page with metadata set', async () => {
    const { file, bytes } = await renderToFile()
    const info = run('pdfinfo', ['-isodates', file])
    expect(info).toMatch(/Pages:\s+1\n/)
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/)
    expect(info).toMatch(/Title:\s+Sertifikat BBS\/2026\/000123 — Dr\. Ir\. Ni Luh Putu Ayu Saraswati/)
    expect(info).toMatch(/Author:\s+Bijak Bermedia Sosial\n/)
    expect(info).toMatch(/Subject:\s+Sertifikat penyelesaian Bijak Bermedia Sosial bagi ASN/)
    expect(info).toMatch(/CreationDate:\s+2026-11-21T03:16:00/)
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(doc.getCreator()).toContain('Bijak Bermedia Sosial')
    expect(doc.getProducer()).toBeTruthy()
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(id-ID)')
    expect(bytes.length).toBeLessThan(150 * 1024)
  })

  it('encodes exactly the verify URL in the QR code', async () => {
    const code = 'abcdefghjkmnpqrstvwxyz01'
    const verifyUrl = buildVerifyUrl('https://sertifikat.bijak-bermedia.kemendagri.go.id/', code)
    const { file, text } = await renderToFile({
      verificationCode: code,
      verifyUrl,
      number: formatCertificateNumber(2027, 42),
    })
    expect(decodeQr(file)).toBe(verifyUrl)
    expect(text).toContain(verifyUrl)
    expect(text).toContain('BBS/2027/000042')
  })

  it('gives the same bytes for the same data', async () => {
    const a = await renderer.render(sampleCertificateData())
    const b = await renderer.render(sampleCertificateData())
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('rejects invalid data before drawing', async () => {
    await expect(renderer.render(sampleCertificateData({ nip: '123' }))).rejects.toThrow(/18 digits/)
  })
})
