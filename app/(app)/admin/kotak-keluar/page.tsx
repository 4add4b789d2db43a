import type { Metadata } from 'next'
import { AdminNav } from '@/components/admin/admin-nav'
import { DataTable } from '@/components/data-table'
import { requireAdmin } from '@/lib/auth/session.server'
import { env } from '@/lib/env.server'
import { formatLoggedMomentWib, formatNumber, MISSING } from '@/lib/format/indonesian'
import { listOutbox } from '@/lib/mail/outbox-query.server'
import { runSchedulerNowAction } from './actions'
import { formatBoundedCount, OUTBOX_STATUS_LABELS, OUTBOX_STATUSES, outboxPageHref, parseOutboxQuery, sumBoundedCounts } from '@/lib/mail/outbox-view'

export const metadata: Metadata = { title: 'Kotak keluar' }

export default async function AdminOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin('/admin/kotak-keluar')
  const params = await searchParams
  const query = parseOutboxQuery(params)
  // Set by "Periksa pesan terjadwal sekarang" (how many it queued).
  const scheduled = typeof params.terjadwal === 'string' && /^\d{1,7}$/.test(params.terjadwal) ? Number(params.terjadwal) : null
  const outbox = await listOutbox(query)
  const newest = outbox.messages[0]
  const oldest = outbox.messages.at(-1)
  return (
    <>
      <AdminNav current="/admin/kotak-keluar" />
      <h1>Kotak keluar</h1>
      {env.SMTP_URL ? (
        <p className="muted">
          Email dikirim melalui server SMTP {new URL(env.SMTP_URL).hostname}
          {env.MAIL_WORKER === 'off' ? ' oleh proses worker terpisah (npm run worker)' : ' oleh aplikasi ini'}. Pesan yang gagal sementara dicoba lagi
          dengan jeda yang makin panjang.
        </p>
      ) : (
        <p className="alert info" role="status">
          Pengiriman email belum diatur (SMTP_URL kosong): pesan disimpan di sini dan tidak dikirim. Buka pesan untuk melihat isinya.
        </p>
      )}
      <form action={runSchedulerNowAction} className="actions">
        <button type="submit" className="button secondary">
          Periksa pesan terjadwal sekarang
        </button>
        <span className="muted">Pengingat tenggat diperiksa otomatis tiap 5 menit.</span>
      </form>
      {scheduled !== null && (
        <p className="alert success" role="status">
          Pemeriksaan selesai: {formatNumber(scheduled)} pesan terjadwal baru masuk antrean.
        </p>
      )}
      <nav aria-label="Saring menurut status" className="card actions">
        <a href={outboxPageHref({})} aria-current={!query.status ? 'page' : undefined}>
          Semua ({formatBoundedCount(sumBoundedCounts(Object.values(outbox.counts)))})
        </a>
        {OUTBOX_STATUSES.map((status) => (
          <a key={status} href={outboxPageHref({ status })} aria-current={query.status === status ? 'page' : undefined}>
            {OUTBOX_STATUS_LABELS[status]} ({formatBoundedCount(outbox.counts[status])})
          </a>
        ))}
      </nav>
      <p className="muted" aria-live="polite">
        {newest && oldest
          ? `${formatNumber(outbox.messages.length)} pesan${query.status ? ` berstatus ${OUTBOX_STATUS_LABELS[query.status].toLowerCase()}` : ''}, dibuat ${formatLoggedMomentWib(oldest.createdAt)} sampai ${formatLoggedMomentWib(newest.createdAt)}.`
          : `Tidak ada pesan${query.status ? ` berstatus ${OUTBOX_STATUS_LABELS[query.status].toLowerCase()}` : ''} di sini.`}{' '}
        Terbaru di atas. Waktu dalam WIB.
      </p>
      <div className="card">
        <DataTable
          caption="Pesan email, terbaru di atas"
          rows={outbox.messages}
          rowKey={(message) => message.id}
          empty="Belum ada pesan."
          columns={[
            { key: 'createdAt', header: 'Dibuat (WIB)', nowrap: true, cell: (m) => <time dateTime={m.createdAt.toISOString()}>{formatLoggedMomentWib(m.createdAt)}</time> },
            {
              key: 'subject',
              header: 'Subjek',
              rowHeader: true,
              cell: (m) => <a href={`/admin/kotak-keluar/${m.id}`}>{m.subject}</a>,
            },
            {
              key: 'to',
              header: 'Penerima',
              cell: (m) => (
                <>
                  {m.toName || MISSING}
                  <br />
                  <span className="muted">{m.toAddress}</span>
                </>
              ),
            },
            { key: 'status', header: 'Status', nowrap: true, cell: (m) => OUTBOX_STATUS_LABELS[m.status] },
            { key: 'attempts', header: 'Percobaan', align: 'end', cell: (m) => formatNumber(m.attempts) },
            { key: 'lastError', header: 'Galat terakhir', cell: (m) => m.lastError ?? MISSING },
          ]}
        />
      </div>
      <nav className="admin-pager" aria-label="Halaman kotak keluar">
        {outbox.newer ? <a href={outboxPageHref(query, outbox.newer)}>← Lebih baru</a> : null}
        {outbox.newer || query.cursor ? <a href={outboxPageHref(query)}>Terbaru</a> : null}
        {outbox.older ? <a href={outboxPageHref(query, outbox.older)}>Lebih lama →</a> : null}
      </nav>
    </>
  )
}
