import { writeAudit } from '@/lib/audit/audit.server'
import { isoDateWib } from '@/lib/format/indonesian'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'
import { personalDataOf } from '@/lib/privacy/personal-data.server'

// "Data saya" as a file: everything we hold about the signed-in person (lib/privacy), never
// anyone else's — there is no id to choose. Audit-logged like every download of personal data.
export const dynamic = 'force-dynamic'

export const GET = route({
  access: 'learner',
  signedOut: 'Silakan masuk untuk mengunduh data Anda.',
  run: async ({ user }) => {
    const now = new Date()
    const data = await personalDataOf(user.id, now)
    if (!data) throw new AppError(404, 'Akun tidak ditemukan.')
    await writeAudit({ action: 'personal_data.downloaded', actorId: user.id, agencyId: user.agencyId ?? null, targetType: 'user', targetId: user.id })
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="data-saya-${isoDateWib(now)}.json"`,
        'Cache-Control': 'private, no-store',
      },
    })
  },
})
