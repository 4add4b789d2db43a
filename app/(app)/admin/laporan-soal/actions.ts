'use server'

import { revalidatePath } from 'next/cache'
import type { AdminFormState } from '@/lib/admin/form-result'
import { itemDecisionSchema } from '@/lib/assessment/item-report-input'
import { decideItem } from '@/lib/assessment/item-reports.server'
import { formatNumber } from '@/lib/format/indonesian'
import { action } from '@/lib/http/handler.server'

/** The admin's decision on a questioned item (decision 035); only a platform admin may call it. */
export const decideItemAction = action<'admin', typeof itemDecisionSchema, AdminFormState>({
  access: 'admin',
  returnTo: '/admin/laporan-soal',
  input: itemDecisionSchema,
  fields: ['decision', 'note'],
  run: async ({ user, input }) => {
    const result = await decideItem(user, input)
    revalidatePath('/admin/laporan-soal')
    const reports = `${formatNumber(result.reports)} laporan diputuskan`
    if (result.decision === 'tinjau') return { done: `Soal ${input.itemId} sedang ditinjau dan tidak diundi lagi; ${reports}.` }
    if (result.decision === 'koreksi') return { done: `Perbaikan soal ${input.itemId} dicatat; ${reports}.` }
    if (result.decision === 'tolak') return { done: `Laporan atas soal ${input.itemId} ditolak; ${reports}.` }
    const rescore = result.rescore!
    return {
      done:
        `Soal ${input.itemId} ditarik; ${reports}. ${formatNumber(rescore.changed)} percobaan dinilai ulang, ` +
        `${formatNumber(rescore.newlyPassed)} kini lulus.` +
        (rescore.keptScores > 0
          ? ` ${formatNumber(rescore.keptScores)} percobaan lama tetap dengan nilainya karena jawabannya sudah dihapus setelah masa retensi.`
          : ''),
    }
  },
})
