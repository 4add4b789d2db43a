import 'server-only'
import { grantCapability, revokeCapability } from '@/lib/auth/grants.server'
import { refused, type AdminResult } from '@/lib/admin/form-result'
import { db } from '@/lib/db/db.server'
import { CAPABILITY_LABELS } from '@/lib/vocabulary/statuses'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { appointUnitStaffSchema, removeUnitStaffSchema } from './unit-staff-form'

/**
 * Unit operators and heads of an agency (decision 037): HR appoints and removes them, only among
 * the agency's own people and units; every change is a capability grant with its audit entry.
 */

type Officer = { id: string; agencyId: string }

/** The agency's unit operators and heads, by unit and name. */
export async function listUnitStaff(agencyId: string) {
  return db.capabilityGrant.findMany({
    where: { agencyId, capability: { in: ['unit_operator', 'unit_head'] } },
    orderBy: [{ unit: { name: 'asc' } }, { capability: 'asc' }, { user: { name: 'asc' } }],
    select: {
      id: true,
      capability: true,
      grantedAt: true,
      unit: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, nip: true, email: true } },
      grantedBy: { select: { name: true } },
    },
  })
}

export type UnitStaffChange = { name: string; unitName: string; label: string }

export async function appointUnitStaff(officer: Officer, input: unknown): Promise<AdminResult<UnitStaffChange>> {
  const parsed = appointUnitStaffSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { person: identifier, unitId, capability } = parsed.data
  return db.$transaction(async (tx) => {
    const [person, unit] = await Promise.all([
      tx.user.findUnique({
        where: /^\d{18}$/.test(identifier) ? { nip: identifier } : { email: identifier },
        select: { id: true, name: true, agencyId: true, disabledAt: true },
      }),
      tx.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, agencyId: true } }),
    ])
    // Another agency's person or unit is answered like an unknown one.
    if (!person || person.agencyId !== officer.agencyId) return refused({ person: 'Pegawai dengan NIP atau email ini tidak ditemukan di instansi Anda.' })
    if (!unit || unit.agencyId !== officer.agencyId) return refused({ unitId: 'Unit kerja tidak ditemukan di instansi Anda.' })
    if (person.disabledAt) return refused({ person: `Akun ${person.name} dinonaktifkan oleh admin platform.` })
    const label = CAPABILITY_LABELS[capability].toLowerCase()
    const granted = await grantCapability(tx, officer.id, person.id, { capability, agencyId: officer.agencyId, unitId: unit.id })
    if (!granted) return refused({ person: `${person.name} sudah menjadi ${label} ${unit.name}.` })
    return { ok: true as const, value: { name: person.name, unitName: unit.name, label } }
  })
}

export async function removeUnitStaff(officer: Officer, input: unknown): Promise<AdminResult<UnitStaffChange>> {
  const parsed = removeUnitStaffSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  return db.$transaction(async (tx) => {
    const grant = await tx.capabilityGrant.findUnique({
      where: { id: parsed.data.grantId },
      select: { userId: true, capability: true, agencyId: true, unitId: true, user: { select: { name: true } }, unit: { select: { name: true } } },
    })
    const unitGrant = grant && (grant.capability === 'unit_operator' || grant.capability === 'unit_head') ? grant : null
    if (!unitGrant || unitGrant.agencyId !== officer.agencyId || !unitGrant.unitId) return refused({ form: 'Penunjukan ini tidak ditemukan di instansi Anda.' })
    await revokeCapability(tx, officer.id, unitGrant.userId, { capability: unitGrant.capability, unitId: unitGrant.unitId })
    return {
      ok: true as const,
      value: { name: unitGrant.user.name, unitName: unitGrant.unit?.name ?? '', label: CAPABILITY_LABELS[unitGrant.capability].toLowerCase() },
    }
  })
}
