/**
 * Seeders shared by the demo seed (prisma/seed/demo.ts) and the tests. They take the Prisma
 * client to write to, so tests can point them at their own database.
 */
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import type { Db } from '../../lib/db/create-client'

export type SeedAgency = { code: string; name: string; units: string[] }

export async function seedAgency(db: Db, agency: SeedAgency) {
  return db.agency.upsert({
    where: { code: agency.code },
    update: {},
    create: {
      code: agency.code,
      name: agency.name,
      units: { create: agency.units.map((name) => ({ name })) },
    },
    include: { units: { orderBy: { name: 'asc' } } },
  })
}

export type SeedUser = {
  name: string
  email: string
  password: string
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
}

/**
 * A user with a password account, the way better-auth stores one (same hash function, the
 * "credential" provider). Existing users (by email) are left as they are.
 */
export async function seedUser(db: Db, user: SeedUser) {
  const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() } })
  if (existing) return existing
  const id = randomUUID()
  const password = await hashPassword(user.password)
  return db.user.create({
    data: {
      id,
      name: user.name,
      email: user.email.toLowerCase(),
      emailVerified: true,
      role: user.role ?? 'learner',
      nip: user.nip ?? null,
      employmentType: user.employmentType ?? null,
      agencyId: user.agencyId ?? null,
      unitId: user.unitId ?? null,
      claimedAt: new Date(),
      identityStatus: user.identityStatus ?? 'verified',
      identityMethod: (user.identityStatus ?? 'verified') === 'verified' && user.nip ? 'import' : null,
      identityVerifiedAt: (user.identityStatus ?? 'verified') === 'verified' && user.nip ? new Date() : null,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password } },
    },
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
