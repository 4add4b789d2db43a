'use client'

import { useState } from 'react'
import { invitationSummary } from '@/lib/accounts/invitation-summary'

type Invited = { sent: number; already: number; unreachable: number }

/**
 * "Kirim undangan" to the accounts one import created (POST /api/hr/roster/imports/<id>/undangan,
 * decision 052): under the result of an import just made, and beside each past import on /hr/impor.
 */
export function ImportInviteButton({ importId, fileName, className = 'button secondary' }: { importId: string; fileName: string; className?: string }) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  async function invite() {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`/api/hr/roster/imports/${encodeURIComponent(importId)}/undangan`, { method: 'POST' })
      const data = await response.json().catch(() => null)
      if (response.ok) setMessage({ ok: true, text: invitationSummary(data as Invited, 'berikan mereka kode dari CSV') })
      else setMessage({ ok: false, text: (data as { error?: { message?: string } } | null)?.error?.message ?? 'Undangan tidak dapat dikirim.' })
    } catch {
      setMessage({ ok: false, text: 'Koneksi terputus. Undangan mungkin belum terkirim; coba lagi (yang sudah diundang hari ini tidak dikirimi dua kali).' })
    }
    setBusy(false)
  }

  return (
    <>
      <button type="button" className={className} onClick={invite} disabled={busy} aria-label={`Kirim undangan untuk impor ${fileName}`}>
        {busy ? 'Mengirim…' : 'Kirim undangan'}
      </button>
      {message && (
        <p className={message.ok ? 'alert success' : 'alert error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </>
  )
}
