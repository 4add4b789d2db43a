import type { Metadata } from 'next'
import { AdminNav } from '@/components/admin/admin-nav'
import { listAgenciesForAdmin } from '@/lib/admin/agencies.server'
import { auditPageHref, parseAuditQuery, prettyDetails } from '@/lib/admin/audit-query'
import { DataTable } from '@/components/data-table'
import { formatLoggedMomentWib, formatNumber, MISSING } from '@/lib/format/indonesian'
import { listAuditActions, listAuditLog } from '@/lib/admin/audit.server'
import { requireAdmin } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Log audit' }

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin('/admin/audit')
  const query = parseAuditQuery(await searchParams)
  const [log, agencies, actions] = await Promise.all([listAuditLog(query), listAgenciesForAdmin(), listAuditActions()])
  const filtered = Boolean(query.actionPrefix || query.agencyId || query.untilDay)
  const first = log.entries[0]
  const last = log.entries.at(-1)
  return (
    <>
      <AdminNav current="/admin/audit" />
      <h1>Log audit</h1>
      <form role="search" aria-label="Saring log audit" className="card actions filter-bar">
        <div className="field">
          <label htmlFor="aksi">Tindakan diawali</label>
          <input id="aksi" name="aksi" type="search" list="daftar-aksi" defaultValue={query.actionPrefix} maxLength={60} aria-describedby="aksi-hint" />
          <span className="hint" id="aksi-hint">
            mis. settings. atau unit.
          </span>
          <datalist id="daftar-aksi">
            {actions.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="instansi">Instansi</label>
          <select id="instansi" name="instansi" defaultValue={query.agencyId}>
            <option value="">Semua instansi</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name} ({agency.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sampai">Sampai tanggal</label>
          <input id="sampai" name="sampai" type="date" defaultValue={query.untilDay} aria-describedby="sampai-hint" />
          <span className="hint" id="sampai-hint">
            kosong: mulai dari yang terbaru
          </span>
        </div>
        <button type="submit" className="button secondary">
          Saring
        </button>
        {filtered && <a href="/admin/audit">Hapus saringan</a>}
      </form>
      <p className="muted" aria-live="polite">
        {first && last
          ? `${formatNumber(log.entries.length)} catatan${filtered ? ' sesuai saringan' : ''}, ${formatLoggedMomentWib(first.at)} sampai ${formatLoggedMomentWib(last.at)}.`
          : `Tidak ada catatan${filtered ? ' sesuai saringan' : ''} di sini.`}{' '}
        Terbaru di atas.
      </p>
      <div className="card">
        <DataTable
          caption="Log audit, terbaru di atas"
          columns={[
            { key: 'at', header: 'Waktu (WIB)', cell: (entry) => <time dateTime={entry.at.toISOString()}>{formatLoggedMomentWib(entry.at)}</time> },
            {
              key: 'actor',
              header: 'Oleh',
              cell: (entry) =>
                entry.actor ? (
                  <>
                    {entry.actor.name}
                    <br />
                    <span className="muted">{entry.actor.email}</span>
                  </>
                ) : (
                  MISSING
                ),
            },
            { key: 'action', header: 'Tindakan', cell: (entry) => <code>{entry.action}</code> },
            { key: 'agency', header: 'Instansi', cell: (entry) => entry.agency?.code ?? MISSING },
            { key: 'target', header: 'Sasaran', cell: (entry) => (entry.targetType ? `${entry.targetType}${entry.targetId ? `: ${entry.targetId}` : ''}` : MISSING) },
            {
              key: 'details',
              header: 'Rincian',
              cell: (entry) => {
                const details = prettyDetails(entry.details)
                return details ? (
                  <pre className="admin-details" tabIndex={0}>
                    {details}
                  </pre>
                ) : (
                  MISSING
                )
              },
            },
          ]}
          rows={log.entries}
          rowKey={(entry) => entry.id}
          empty="Tidak ada catatan."
        />
      </div>
      <nav className="admin-pager" aria-label="Halaman log audit">
        {log.newer ? <a href={auditPageHref(query, log.newer)}>← Lebih baru</a> : null}
        {log.newer || query.cursor || query.untilDay ? <a href={auditPageHref(query)}>Terbaru</a> : null}
        {log.older ? <a href={auditPageHref(query, log.older)}>Lebih lama →</a> : null}
      </nav>
    </>
  )
}
