import { beforeAll, describe, expect, it } from 'vitest'
import { registerLearner } from '@/lib/accounts/register.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'
import { PRIVACY_NOTICE_VERSION } from '@/lib/privacy/notice'

let agencyId: string
let unitId: string
let otherUnitId: string

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  unitId = seeded.unit.id
  otherUnitId = seeded.otherUnit.id
})

function form(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.',
    nip: uniqueNip(2),
    employmentType: 'PNS',
    agencyId,
    unitId,
    email: `peserta-${Math.random().toString(36).slice(2)}@contoh.go.id`,
    password: 'Rahasia-yang-kuat-1',
    passwordConfirm: 'Rahasia-yang-kuat-1',
    ...overrides,
  }
}

async function counts() {
  const [users, accounts, sessions] = await Promise.all([db.user.count(), db.account.count(), db.session.count()])
  return { users, accounts, sessions }
}

describe('registerLearner', () => {
  it('creates the user exactly as typed, a hashed password account and a session', async () => {
    const input = form({ email: 'Saraswati@Contoh.go.id' })
    const result = await registerLearner(input, new Headers())
    expect(result.ok).toBe(true)
    const user = await db.user.findUniqueOrThrow({
      where: { nip: input.nip },
      include: { accounts: true, sessions: true, privacyAcceptances: true },
    })
    expect(user).toMatchObject({
      name: 'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.',
      email: 'saraswati@contoh.go.id',
      employmentType: 'PNS',
      agencyId,
      unitId,
    })
    expect(user.accounts).toHaveLength(1)
    expect(user.accounts[0]?.providerId).toBe('credential')
    expect(user.accounts[0]?.password).not.toContain('Rahasia')
    expect(user.sessions).toHaveLength(1)
    // Registering accepts the privacy notice shown under the form; its version is recorded.
    expect(user.privacyAcceptances.map((acceptance) => acceptance.version)).toEqual([PRIVACY_NOTICE_VERSION])
    const audit = await db.auditLog.findFirst({ where: { action: 'user.registered', targetId: user.id } })
    expect(audit?.agencyId).toBe(agencyId)
  })

  it('claims the NIP, never verifies it, even when a crafted form says so', async () => {
    const input = form({ identityStatus: 'verified', identityMethod: 'hr', identityVerifiedAt: new Date().toISOString() })
    expect((await registerLearner(input, new Headers())).ok).toBe(true)
    expect(await db.user.findUniqueOrThrow({ where: { nip: input.nip } })).toMatchObject({
      identityStatus: 'claimed',
      identityMethod: null,
      identityVerifiedAt: null,
      identityVerifiedById: null,
    })
  })

  it('tells a person whose NIP is verified to sign in, without naming the account', async () => {
    const nip = uniqueNip()
    await seedUser(db, { name: 'Pemilik Asli', email: `asli-${nip}@contoh.go.id`, password: 'Rahasia-yang-kuat-1', nip, agencyId, unitId })
    const result = await registerLearner(form({ nip }), new Headers())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fieldErrors.nip).toBe('NIP ini sudah terdaftar. Masuk dengan akun tersebut, atau hubungi admin kepegawaian instansi Anda.')
    expect(JSON.stringify(result)).not.toContain('asli-')
  })

  it("sends a person whose NIP the agency's roster holds, imported or still importing, to activation; nothing is created", async () => {
    const imported = uniqueNip(2)
    await db.user.create({
      data: { id: `daftar-${imported}`, name: 'Dari Daftar', email: `daftar-${imported}@contoh.go.id`, nip: imported, agencyId, unitId, identityStatus: 'verified', identityMethod: 'import' },
    })
    const importing = uniqueNip(2)
    const importId = `impor-${importing}`
    await db.rosterImport.create({ data: { id: importId, agencyId, fileName: 'daftar.csv', importedAt: new Date(), created: 1, publishedAt: null, stagedAt: new Date() } })
    await db.user.create({
      data: { id: `impor-${importing}`, name: 'Sedang Diimpor', email: `impor-${importing}@contoh.go.id`, nip: importing, agencyId, unitId, identityStatus: 'verified', identityMethod: 'import', pendingImportId: importId },
    })
    const before = await counts()
    const fromRoster = await registerLearner(form({ nip: imported }), new Headers())
    const duringImport = await registerLearner(form({ nip: importing }), new Headers())
    expect(fromRoster).toMatchObject({ ok: false, fieldErrors: { nip: expect.stringMatching(/sudah didaftarkan instansi Anda dari daftar pegawai.*kode aktivasi.*Aktivasi akun/) } })
    expect(duringImport).toMatchObject({ ok: false, fieldErrors: { nip: expect.stringMatching(/sedang dimasukkan instansi Anda dari daftar pegawai.*kode aktivasi.*tidak perlu mendaftar/) } })
    expect(JSON.stringify([fromRoster, duringImport])).not.toMatch(/daftar-|impor-/)
    expect(await counts()).toEqual(before)
  })

  it('cannot be made an HR officer or admin by a crafted form', async () => {
    const input = form({ role: 'admin', capability: 'admin', grants: [{ capability: 'admin', scopeKey: '' }] })
    const result = await registerLearner(input, new Headers())
    expect(result.ok).toBe(true)
    const user = await db.user.findUniqueOrThrow({ where: { nip: input.nip }, include: { grants: true } })
    expect(user.grants).toEqual([])
  })

  it.each([
    ['NIP with letters', { nip: '19860926201505100A' }, 'nip', 'NIP hanya boleh berisi angka.'],
    ['NIP of 17 digits', { nip: '19860926201505100' }, 'nip', 'NIP harus 18 digit; yang Anda ketik 17 digit.'],
    ['impossible birth date', { nip: '198602302015051001' }, 'nip', '8 digit pertama NIP harus tanggal lahir yang ada (TTTTBBHH).'],
    ['NI PPPK with gender digit 3 (issue 11)', { nip: '199103152023213004', employmentType: 'PPPK' }, 'nip', 'Digit ke-15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan).'],
    ['weak password', { password: 'pendek', passwordConfirm: 'pendek' }, 'password', 'Kata sandi minimal 10 karakter.'],
    ['password of letters only', { password: 'hurufsemuanya', passwordConfirm: 'hurufsemuanya' }, 'password', 'Kata sandi harus memuat huruf dan setidaknya satu angka atau simbol.'],
    ['mismatched confirmation', { passwordConfirm: 'Rahasia-lain-123' }, 'passwordConfirm', 'Ulangan kata sandi tidak sama.'],
    ['empty name', { name: '   ' }, 'name', 'Nama lengkap wajib diisi.'],
    ['10 kB name', { name: 'A'.repeat(10_240) }, 'name', 'Nama lengkap paling panjang 200 karakter.'],
    ['emoji in the name', { name: 'Sari 😀 Dewi' }, 'name', 'Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung (gelar boleh ditulis).'],
    ['HTML in the name', { name: '<script>alert(1)</script>' }, 'name', 'Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung (gelar boleh ditulis).'],
    ['bad email', { email: 'bukan-email' }, 'email', 'Format email tidak valid (contoh: nama@instansi.go.id).'],
    ['unknown employment type', { employmentType: 'HONORER' }, 'employmentType', 'Pilih jenis kepegawaian: PNS, CPNS atau PPPK.'],
    ['unit of another agency', { unitId: 'placeholder-other-unit' }, 'unitId', 'Pilih unit kerja dari instansi yang Anda pilih.'],
  ])('refuses %s field by field and creates nothing', async (_label, overrides, field, message) => {
    const patched = { ...overrides } as Record<string, unknown>
    if (patched.unitId === 'placeholder-other-unit') patched.unitId = otherUnitId
    const before = await counts()
    const result = await registerLearner(form(patched), new Headers())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fieldErrors[field]).toBe(message)
    expect(result.values).not.toHaveProperty('password')
    expect(result.values).not.toHaveProperty('passwordConfirm')
    expect(await counts()).toEqual(before)
  })

  it('stores a name that looks like SQL exactly as typed', async () => {
    const input = form({ name: "Robert'); DROP TABLE user;--" })
    expect((await registerLearner(input, new Headers())).ok).toBe(true)
    expect((await db.user.findUniqueOrThrow({ where: { nip: input.nip } })).name).toBe("Robert'); DROP TABLE user;--")
    expect(await db.user.count()).toBeGreaterThan(0)
  })

  it('refuses a NIP or an email that is already registered, creating nothing', async () => {
    const first = form()
    expect((await registerLearner(first, new Headers())).ok).toBe(true)
    const before = await counts()
    const sameNip = await registerLearner(form({ nip: first.nip }), new Headers())
    const sameEmail = await registerLearner(form({ email: first.email.toUpperCase() }), new Headers())
    expect(sameNip.ok || sameEmail.ok).toBe(false)
    // The first registration only claims the NIP: the message says HR can reject that claim.
    if (!sameNip.ok) expect(sameNip.fieldErrors.nip).toMatch(/sudah diklaim oleh akun yang belum diverifikasi.*admin kepegawaian.*menolak klaim/)
    if (!sameEmail.ok) expect(sameEmail.fieldErrors.email).toBe('Email ini sudah dipakai akun lain.')
    expect(await counts()).toEqual(before)
  })

  it('lets exactly one of two simultaneous registrations with the same NIP through', async () => {
    const nip = uniqueNip()
    const results = await Promise.all([
      registerLearner(form({ nip, employmentType: 'PNS' }), new Headers()),
      registerLearner(form({ nip, employmentType: 'PNS' }), new Headers()),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await db.user.count({ where: { nip } })).toBe(1)
    const orphanAccounts = await db.account.count({ where: { user: { nip: null }, providerId: 'credential' } })
    expect(orphanAccounts).toBe(0)
  })
})
