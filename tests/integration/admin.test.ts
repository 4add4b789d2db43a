import { beforeAll, describe, expect, it } from 'vitest'
import { createAgency, createUnit, deleteUnit, listAgenciesForAdmin, renameAgency, renameUnit } from '@/lib/admin/agencies.server'
import { listAuditLog } from '@/lib/admin/audit.server'
import { formatSettingValue, SETTING_FIELDS } from '@/lib/admin/settings-form'
import { getSettingsForAdmin, updateCourseSettings } from '@/lib/admin/settings.server'
import { appointHrOfficer, findUsers, removeHrRole } from '@/lib/admin/users.server'
import { db } from '@/lib/db/db.server'
import { DEFAULT_COURSE_SETTINGS, type CourseSettings } from '@/lib/settings/course-settings'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { DEMO_SIGNER } from '@/prisma/seed/demo-data'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

let adminId: string
let agency: Awaited<ReturnType<typeof seedAgencies>>['agency']
let otherAgency: Awaited<ReturnType<typeof seedAgencies>>['otherAgency']

beforeAll(async () => {
  ;({ agency, otherAgency } = await seedAgencies())
  adminId = (await seedUser(db, { name: 'Admin Uji', email: 'admin-uji@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })).id
})

const auditCount = (action: string) => db.auditLog.count({ where: { action } })
const details = async (action: string, targetId: string) =>
  JSON.parse((await db.auditLog.findFirstOrThrow({ where: { action, targetId }, orderBy: { at: 'desc' } })).details) as Record<string, unknown>

describe('agencies', () => {
  it('creates an agency with an upper-cased code, audited, and refuses a taken code', async () => {
    const created = await createAgency(adminId, { code: 'pemprov-uji', name: '  Pemerintah  Provinsi Uji ' })
    expect(created).toMatchObject({ ok: true, value: { code: 'PEMPROV-UJI', name: 'Pemerintah Provinsi Uji' } })
    if (!created.ok) return
    expect(await details('agency.created', created.value.id)).toEqual({ code: 'PEMPROV-UJI', name: 'Pemerintah Provinsi Uji' })

    const before = await auditCount('agency.created')
    expect(await createAgency(adminId, { code: 'PEMPROV-UJI', name: 'Lain' })).toEqual({ ok: false, fieldErrors: { code: 'Kode ini sudah dipakai instansi lain.' } })
    expect(await createAgency(adminId, { code: 'ada spasi', name: '' })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(String), name: 'Isi nama instansi.' } })
    expect(await auditCount('agency.created')).toBe(before)
    expect(await db.agency.count({ where: { code: 'PEMPROV-UJI' } })).toBe(1)
  })

  it('renames an agency and logs the old and new name', async () => {
    const created = await createAgency(adminId, { code: 'KAB-UJI', name: 'Kabupaten Uji' })
    if (!created.ok) throw new Error('not created')
    expect(await renameAgency(adminId, { agencyId: created.value.id, name: 'Pemerintah Kabupaten Uji' })).toMatchObject({ ok: true })
    expect(await details('agency.updated', created.value.id)).toEqual({ name: { old: 'Kabupaten Uji', new: 'Pemerintah Kabupaten Uji' } })
    expect(await renameAgency(adminId, { agencyId: 'tidak-ada', name: 'Apa Saja' })).toEqual({ ok: false, fieldErrors: { form: 'Instansi tidak ditemukan.' } })
  })

  it('keeps unit names unique within an agency regardless of case, but not across agencies', async () => {
    const created = await createUnit(adminId, { agencyId: agency.id, name: 'Dinas Pariwisata' })
    expect(created).toMatchObject({ ok: true })
    const clash = await createUnit(adminId, { agencyId: agency.id, name: '  dinas   PARIWISATA ' })
    expect(clash.ok).toBe(false)
    expect(!clash.ok && clash.fieldErrors.name).toMatch(/sudah ada di Pemerintah Kota Demo Raya/)
    expect(await createUnit(adminId, { agencyId: otherAgency.id, name: 'Dinas Pariwisata' })).toMatchObject({ ok: true })
    expect(await db.unit.count({ where: { agencyId: agency.id, name: { in: ['Dinas Pariwisata', 'dinas PARIWISATA'] } } })).toBe(1)
    if (created.ok) expect(await details('unit.created', created.value.id)).toEqual({ name: 'Dinas Pariwisata' })
  })

  it('renames a unit (its own case may change) but not onto another unit', async () => {
    const unit = await createUnit(adminId, { agencyId: agency.id, name: 'Bagian Hukum' })
    if (!unit.ok) throw new Error('not created')
    expect(await renameUnit(adminId, { unitId: unit.value.id, name: 'BAGIAN HUKUM' })).toMatchObject({ ok: true })
    expect(await details('unit.updated', unit.value.id)).toEqual({ name: { old: 'Bagian Hukum', new: 'BAGIAN HUKUM' } })
    const clash = await renameUnit(adminId, { unitId: unit.value.id, name: 'dinas pendidikan' })
    expect(!clash.ok && clash.fieldErrors.name).toMatch(/Dinas Pendidikan/)
    expect((await db.unit.findUniqueOrThrow({ where: { id: unit.value.id } })).name).toBe('BAGIAN HUKUM')
  })

  it('deletes only an empty unit', async () => {
    const empty = await createUnit(adminId, { agencyId: agency.id, name: 'Unit Kosong' })
    if (!empty.ok) throw new Error('not created')
    expect(await deleteUnit(adminId, { unitId: empty.value.id })).toMatchObject({ ok: true })
    expect(await db.unit.findUnique({ where: { id: empty.value.id } })).toBeNull()
    expect(await details('unit.deleted', empty.value.id)).toEqual({ name: 'Unit Kosong' })

    const busy = await createUnit(adminId, { agencyId: agency.id, name: 'Unit Berisi' })
    if (!busy.ok) throw new Error('not created')
    await seedUser(db, { name: 'Pegawai', email: 'pegawai-unit@contoh.go.id', password: 'Kata-sandi-benar-9', nip: uniqueNip(), agencyId: agency.id, unitId: busy.value.id })
    const refused = await deleteUnit(adminId, { unitId: busy.value.id })
    expect(!refused.ok && refused.fieldErrors.form).toMatch(/tidak dapat dihapus karena masih ada 1 pengguna/)
    expect(await db.unit.findUnique({ where: { id: busy.value.id } })).not.toBeNull()
    expect(await db.auditLog.count({ where: { action: 'unit.deleted', targetId: busy.value.id } })).toBe(0)
  })

  it('lists agencies with unit and user counts', async () => {
    const listed = (await listAgenciesForAdmin()).find((row) => row.id === agency.id)
    expect(listed?.unitCount).toBe(listed?.units.length)
    expect(listed?.userCount).toBe(await db.user.count({ where: { agencyId: agency.id } }))
  })
})

const grantsOf = (userId: string) =>
  db.capabilityGrant.findMany({ where: { userId }, select: { capability: true, agencyId: true, unitId: true, grantedById: true }, orderBy: { capability: 'asc' } })

describe('HR officers', () => {
  it('finds a user by email or NIP, appoints them HR of one agency and removes the role again', async () => {
    const nip = uniqueNip(2)
    const user = await seedUser(db, { name: 'Calon HR', email: 'calon-hr@contoh.go.id', password: 'Kata-sandi-benar-9', nip, agencyId: agency.id, unitId: agency.units[0]!.id })
    const byNip = await findUsers(nip.slice(0, 12))
    expect(byNip.ok && byNip.value.map((u) => u.id)).toContain(user.id)
    const byEmail = await findUsers('CALON-HR@')
    expect(byEmail.ok && byEmail.value.map((u) => u.id)).toEqual([user.id])
    expect(await findUsers('ab')).toEqual({ ok: false, fieldErrors: { q: 'Tulis minimal 3 karakter email atau NIP.' } })

    // Issue 10: a person with a NIP active in another agency moves only by mutasi.
    const moved = await appointHrOfficer(adminId, { userId: user.id, agencyId: otherAgency.id })
    expect(moved).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(/Pindahkan dulu melalui mutasi/) } })
    expect(await grantsOf(user.id)).toEqual([])

    expect(await appointHrOfficer(adminId, { userId: user.id, agencyId: agency.id })).toMatchObject({ ok: true, value: { hr: true } })
    // Still a learner of the same agency and unit; HR is a grant on top (decision 037).
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ agencyId: agency.id, unitId: agency.units[0]!.id })
    expect(await grantsOf(user.id)).toEqual([{ capability: 'hr', agencyId: agency.id, unitId: null, grantedById: adminId }])
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'capability.granted', targetId: user.id } })
    expect(entry).toMatchObject({ agencyId: agency.id, actorId: adminId })
    expect(JSON.parse(entry.details)).toEqual({ capability: 'hr', agencyId: agency.id, unitId: null })
    expect(await appointHrOfficer(adminId, { userId: user.id, agencyId: agency.id })).toEqual({ ok: false, fieldErrors: { form: `Calon HR sudah menjadi admin kepegawaian ${agency.name}.` } })

    expect(await removeHrRole(adminId, { userId: user.id })).toMatchObject({ ok: true, value: { hr: false } })
    expect(await grantsOf(user.id)).toEqual([])
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ agencyId: agency.id })
    expect(await db.auditLog.findFirstOrThrow({ where: { action: 'capability.revoked', targetId: user.id } })).toMatchObject({ actorId: adminId, agencyId: agency.id })
    expect(await removeHrRole(adminId, { userId: user.id })).toEqual({ ok: false, fieldErrors: { form: 'Calon HR bukan admin kepegawaian.' } })
  })

  it('appoints platform staff (no NIP) as HR of any agency, clearing a unit of another agency; HR of one agency at a time', async () => {
    const staff = await seedUser(db, { name: 'Staf Tanpa NIP', email: 'staf-hr@contoh.go.id', password: 'Kata-sandi-benar-9', agencyId: agency.id, unitId: agency.units[0]!.id })
    expect(await appointHrOfficer(adminId, { userId: staff.id, agencyId: agency.id })).toMatchObject({ ok: true })
    expect(await appointHrOfficer(adminId, { userId: staff.id, agencyId: otherAgency.id })).toMatchObject({ ok: true, value: { hr: true } })
    expect(await db.user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ agencyId: otherAgency.id, unitId: null })
    expect(await grantsOf(staff.id)).toEqual([{ capability: 'hr', agencyId: otherAgency.id, unitId: null, grantedById: adminId }])
  })

  it('keeps the unit when the agency stays the same, and refuses unknown agencies', async () => {
    const user = await seedUser(db, { name: 'HR Sama', email: 'hr-sama@contoh.go.id', password: 'Kata-sandi-benar-9', nip: uniqueNip(), agencyId: agency.id, unitId: agency.units[1]!.id })
    expect(await appointHrOfficer(adminId, { userId: user.id, agencyId: 'tidak-ada' })).toEqual({ ok: false, fieldErrors: { agencyId: 'Instansi tidak ditemukan.' } })
    expect(await appointHrOfficer(adminId, { userId: user.id, agencyId: agency.id })).toMatchObject({ ok: true })
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ agencyId: agency.id, unitId: agency.units[1]!.id })
  })

  it('does not let an admin change their own capabilities', async () => {
    const before = await auditCount('capability.granted')
    expect(await appointHrOfficer(adminId, { userId: adminId, agencyId: agency.id })).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(/sendiri/) } })
    expect(await removeHrRole(adminId, { userId: adminId })).toMatchObject({ ok: false })
    expect((await grantsOf(adminId)).map((grant) => grant.capability)).toEqual(['admin'])
    expect(await auditCount('capability.granted')).toBe(before)
  })
})

describe('course settings', () => {
  const form = (settings: CourseSettings, overrides: Record<string, string> = {}) => ({
    ...Object.fromEntries(SETTING_FIELDS.map((field) => [field.key, formatSettingValue(field, settings[field.key])])),
    ...overrides,
  })

  it('writes the changed keys and one audit entry with old and new values', async () => {
    const { settings } = await getSettingsForAdmin()
    // seedAgencies() also sets the demo signer, as every seed does (certificates need one).
    expect(settings).toEqual({ ...DEFAULT_COURSE_SETTINGS, ...DEMO_SIGNER, publicBaseUrl: process.env.PUBLIC_BASE_URL })
    const before = await auditCount('settings.updated')
    const result = await updateCourseSettings(adminId, form(settings, { passMark: '75', jp: '1,5', signerName: 'Dr. Sari Dewi, M.Si.' }))
    expect(result).toEqual({
      ok: true,
      value: { passMark: { old: 80, new: 75 }, jp: { old: 2, new: 1.5 }, signerName: { old: DEMO_SIGNER.signerName, new: 'Dr. Sari Dewi, M.Si.' } },
    })
    expect(await auditCount('settings.updated')).toBe(before + 1)
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'settings.updated' }, orderBy: { at: 'desc' } })
    expect(entry.actorId).toBe(adminId)
    expect(JSON.parse(entry.details)).toEqual({ changed: result.ok ? result.value : null })
    expect(await db.setting.findMany({ orderBy: { key: 'asc' }, select: { key: true, value: true, updatedById: true } })).toEqual([
      { key: 'jp', value: '1.5', updatedById: adminId },
      { key: 'passMark', value: '75', updatedById: adminId },
      { key: 'signerName', value: '"Dr. Sari Dewi, M.Si."', updatedById: adminId },
      { key: 'signerNip', value: JSON.stringify(DEMO_SIGNER.signerNip), updatedById: null },
      { key: 'signerTitle', value: JSON.stringify(DEMO_SIGNER.signerTitle), updatedById: null },
    ])
    expect(await getCourseSettings()).toMatchObject({ passMark: 75, jp: 1.5, signerName: 'Dr. Sari Dewi, M.Si.' })

    // The next change records the stored value as old.
    const again = await updateCourseSettings(adminId, form(await getCourseSettings(), { passMark: '85' }))
    expect(again).toEqual({ ok: true, value: { passMark: { old: 75, new: 85 } } })
  })

  it('writes nothing on a validation error or when nothing changed', async () => {
    const current = await getCourseSettings()
    const rows = await db.setting.findMany()
    const before = await auditCount('settings.updated')
    const refused = await updateCourseSettings(adminId, form(current, { passMark: '40', attemptLimit: '0', signerTitle: '' }))
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        passMark: 'Nilai kelulusan harus antara 50 dan 100.',
        attemptLimit: 'Batas percobaan uji akhir harus antara 1 dan 20 kali.',
        signerTitle: 'Isi jabatan penanda tangan.',
      },
    })
    expect(await updateCourseSettings(adminId, form(current))).toEqual({ ok: true, value: {} })
    expect(await db.setting.findMany()).toEqual(rows)
    expect(await auditCount('settings.updated')).toBe(before)
  })
})

describe('the audit log', () => {
  it('shows the actions newest first, filtered by action prefix and agency (paging: audit-log-pages.test.ts)', async () => {
    const everything = { actionPrefix: '', agencyId: '', untilDay: '', cursor: null }
    const all = await listAuditLog(everything)
    expect(all.entries.length).toBeGreaterThan(5)
    expect(all.newer).toBeNull()
    const times = all.entries.map((entry) => entry.at.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const units = await listAuditLog({ ...everything, actionPrefix: 'unit.' })
    expect(units.entries.length).toBeGreaterThan(0)
    expect(units.entries.every((entry) => entry.action.startsWith('unit.'))).toBe(true)
    const other = await listAuditLog({ ...everything, agencyId: otherAgency.id })
    expect(other.entries.every((entry) => entry.agency?.code === otherAgency.code)).toBe(true)
  })
})
