import 'server-only'
import { randomBytes, randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import { z } from 'zod'
import { emailSchema, fullNameSchema, passwordSchema } from '@/lib/accounts/registration-schema'
import { grantCapability } from '@/lib/auth/grants.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { visiblePeople } from '@/lib/hr/visible-people.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'

const ADMIN_GRANT = { capability: 'admin' as const, agencyId: null, unitId: null }

const platformAdminSchema = z.object({ email: emailSchema, name: fullNameSchema, password: passwordSchema.optional() })

export type PlatformAdminResult =
  | { ok: true; userId: string; created: boolean; granted: boolean; generatedPassword: string | null }
  | { ok: false; fieldErrors: FieldErrors }

/** A password the registration rules accept: 24 random URL-safe characters, letters and digits both. */
function generatedPassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url')
    if (passwordSchema.safeParse(candidate).success) return candidate
  }
}

/**
 * The first admin of a real deployment (`npm run admin:create`, docs/deploy.md): the demo seed
 * refuses a production database, and in the app only an admin can appoint HR officers. Creates a
 * platform account (no NIP, no agency: platform staff are not counted, decision 037) with the
 * `admin` grant, or gives the grant to the existing account with that email. Idempotent; the
 * grant is audit-logged with no actor (made from the server's command line). Without a password
 * one is generated and returned once, to be changed at the first sign-in.
 */
export async function createPlatformAdmin(input: { email?: unknown; name?: unknown; password?: unknown }): Promise<PlatformAdminResult> {
  const parsed = platformAdminSchema.safeParse({ ...input, password: input.password || undefined })
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const { email, name } = parsed.data
  const password = parsed.data.password ?? null
  // An account of a roster import not yet published is nobody yet (decision 053): it is neither
  // given the grant nor replaced; its email is taken until the import publishes or is deleted.
  const existing = await db.user.findFirst({ where: visiblePeople({ email }), select: { id: true } })
  if (existing) {
    const granted = await db.$transaction((tx) => grantCapability(tx, null, existing.id, ADMIN_GRANT))
    return { ok: true, userId: existing.id, created: false, granted, generatedPassword: null }
  }
  const chosen = password ?? generatedPassword()
  const hash = await hashPassword(chosen)
  const id = randomUUID()
  try {
    await createAdmin(id, name, email, hash)
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: PENDING_IMPORT_EMAIL } }
    throw error
  }
  return { ok: true, userId: id, created: true, granted: true, generatedPassword: password ? null : chosen }
}

const PENDING_IMPORT_EMAIL = 'Email ini dipakai akun dari impor daftar pegawai yang sedang berjalan. Coba lagi setelah impor selesai.'

function createAdmin(id: string, name: string, email: string, hash: string) {
  return db.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id,
        name,
        email,
        emailVerified: true,
        claimedAt: new Date(),
        accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: hash } },
      },
    })
    await grantCapability(tx, null, id, ADMIN_GRANT)
  })
}
