import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { refused, type AdminResult } from './form-result'
import { createAgencySchema, createUnitSchema, deleteUnitSchema, renameAgencySchema, renameUnitSchema, sameName } from './schemas'

/** Every agency with its units and head counts, for /admin/instansi. */
export async function listAgenciesForAdmin() {
  const agencies = await db.agency.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      _count: { select: { users: true, units: true } },
      units: { orderBy: { name: 'asc' }, select: { id: true, name: true, _count: { select: { users: true } } } },
    },
  })
  return agencies.map((agency) => ({
    id: agency.id,
    code: agency.code,
    name: agency.name,
    unitCount: agency._count.units,
    userCount: agency._count.users,
    units: agency.units.map((unit) => ({ id: unit.id, name: unit.name, userCount: unit._count.users })),
  }))
}

export type AdminAgency = Awaited<ReturnType<typeof listAgenciesForAdmin>>[number]

const CODE_TAKEN = 'Kode ini sudah dipakai instansi lain.'

export async function createAgency(actorId: string, input: unknown): Promise<AdminResult<{ id: string; code: string; name: string }>> {
  const parsed = createAgencySchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { code, name } = parsed.data
  try {
    const agency = await db.$transaction(async (tx) => {
      if (await tx.agency.findUnique({ where: { code }, select: { id: true } })) return null
      const created = await tx.agency.create({ data: { code, name }, select: { id: true, code: true, name: true } })
      await writeAudit({ action: 'agency.created', actorId, agencyId: created.id, targetType: 'agency', targetId: created.id, details: { code, name } }, tx)
      return created
    })
    return agency ? { ok: true, value: agency } : refused({ code: CODE_TAKEN })
  } catch (error) {
    if (isUniqueViolation(error)) return refused({ code: CODE_TAKEN })
    throw error
  }
}

export async function renameAgency(actorId: string, input: unknown): Promise<AdminResult<{ id: string; name: string }>> {
  const parsed = renameAgencySchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { agencyId, name } = parsed.data
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true } })
    if (!agency) return refused({ form: 'Instansi tidak ditemukan.' })
    if (agency.name === name) return { ok: true as const, value: agency }
    await tx.agency.update({ where: { id: agencyId }, data: { name } })
    await writeAudit(
      { action: 'agency.updated', actorId, agencyId, targetType: 'agency', targetId: agencyId, details: { name: { old: agency.name, new: name } } },
      tx,
    )
    return { ok: true as const, value: { id: agencyId, name } }
  })
}

function unitTaken(name: string, agencyName: string) {
  return `Unit kerja "${name}" sudah ada di ${agencyName} (nama unit tidak boleh kembar, huruf besar/kecil tidak dibedakan).`
}

export async function createUnit(actorId: string, input: unknown): Promise<AdminResult<{ id: string; name: string }>> {
  const parsed = createUnitSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { agencyId, name } = parsed.data
  try {
    return await db.$transaction(async (tx) => {
      const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { name: true, units: { select: { name: true } } } })
      if (!agency) return refused({ form: 'Instansi tidak ditemukan.' })
      const existing = agency.units.find((unit) => sameName(unit.name, name))
      if (existing) return refused({ name: unitTaken(existing.name, agency.name) })
      const unit = await tx.unit.create({ data: { agencyId, name }, select: { id: true, name: true } })
      await writeAudit({ action: 'unit.created', actorId, agencyId, targetType: 'unit', targetId: unit.id, details: { name } }, tx)
      return { ok: true as const, value: unit }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return refused({ name: `Unit kerja "${name}" sudah ada di instansi ini.` })
    throw error
  }
}

export async function renameUnit(actorId: string, input: unknown): Promise<AdminResult<{ id: string; name: string }>> {
  const parsed = renameUnitSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { unitId, name } = parsed.data
  try {
    return await db.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({
        where: { id: unitId },
        select: { id: true, name: true, agencyId: true, agency: { select: { name: true, units: { select: { id: true, name: true } } } } },
      })
      if (!unit) return refused({ form: 'Unit kerja tidak ditemukan.' })
      if (unit.name === name) return { ok: true as const, value: { id: unit.id, name } }
      const clash = unit.agency.units.find((other) => other.id !== unitId && sameName(other.name, name))
      if (clash) return refused({ name: unitTaken(clash.name, unit.agency.name) })
      await tx.unit.update({ where: { id: unitId }, data: { name } })
      await writeAudit(
        { action: 'unit.updated', actorId, agencyId: unit.agencyId, targetType: 'unit', targetId: unitId, details: { name: { old: unit.name, new: name } } },
        tx,
      )
      return { ok: true as const, value: { id: unitId, name } }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return refused({ name: `Unit kerja "${name}" sudah ada di instansi ini.` })
    throw error
  }
}

/** Deletes a unit nobody works in; a unit with people stays, with a message saying how many. */
export async function deleteUnit(actorId: string, input: unknown): Promise<AdminResult<{ id: string; name: string }>> {
  const parsed = deleteUnitSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { unitId } = parsed.data
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, agencyId: true, _count: { select: { users: true } } } })
    if (!unit) return refused({ form: 'Unit kerja tidak ditemukan (mungkin sudah dihapus).' })
    const occupied = `Unit kerja "${unit.name}" tidak dapat dihapus karena masih ada ${unit._count.users} pengguna di dalamnya. Pindahkan mereka ke unit lain lebih dulu.`
    if (unit._count.users > 0) return refused({ form: occupied })
    // One statement that re-checks emptiness, so someone joining meanwhile keeps the unit.
    const { count } = await tx.unit.deleteMany({ where: { id: unitId, users: { none: {} } } })
    if (count === 0) return refused({ form: `Unit kerja "${unit.name}" tidak dapat dihapus karena masih ada pengguna di dalamnya.` })
    await writeAudit({ action: 'unit.deleted', actorId, agencyId: unit.agencyId, targetType: 'unit', targetId: unitId, details: { name: unit.name } }, tx)
    return { ok: true as const, value: { id: unitId, name: unit.name } }
  })
}

/** One agency with its units and head counts, for /admin/instansi/[id]; null when unknown. */
export async function getAgencyForAdmin(agencyId: string): Promise<AdminAgency | null> {
  if (!agencyId || agencyId.length > 100) return null
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: {
      id: true,
      code: true,
      name: true,
      _count: { select: { users: true, units: true } },
      units: { orderBy: { name: 'asc' }, select: { id: true, name: true, _count: { select: { users: true } } } },
    },
  })
  if (!agency) return null
  return {
    id: agency.id,
    code: agency.code,
    name: agency.name,
    unitCount: agency._count.units,
    userCount: agency._count.users,
    units: agency.units.map((unit) => ({ id: unit.id, name: unit.name, userCount: unit._count.users })),
  }
}
