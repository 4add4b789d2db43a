import { describe, expect, it } from 'vitest'
import { createPlatformAdmin } from '@/lib/admin/platform-admin.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// `npm run admin:create` (docs/deploy.md): the first admin of a real deployment.
describe('createPlatformAdmin', () => {
  it('creates a platform account with the admin grant, audit-logged, that signs in with the generated password', async () => {
    const result = await createPlatformAdmin({ email: ' Admin.Utama@Instansi.go.id ', name: 'Admin Utama' })
    expect(result).toMatchObject({ ok: true, created: true, granted: true, generatedPassword: expect.stringMatching(/^[\w-]{24}$/) })
    if (!result.ok) return
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { grants: true } })
    expect(user).toMatchObject({ email: 'admin.utama@instansi.go.id', nip: null, agencyId: null })
    expect(user.grants.map((grant) => grant.capability)).toEqual(['admin'])
    expect(await db.auditLog.count({ where: { action: 'capability.granted', targetId: user.id, actorId: null } })).toBe(1)
    const signedIn = await auth.api.signInEmail({ body: { email: user.email, password: result.generatedPassword! }, asResponse: true })
    expect(signedIn.status).toBe(200)

    // Again: nothing changes, nothing is printed.
    expect(await createPlatformAdmin({ email: user.email, name: 'Admin Utama' })).toEqual({ ok: true, userId: user.id, created: false, granted: false, generatedPassword: null })
    expect(await db.capabilityGrant.count({ where: { userId: user.id } })).toBe(1)
  })

  it('gives the grant to an existing account, keeping its password; a chosen password is not echoed', async () => {
    const existing = await seedUser(db, { name: 'Pegawai Lama', email: 'lama@instansi.go.id', password: 'Kata-sandi-benar-9' })
    expect(await createPlatformAdmin({ email: 'lama@instansi.go.id', name: 'Pegawai Lama' })).toEqual({ ok: true, userId: existing.id, created: false, granted: true, generatedPassword: null })
    expect(await createPlatformAdmin({ email: 'baru@instansi.go.id', name: 'Admin Baru', password: 'Sandi-pilihan-2026' })).toMatchObject({ ok: true, created: true, generatedPassword: null })
  })

  it('refuses bad input field by field, creating nothing', async () => {
    const before = await db.user.count()
    expect(await createPlatformAdmin({ email: 'bukan-email', name: '', password: 'pendek' })).toEqual({
      ok: false,
      fieldErrors: { email: expect.stringContaining('email'), name: expect.any(String), password: expect.stringContaining('minimal') },
    })
    expect(await db.user.count()).toBe(before)
  })

  it("leaves an unpublished roster import's account alone: no grant, a clear refusal, nothing created", async () => {
    const { agency } = await seedAgencies()
    const importId = 'impor-belum-terbit'
    await db.rosterImport.create({
      data: { id: importId, agencyId: agency.id, fileName: 'daftar.csv', importedAt: new Date(), created: 1, publishedAt: null, stagedAt: new Date() },
    })
    const pending = await db.user.create({
      data: { id: 'akun-impor', name: 'Pegawai Impor', email: 'impor@instansi.go.id', agencyId: agency.id, pendingImportId: importId },
    })
    const before = await db.user.count()
    const result = await createPlatformAdmin({ email: 'Impor@Instansi.go.id', name: 'Admin Baru' })
    expect(result).toEqual({ ok: false, fieldErrors: { email: expect.stringContaining('impor daftar pegawai yang sedang berjalan') } })
    expect(await db.user.count()).toBe(before)
    expect(await db.capabilityGrant.count({ where: { userId: pending.id } })).toBe(0)
  })
})
