'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { databaseProvider, db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { formAction } from '@/lib/http/handler.server'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { queuedByTick, runSchedulerTick } from '@/lib/mail/scheduler.server'

/**
 * "Periksa pesan terjadwal sekarang": one scheduler tick now instead of within 5 minutes (the
 * demo, or after HR changed a due date). Harmless to repeat: the outbox keys make a second run
 * queue nothing (decision 036).
 */
export const runSchedulerNowAction = formAction({
  access: 'admin',
  returnTo: '/admin/kotak-keluar',
  run: async () => {
    const result = await runSchedulerTick({ db, provider: databaseProvider, baseUrl: env.PUBLIC_BASE_URL })
    const queued = queuedByTick(result)
    if (queued > 0) wakeMailWorker()
    revalidatePath('/admin/kotak-keluar')
    redirect(`/admin/kotak-keluar?terjadwal=${queued}`)
  },
})
