import type { Metadata } from 'next'
import { formatNumber } from '@/lib/format/indonesian'
import { AdminNav } from '@/components/admin/admin-nav'
import { listAgenciesForAdmin } from '@/lib/admin/agencies.server'
import { auditPageHref, parseAuditQuery, prettyDetails } from '@/lib/admin/audit-query'
import { formatLoggedMomentWib } from '@/lib/format/indonesian'
import { listAuditActions, listAuditLog } from '@/lib/admin/audit.server'
import { requireRole } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Log audit' }

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole(['admin'], '/admin/audit')
  const query = parseAuditQuery(await searchParams)
  const [log, agencies, actions] = await Promise.all([listAuditLog(query), listAgenciesForAdmin(), listAuditActions()])
  const filtered = Boolean(query.actionPrefix || query.agencyId)
  return (
    <>
      <AdminNav current="/admin/audit" />
      <h1>Log audit</h1>
      <form role="search" aria-label="Saring log audit" className="card actions" style={{ alignItems: 'flex-end' }}>
        <div className="field" style={{ marginBottom: 0 }}>
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
        <div className="field" style={{ marginBottom: 0 }}>
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
        <button type="submit" className="button secondary">
          Saring
        </button>
        {filtered && <a href="/admin/audit">Hapus saringan</a>}
      </form>
      <p className="muted" aria-live="polite">
        {formatNumber(log.total)} catatan{filtered ? ' sesuai saringan' : ''}. Halaman {formatNumber(query.page)} dari {formatNumber(log.pages)}. Waktu dalam WIB.
      </p>
      <div className="table-wrap card" role="region" aria-label="Log audit" tabIndex={0}>
        <table>
          <caption className="visually-hidden">Log audit, terbaru di atas</caption>
          <thead>
            <tr>
              <th scope="col">Waktu (WIB)</th>
              <th scope="col">Oleh</th>
              <th scope="col">Tindakan</th>
              <th scope="col">Instansi</th>
              <th scope="col">Sasaran</th>
              <th scope="col">Rincian</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  Tidak ada catatan.
                </td>
              </tr>
            )}
            {log.entries.map((entry) => {
              const details = prettyDetails(entry.details)
              return (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at.toISOString()}>{formatLoggedMomentWib(entry.at)}</time>
                  </td>
                  <td>
                    {entry.actor ? (
                      <>
                        {entry.actor.name}
                        <br />
                        <span className="muted">{entry.actor.email}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.agency ? entry.agency.code : '—'}</td>
                  <td>{entry.targetType ? `${entry.targetType}${entry.targetId ? `: ${entry.targetId}` : ''}` : '—'}</td>
                  <td>{details ? <pre className="admin-details" tabIndex={0}>{details}</pre> : '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <nav className="admin-pager" aria-label="Halaman log audit">
        {query.page > 1 ? <a href={auditPageHref(query, query.page - 1)}>← Lebih baru</a> : null}
        <span>
          Halaman {query.page} dari {log.pages}
        </span>
        {query.page < log.pages ? <a href={auditPageHref(query, query.page + 1)}>Lebih lama →</a> : null}
      </nav>
    </>
  )
}
