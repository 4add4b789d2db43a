import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AdminNav } from '@/components/admin/admin-nav'
import { requireAdmin } from '@/lib/auth/session.server'
import { formatLoggedMomentWib, formatNumber, MISSING } from '@/lib/format/indonesian'
import { displayRecipient } from '@/lib/mail/headers'
import { findOutboxMessage } from '@/lib/mail/outbox-query.server'
import { OUTBOX_STATUS_LABELS } from '@/lib/mail/outbox-view'

export const metadata: Metadata = { title: 'Pesan di kotak keluar', referrer: 'no-referrer' }

export default async function AdminOutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await requireAdmin(`/admin/kotak-keluar/${encodeURIComponent(id)}`)
  const message = await findOutboxMessage(id)
  if (!message) notFound()
  const moment = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatLoggedMomentWib(date)}</time> : MISSING)
  return (
    <>
      <AdminNav current="/admin/kotak-keluar" />
      <p>
        <Link href="/admin/kotak-keluar">← Kotak keluar</Link>
      </p>
      <h1>{message.subject}</h1>
      <div className="card">
        <dl className="summary-list">
          <dt>Penerima</dt>
          <dd>{displayRecipient(message.toName, message.toAddress)}</dd>
          <dt>Jenis</dt>
          <dd>
            <code>{message.kind}</code>
          </dd>
          <dt>Status</dt>
          <dd>{OUTBOX_STATUS_LABELS[message.status]}</dd>
          <dt>Percobaan</dt>
          <dd>{formatNumber(message.attempts)}</dd>
          <dt>Galat terakhir</dt>
          <dd>{message.lastError ?? MISSING}</dd>
          <dt>Dibuat (WIB)</dt>
          <dd>{moment(message.createdAt)}</dd>
          <dt>Terkirim (WIB)</dt>
          <dd>{moment(message.sentAt)}</dd>
          {message.status === 'pending' && (
            <>
              <dt>Dicoba berikutnya (WIB)</dt>
              <dd>{moment(message.nextAttemptAt)}</dd>
            </>
          )}
        </dl>
        {message.sensitive && message.status === 'sent' && <p className="muted">Tautan rahasia dalam pesan ini sudah disembunyikan setelah terkirim.</p>}
      </div>
      <h2>Teks</h2>
      <pre className="card mail-text" data-testid="mail-text">
        {message.text}
      </pre>
      <h2>HTML</h2>
      {/* Its own route with a CSP that runs nothing and loads nothing; sandboxed on top. */}
      <iframe title={`Pratinjau HTML: ${message.subject}`} src={`/admin/kotak-keluar/${message.id}/html`} sandbox="" className="mail-html" />
    </>
  )
}
