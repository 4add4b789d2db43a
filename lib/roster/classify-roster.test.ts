import { describe, expect, it, vi } from 'vitest'
import { classifyRoster, normalizeUnitName, type ExistingPerson, type RosterLookups } from './classify-roster'
import { previewRoster } from './index'
import { csvText, chunked, HEADER, TODAY, xlsxBytes } from './test-helpers'
import type { RosterRow, RowValidation } from './validate-roster'

const AGENCY = 'agency-1'
const UNITS = [
  { id: 'u-umum', name: 'Bagian Umum' },
  { id: 'u-sekre', name: 'Sekretariat' },
]

function nip(i: number): string {
  // Valid PNS NIPs: born 1980-01-(1+i%28), CPNS 2010-01, male, sequence i.
  return `198001${String(1 + (i % 28)).padStart(2, '0')}2010011${String(i).padStart(3, '0')}`
}

function ok(rowNumber: number, fields: Partial<RosterRow> = {}): RowValidation {
  return {
    ok: true,
    row: {
      rowNumber,
      nip: nip(rowNumber),
      name: `Pegawai ${rowNumber}`,
      email: `p${rowNumber}@contoh.go.id`,
      employmentType: 'PNS',
      unitName: 'Bagian Umum',
      ...fields,
    },
  }
}

function lookups(people: ExistingPerson[] = [], emails: Array<{ email: string; userId: string; nip: string | null }> = []) {
  const findPeopleByNip = vi.fn(async (nips: string[]) => people.filter((p) => nips.includes(p.nip)))
  const findAccountsByEmail = vi.fn(async (list: string[]) => emails.filter((e) => list.includes(e.email)))
  return { agencyId: AGENCY, units: UNITS, findPeopleByNip, findAccountsByEmail } satisfies RosterLookups
}

describe('classifyRoster', () => {
  it('plans new accounts with their unit id, matching unit names case- and space-insensitively', async () => {
    const preview = await classifyRoster([ok(2), ok(3, { unitName: '  bagian   UMUM ' }), ok(4, { unitName: 'SEKRETARIAT' })], lookups())
    expect(preview.counts).toEqual({ rows: 3, create: 3, updateUnit: 0, unchanged: 0, rejected: 0, verify: 0, conflict: 0 })
    expect(preview.plan.create.map((r) => [r.rowNumber, r.unitId])).toEqual([
      [2, 'u-umum'],
      [3, 'u-umum'],
      [4, 'u-sekre'],
    ])
    expect(preview.blocker).toBeNull()
    expect(normalizeUnitName('  Dinas\u00a0Kominfo ')).toBe('dinas kominfo')
  })

  it('rejects an unknown unit with its name', async () => {
    const preview = await classifyRoster([ok(2, { unitName: 'Bagain Umum' })], lookups())
    expect(preview.rejections).toEqual([
      { rowNumber: 2, reasons: ['Unit kerja tidak dikenal: "Bagain Umum". Periksa ejaannya di daftar unit kerja instansi.'] },
    ])
  })

  it('rejects later duplicate NIPs and emails, naming the first row, even when the first row is invalid', async () => {
    const first = ok(2)
    const invalidFirst: RowValidation = { ok: false, rowNumber: 3, reasons: ['Nama lengkap wajib diisi.'], nip: nip(30), email: 'x@contoh.go.id' }
    const preview = await classifyRoster(
      [
        first,
        invalidFirst,
        ok(12, { nip: nip(2) }),
        ok(13, { email: 'P2@contoh.go.id'.toLowerCase() }),
        ok(14, { nip: nip(30) }),
        ok(15, { nip: nip(2), email: 'p2@contoh.go.id' }),
      ],
      lookups(),
    )
    expect(preview.rejections).toEqual([
      { rowNumber: 3, reasons: ['Nama lengkap wajib diisi.'] },
      { rowNumber: 12, reasons: ['NIP ganda dalam berkas (juga di baris 2).'] },
      { rowNumber: 13, reasons: ['Email ganda dalam berkas (juga di baris 2).'] },
      { rowNumber: 14, reasons: ['NIP ganda dalam berkas (juga di baris 3).'] },
      { rowNumber: 15, reasons: ['NIP ganda dalam berkas (juga di baris 2).', 'Email ganda dalam berkas (juga di baris 2).'] },
    ])
    expect(preview.plan.create.map((r) => r.rowNumber)).toEqual([2])
  })

  it('updates only the unit of a person of the same agency and notes, never applies, other differences', async () => {
    const people: ExistingPerson[] = [
      { userId: 'a', nip: nip(2), name: 'Pegawai 2', email: 'p2@contoh.go.id', agencyId: AGENCY, unitId: 'u-sekre' },
      { userId: 'b', nip: nip(3), name: 'Nama Lama', email: 'lama@contoh.go.id', agencyId: AGENCY, unitId: 'u-umum', employmentType: 'CPNS' },
      { userId: 'c', nip: nip(4), name: 'Pegawai 4', email: 'p4@contoh.go.id', agencyId: AGENCY, unitId: null },
    ]
    const preview = await classifyRoster([ok(2), ok(3), ok(4)], lookups(people))
    expect(preview.counts).toEqual({ rows: 3, create: 0, updateUnit: 2, unchanged: 1, rejected: 0, verify: 0, conflict: 0 })
    expect(preview.plan.updateUnit).toEqual([
      { rowNumber: 2, userId: 'a', unitId: 'u-umum', previousUnitId: 'u-sekre' },
      { rowNumber: 4, userId: 'c', unitId: 'u-umum', previousUnitId: null },
    ])
    expect(preview.notes).toEqual([
      { rowNumber: 3, message: 'Sudah terdaftar; nama, email, jenis kepegawaian di berkas berbeda dengan data akun. Data akun tidak diubah.' },
    ])
  })

  it('rejects a NIP registered in another agency, and an email owned by another account', async () => {
    const preview = await classifyRoster(
      [ok(2), ok(3), ok(4)],
      lookups(
        [{ userId: 'x', nip: nip(2), name: 'Pegawai 2', email: 'p2@contoh.go.id', agencyId: 'agency-2', unitId: 'u-lain' }],
        [{ email: 'p3@contoh.go.id', userId: 'y', nip: '197001012000011001' }],
      ),
    )
    expect(preview.rejections).toEqual([
      { rowNumber: 2, reasons: ['Orang ini terverifikasi di instansi lain. Ajukan mutasi (menu Mutasi) agar instansi asalnya menyetujui pemindahan.'] },
      { rowNumber: 3, reasons: ['Email sudah dipakai akun lain.'] },
    ])
    expect(preview.plan.create.map((r) => r.rowNumber)).toEqual([4])
  })

  describe('claimed NIPs (whose NIP is it)', () => {
    const claimant = (fields: Partial<ExistingPerson>): ExistingPerson => ({
      userId: 'k',
      nip: nip(2),
      name: 'Pegawai 2',
      email: 'klaim@contoh.go.id',
      agencyId: AGENCY,
      unitId: 'u-umum',
      identityStatus: 'claimed',
      unitName: 'Bagian Umum',
      agencyName: 'Instansi Uji',
      createdAt: new Date('2026-11-01T03:00:00Z'),
      ...fields,
    })

    it('verifies a claimant of this agency whose name matches without titles, case or punctuation', async () => {
      const preview = await classifyRoster(
        [ok(2, { name: 'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.', email: 'klaim@contoh.go.id' }), ok(3, { unitName: 'Sekretariat' })],
        lookups([
          claimant({ name: 'ni luh putu ayu saraswati' }),
          claimant({ userId: 'k3', nip: nip(3), name: 'PEGAWAI  3', email: 'p3@contoh.go.id' }),
        ]),
      )
      expect(preview.counts).toEqual({ rows: 2, create: 0, updateUnit: 1, unchanged: 1, rejected: 0, verify: 2, conflict: 0 })
      expect(preview.plan.verify).toEqual([
        { rowNumber: 2, userId: 'k', nip: nip(2) },
        { rowNumber: 3, userId: 'k3', nip: nip(3) },
      ])
      expect(preview.plan.updateUnit).toEqual([{ rowNumber: 3, userId: 'k3', unitId: 'u-sekre', previousUnitId: 'u-umum' }])
      expect(preview.conflicts).toEqual([])
      // A matching name spelled differently is not noted as a difference.
      expect(preview.notes).toEqual([])
      expect(preview.blocker).toBeNull()
    })

    it('makes a conflict of a claimant of this agency with another name, with the details HR needs', async () => {
      const preview = await classifyRoster([ok(2, { name: 'Siti Aminah' })], lookups([claimant({ name: 'Penyerobot' })]))
      expect(preview.counts).toEqual({ rows: 1, create: 0, updateUnit: 0, unchanged: 0, rejected: 0, verify: 0, conflict: 1 })
      expect(preview.conflicts).toEqual([
        {
          rowNumber: 2,
          nip: nip(2),
          rosterName: 'Siti Aminah',
          claimant: {
            userId: 'k',
            name: 'Penyerobot',
            nameMatches: false,
            sameAgency: true,
            email: 'klaim@contoh.go.id',
            unitName: 'Bagian Umum',
            registeredAt: '2026-11-01T03:00:00.000Z',
          },
          allowed: ['konfirmasi', 'tolak'],
          account: { ...(ok(2, { name: 'Siti Aminah' }) as { row: object }).row, unitId: 'u-umum' },
        },
      ])
      expect(preview.plan).toEqual({ create: [], updateUnit: [], verify: [] })
      expect(preview.blocker).toBeNull()
    })

    it("makes a conflict of a claimant in another agency (even with a matching name), showing only the claimant's name", async () => {
      const preview = await classifyRoster(
        [ok(2, { name: 'Siti Aminah' }), ok(3)],
        lookups([
          claimant({ name: 'Orang Lain', agencyId: 'agency-2' }),
          claimant({ userId: 'k3', nip: nip(3), name: 'Pegawai 3', agencyId: 'agency-2', email: 'k3@contoh.go.id' }),
        ]),
      )
      expect(preview.conflicts.map((c) => [c.rowNumber, c.claimant, c.allowed])).toEqual([
        [2, { userId: 'k', name: 'Orang Lain', nameMatches: false, sameAgency: false, email: null, unitName: null, registeredAt: null }, ['tolak']],
        [3, { userId: 'k3', name: 'Pegawai 3', nameMatches: true, sameAgency: false, email: null, unitName: null, registeredAt: null }, ['tolak']],
      ])
      expect(JSON.stringify(preview.conflicts)).not.toContain('Instansi Uji')
    })

    it('still rejects a verified person of another agency, pointing to mutasi', async () => {
      const preview = await classifyRoster([ok(2)], lookups([claimant({ identityStatus: 'verified', agencyId: 'agency-2' })]))
      expect(preview.rejections).toEqual([{ rowNumber: 2, reasons: [expect.stringMatching(/terverifikasi di instansi lain.*mutasi/i)] }])
      expect(preview.conflicts).toEqual([])
    })

    it('offers only "konfirmasi" when the row\'s email is taken (a rejection could not create the roster\'s account), and refuses such a row of another agency', async () => {
      const taken = [{ email: 'klaim@contoh.go.id', userId: 'k', nip: nip(2) }]
      const mine = await classifyRoster([ok(2, { name: 'Siti Aminah', email: 'klaim@contoh.go.id' })], lookups([claimant({ name: 'Penyerobot' })], taken))
      expect(mine.conflicts.map((c) => c.allowed)).toEqual([['konfirmasi']])
      const foreign = await classifyRoster(
        [ok(2, { name: 'Siti Aminah', email: 'klaim@contoh.go.id' })],
        lookups([claimant({ name: 'Penyerobot', agencyId: 'agency-2' })], taken),
      )
      expect(foreign.conflicts).toEqual([])
      expect(foreign.rejections[0]?.reasons[0]).toMatch(/ganti email di berkas/)
    })
  })

  it('batches lookups instead of one query per row', async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => ok(i + 2, { nip: `${nip(i % 900)}`.slice(0, 15) + String(i).padStart(3, '0') }))
    const l = { ...lookups(), batchSize: 500 }
    const preview = await classifyRoster(rows, l)
    expect(preview.counts.create).toBe(1203)
    expect(l.findPeopleByNip).toHaveBeenCalledTimes(3)
    expect(l.findAccountsByEmail).toHaveBeenCalledTimes(3)
    expect(l.findPeopleByNip.mock.calls.map(([keys]) => keys.length)).toEqual([500, 500, 203])
  })

  it('blocks the import when no row is valid, when nothing changes, and when there are no rows', async () => {
    const bad: RowValidation = { ok: false, rowNumber: 2, reasons: ['Unit kerja wajib diisi.'], nip: '', email: '' }
    expect((await classifyRoster([bad], lookups())).blocker).toMatch(/^Tidak ada baris yang dapat diimpor: semua 1 baris ditolak/)
    const same: ExistingPerson = { userId: 'a', nip: nip(2), name: 'Pegawai 2', email: 'p2@contoh.go.id', agencyId: AGENCY, unitId: 'u-umum' }
    expect((await classifyRoster([ok(2)], lookups([same]))).blocker).toMatch(/^Tidak ada perubahan/)
    expect((await classifyRoster([], lookups())).blocker).toMatch(/tidak berisi baris data/)
  })
})

describe('previewRoster (read + validate + classify)', () => {
  it('previews a CSV with every kind of rejection', async () => {
    const text = csvText(
      [
        HEADER,
        [nip(2), 'Dr. Ani, S.Kom.', 'ani@contoh.go.id', 'PNS', 'Bagian Umum'],
        ['12345', 'Budi', 'budi@contoh.go.id', 'PNS', 'Bagian Umum'],
        [nip(2), 'Cici', 'cici@contoh.go.id', 'PNS', 'Bagian Umum'],
        [nip(5), 'Dodi', 'ANI@contoh.go.id', 'PNS', 'Bagian Umum'],
        [nip(6), 'Eka', 'eka@contoh.go.id', 'PNS', 'Gudang'],
        [nip(7), '=HYPERLINK("http://x","klik")', 'fajar@contoh.go.id', 'PNS', 'Bagian Umum'],
        [nip(8), 'Gita', 'gita@contoh.go.id', 'P3K', 'Sekretariat'],
      ],
      ';',
    )
    const result = await previewRoster(chunked('\uFEFF' + text, 11), lookups(), { today: TODAY })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.format).toBe('csv')
    expect(result.preview.counts).toEqual({ rows: 7, create: 2, updateUnit: 0, unchanged: 0, rejected: 5, verify: 0, conflict: 0 })
    expect(result.preview.rejections.map((r) => [r.rowNumber, r.reasons[0]?.slice(0, 30)])).toEqual([
      [3, 'NIP tidak valid: NIP harus 18 '],
      [4, 'NIP ganda dalam berkas (juga d'],
      [5, 'Email ganda dalam berkas (juga'],
      [6, 'Unit kerja tidak dikenal: "Gud'],
      [7, 'Nama lengkap: sel berisi rumus'],
    ])
  })

  it('previews an XLSX and reports a file-level problem instead of throwing', async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(HEADER)
      sheet.addRow([nip(2), 'Ani', 'ani@contoh.go.id', 'PNS', 'Bagian Umum'])
    })
    const result = await previewRoster(chunked(bytes, 4096), lookups(), { today: TODAY })
    expect(result).toMatchObject({ ok: true, format: 'xlsx', preview: { counts: { create: 1 } } })
    const refused = await previewRoster(chunked(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])), lookups())
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-roster-file' } })
  })

  it('blocks a roster with 0 valid rows', async () => {
    const text = csvText([HEADER, ['1', 'A', 'a', 'X', ''], ['2', 'B', 'b', 'Y', '']])
    const result = await previewRoster(chunked(text), lookups(), { today: TODAY })
    expect(result).toMatchObject({ ok: true, preview: { counts: { rejected: 2, create: 0 }, plan: { create: [], updateUnit: [], verify: [] } } })
    if (result.ok) expect(result.preview.blocker).toMatch(/semua 2 baris ditolak/)
  })
})
