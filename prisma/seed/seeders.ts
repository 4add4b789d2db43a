/**
 * Seeders shared by the demo seed (prisma/seed/demo.ts) and the tests. They take the Prisma
 * client to write to, so tests can point them at their own database.
 */
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import type { Db } from '../../lib/db/create-client'
import { PRIVACY_NOTICE_VERSION } from '../../lib/privacy/notice'

/** `emailDomains`: the agency's own mail domains (decision 045). */
export type SeedAgency = { code: string; name: string; units: string[]; emailDomains?: string[] }

export async function seedAgency(db: Db, agency: SeedAgency) {
  return db.agency.upsert({
    where: { code: agency.code },
    update: {},
    create: {
      code: agency.code,
      name: agency.name,
      units: { create: agency.units.map((name) => ({ name })) },
      emailDomains: { create: (agency.emailDomains ?? []).map((domain) => ({ domain })) },
    },
    include: { units: { orderBy: { name: 'asc' } } },
  })
}

export type SeedUser = {
  name: string
  email: string
  password: string
  /**
   * A capability on top of learning (decision 037): 'hr' administers `agencyId`; 'admin' the
   * platform. Unit operators and heads are granted with seedGrant.
   */
  role?: 'learner' | 'hr' | 'admin'
  nip?: string | null
  employmentType?: 'PNS' | 'CPNS' | 'PPPK' | null
  agencyId?: string | null
  unitId?: string | null
  /**
   * Whose NIP is it. Default 'verified': seeded people are the agency's word (its roster), so
   * tests keep their meaning; pass 'claimed' for a self-registered claimant.
   */
  identityStatus?: 'claimed' | 'verified'
  /** `password`'s hash made once by the caller (hashPassword), for seeding many users quickly. */
  passwordHash?: string
}

/**
 * A user with a password account, the way better-auth stores one (same hash function, the
 * "credential" provider). Existing users (by email) are left as they are.
 */
export async function seedUser(db: Db, user: SeedUser) {
  const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() } })
  if (existing) return existing
  const id = randomUUID()
  const password = user.passwordHash ?? (await hashPassword(user.password))
  return db.user.create({
    data: {
      id,
      name: user.name,
      email: user.email.toLowerCase(),
      emailVerified: true,
      ...(user.role === 'hr' || user.role === 'admin' ? { grants: { create: grantOf(user.role, user.agencyId ?? null) } } : {}),
      nip: user.nip ?? null,
      employmentType: user.employmentType ?? null,
      agencyId: user.agencyId ?? null,
      unitId: user.unitId ?? null,
      claimedAt: new Date(),
      identityStatus: user.identityStatus ?? 'verified',
      identityMethod: (user.identityStatus ?? 'verified') === 'verified' && user.nip ? 'import' : null,
      identityVerifiedAt: (user.identityStatus ?? 'verified') === 'verified' && user.nip ? new Date() : null,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password } },
      // Seeded people (the demo, test fixtures) have been shown the current notice, as registration
      // and activation record it; otherwise a new notice version would send every seeded sign-in
      // to the re-acceptance page (decision 047).
      privacyAcceptances: { create: { version: PRIVACY_NOTICE_VERSION } },
    },
  })
}

function grantOf(role: 'hr' | 'admin', agencyId: string | null) {
  if (role === 'admin') return { capability: 'admin' as const, scopeKey: '' }
  if (!agencyId) throw new Error('an HR officer needs the agency they administer')
  return { capability: 'hr' as const, agencyId, scopeKey: agencyId }
}

/** Grants a unit operator's or head's capability for one unit of the person's agency. */
export async function seedUnitGrant(db: Db, userId: string, capability: 'unit_operator' | 'unit_head', unit: { id: string; agencyId: string }) {
  await db.capabilityGrant.upsert({
    where: { userId_capability_scopeKey: { userId, capability, scopeKey: unit.id } },
    update: {},
    create: { userId, capability, agencyId: unit.agencyId, unitId: unit.id, scopeKey: unit.id },
  })
}

/**
 * Sets the certificate signer settings (name, title, NIP) unless an admin has set them already:
 * without them no certificate is issued (lib/certificates/signer.ts).
 */
export async function seedCertificateSigner(db: Db, signer: { signerName: string; signerTitle: string; signerNip: string }) {
  for (const [key, value] of Object.entries(signer)) {
    await db.setting.upsert({ where: { key }, update: {}, create: { key, value: JSON.stringify(value) } })
  }
}
