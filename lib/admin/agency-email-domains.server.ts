import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { refused, type AdminResult } from './form-result'
import { agencyEmailDomainSchema } from './schemas'

/**
 * The admin lists an agency's own mail domains (decision 045). A verified address on one of them
 * is shown to HR as the agency's address; it never verifies a NIP. One agency per domain.
 */
export async function addAgencyEmailDomain(actorId: string, input: unknown): Promise<AdminResult<{ domain: string }>> {
  const parsed = agencyEmailDomainSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { agencyId, domain } = parsed.data
  try {
    return await db.$transaction(async (tx) => {
      const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } })
      if (!agency) return refused({ form: 'Instansi tidak ditemukan.' })
      const taken = await tx.agencyEmailDomain.findUnique({ where: { domain }, select: { agency: { select: { id: true, name: true } } } })
      if (taken) {
        return refused({ domain: taken.agency.id === agencyId ? `Domain ${domain} sudah terdaftar untuk instansi ini.` : `Domain ${domain} sudah terdaftar untuk ${taken.agency.name}.` })
      }
      await tx.agencyEmailDomain.create({ data: { domain, agencyId } })
      await writeAudit({ action: 'agency.email_domain_added', actorId, agencyId, targetType: 'agency', targetId: agencyId, details: { domain } }, tx)
      return { ok: true as const, value: { domain } }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return refused({ domain: `Domain ${domain} sudah terdaftar.` })
    throw error
  }
}

export async function removeAgencyEmailDomain(actorId: string, input: unknown): Promise<AdminResult<{ domain: string }>> {
  const parsed = agencyEmailDomainSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { agencyId, domain } = parsed.data
  return db.$transaction(async (tx) => {
    const removed = await tx.agencyEmailDomain.deleteMany({ where: { domain, agencyId } })
    if (removed.count !== 1) return refused({ form: `Domain ${domain} tidak terdaftar untuk instansi ini.` })
    await writeAudit({ action: 'agency.email_domain_removed', actorId, agencyId, targetType: 'agency', targetId: agencyId, details: { domain } }, tx)
    return { ok: true as const, value: { domain } }
  })
}
