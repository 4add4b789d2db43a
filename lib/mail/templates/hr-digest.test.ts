import { describe, expect, it } from 'vitest'
import { digestSummary } from '../hr-digest'
import { hrDigestMail } from './hr-digest'

const cohorts = [
  { id: 'c-later', name: 'Orientasi <2027>', dueDate: new Date('2027-06-30T23:59:59+07:00') },
  { id: 'c-soon', name: 'Penyegaran "Gel. 1" & Co', dueDate: new Date('2027-03-20T23:59:59+07:00') },
  { id: 'c-done', name: 'Selesai semua', dueDate: new Date('2027-01-31T23:59:59+07:00') },
  { id: 'c-open', name: 'Tanpa tenggat', dueDate: null },
]
const units = new Map([
  ['u-a', 'Bidang A'],
  ['u-b', 'Bidang <B>'],
])
const rows = [
  { cohortId: 'c-soon', unitId: 'u-a', status: 'lulus', count: 5 },
  { cohortId: 'c-soon', unitId: 'u-a', status: 'terlambat', count: 1 },
  { cohortId: 'c-soon', unitId: 'u-b', status: 'terlambat', count: 3 },
  { cohortId: 'c-soon', unitId: 'u-b', status: 'sedang', count: 2 },
  { cohortId: 'c-soon', unitId: null, status: 'belum-mulai', count: 4 },
  // Another employment type or identity status of the same unit and status: added up.
  { cohortId: 'c-soon', unitId: 'u-b', status: 'terlambat', count: 1 },
  { cohortId: 'c-later', unitId: 'u-a', status: 'belum-mulai', count: 7 },
  { cohortId: 'c-done', unitId: 'u-a', status: 'lulus', count: 9 },
  { cohortId: 'c-open', unitId: 'u-a', status: 'sedang', count: 1 },
]

describe('digestSummary', () => {
  it('counts each cohort and each unit inside it, lists only cohorts with someone to finish, nearest due date first', () => {
    const summary = digestSummary(rows, cohorts, units)
    expect(summary.cohorts.map((cohort) => cohort.id)).toEqual(['c-soon', 'c-later', 'c-open'])
    const soon = summary.cohorts[0]!
    expect(soon.counts).toEqual({ lulus: 5, sedang: 2, terlambat: 5, 'belum-mulai': 4, total: 16 })
    // Most overdue first; "no unit" has a label.
    expect(soon.units.map((unit) => [unit.name, unit.counts.terlambat, unit.counts.total])).toEqual([
      ['Bidang <B>', 4, 6],
      ['Bidang A', 1, 6],
      ['Tanpa unit kerja', 0, 4],
    ])
    expect(summary.moreCohorts).toBe(0)
  })

  it('keeps the mail short: at most N cohorts and units, the rest counted', () => {
    const summary = digestSummary(rows, cohorts, units, { cohortLimit: 1, unitLimit: 2 })
    expect(summary.cohorts).toHaveLength(1)
    expect(summary.moreCohorts).toBe(2)
    expect(summary.cohorts[0]!.units).toHaveLength(2)
    expect(summary.cohorts[0]!.moreUnits).toBe(1)
  })
})

describe('hrDigestMail', () => {
  const input = {
    name: 'Rina <HR>',
    agencyName: 'BKPSDM Kab. "Demo" Raya',
    week: '2027-W11',
    asOf: new Date('2027-03-15T01:00:00Z'),
    summary: digestSummary(rows, cohorts, units),
    unreachable: 3,
    baseUrl: 'https://x.go.id/bijak',
  }

  it('says the four counts per cohort and unit, in Bahasa Indonesia, in both parts', () => {
    const mail = hrDigestMail(input)
    expect(mail.subject).toBe('Ringkasan mingguan Bijak Bermedia Sosial: BKPSDM Kab. "Demo" Raya')
    expect(mail.text).toContain('per 15 Maret 2027 (minggu ke-11 tahun 2027)')
    expect(mail.text).toContain('Penyegaran "Gel. 1" & Co (tenggat 20 Maret 2027): 16 peserta')
    expect(mail.text).toContain('  Lulus 5 · Sedang belajar 2 · Terlambat 5 · Belum mulai 4')
    expect(mail.text).toContain('  - Bidang <B>: Lulus 0 · Sedang belajar 2 · Terlambat 4 · Belum mulai 0')
    expect(mail.text).toContain('Tanpa tenggat: 1 peserta')
    expect(mail.text).not.toContain('Selesai semua')
    expect(mail.text).toContain('3 pegawai tidak dapat dihubungi lewat email')
    expect(mail.html).toContain('<th scope="col" style="padding:4px 8px;border-bottom:1px solid #e4e7eb;text-align:right">Terlambat</th>')
  })

  it('links to the dashboard and each cohort on PUBLIC_BASE_URL', () => {
    const mail = hrDigestMail(input)
    expect(mail.text).toContain('Dasbor: https://x.go.id/bijak/hr')
    expect(mail.text).toContain('https://x.go.id/bijak/hr?kelompok=c-soon')
    expect(mail.html).toContain('href="https://x.go.id/bijak/hr?kelompok=c-later"')
    expect(mail.html).toContain('href="https://x.go.id/bijak/hr/tak-terjangkau"')
  })

  it('escapes names in HTML', () => {
    const mail = hrDigestMail(input)
    expect(mail.html).toContain('Yth. Rina &lt;HR&gt;,')
    expect(mail.html).toContain('Bidang &lt;B&gt;')
    expect(mail.html).toContain('Penyegaran &quot;Gel. 1&quot; &amp; Co')
    expect(mail.html).not.toContain('<B>')
    expect(mail.html).not.toContain('<2027>')
  })

  it('says when no cohort is running, and leaves out the unreachable line when there is nobody', () => {
    const mail = hrDigestMail({ ...input, summary: digestSummary([], cohorts, units), unreachable: 0 })
    expect(mail.text).toContain('Tidak ada kelompok yang masih berjalan')
    expect(mail.text).not.toContain('tidak dapat dihubungi')
  })
})
