import type { Metadata } from 'next'
import Link from 'next/link'
import { DataTable } from '@/components/data-table'
import { PEOPLE_LIST_COLUMNS } from '@/components/hr/hr-columns'
import { formatNumber } from '@/lib/format/indonesian'
import styles from '@/components/hr/hr.module.css'
import { notFound } from 'next/navigation'
import { requireAgencyViewer } from '@/lib/auth/session.server'
import { STATUS_ORDER } from '@/lib/hr/dashboard'
import { listPeople, PAGE_SIZE } from '@/lib/hr/dashboard.server'
import { toHrTableRow } from '@/lib/hr/hr-rows'
import { decodeRowKey, encodeRowKey, type UrlRowKey } from '@/lib/hr/row-key'
import {
  ENROLMENT_STATUS_LABELS,
  IDENTITY_STATUS_LABELS,
  IDENTITY_STATUSES,
  isIdentityStatus,
  isPersonStatus,
  PERSON_STATUS_LABELS,
  UNASSIGNED,
} from '@/lib/vocabulary/statuses'

export const metadata: Metadata = { title: 'Pegawai' }

type Params = Record<string, string | string[] | undefined>

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Params> }) {
  const officer = await requireAgencyViewer('/hr/pegawai')
  const { unitIds } = officer.scope
  const params = await searchParams
  const q = single(params.q).slice(0, 100)
  const unitId = single(params.unit)
  // Another unit than a unit operator's is answered like an unknown one (decision 037).
  if (unitIds && unitId && !unitIds.includes(unitId)) notFound()
  const status = isPersonStatus(single(params.status)) ? single(params.status) : ''
  const identity = isIdentityStatus(single(params.identitas)) ? single(params.identitas) : ''
  const after = decodeRowKey(single(params.setelah))
  const before = after ? undefined : decodeRowKey(single(params.sebelum))
  const requestedPage = Number.parseInt(single(params.halaman), 10)
  const page = after || before ? (Number.isFinite(requestedPage) && requestedPage > 0 ? requestedPage : 1) : 1
  const result = await listPeople(officer.agencyId, {
    q,
    unitId: unitId || undefined,
    status: isPersonStatus(status) ? status : undefined,
    identityStatus: isIdentityStatus(identity) ? identity : undefined,
    after,
    before,
  }, new Date(), unitIds)
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE))

  // Keyset paging: "Berikutnya" starts after the last row shown, "Sebelumnya" ends before the
  // first; the page number only labels where the officer is.
  const hrefFor = (key: { setelah?: UrlRowKey; sebelum?: UrlRowKey; halaman: number }) => {
    const search = new URLSearchParams()
    if (q) search.set('q', q)
    if (unitId) search.set('unit', unitId)
    if (status) search.set('status', status)
    if (identity) search.set('identitas', identity)
    if (key.setelah) search.set('setelah', encodeRowKey(key.setelah))
    if (key.sebelum && key.halaman > 1) search.set('sebelum', encodeRowKey(key.sebelum))
    if (key.halaman > 1) search.set('halaman', String(key.halaman))
    const text = search.toString()
    return text ? `/hr/pegawai?${text}` : '/hr/pegawai'
  }

  return (
    <>
      <p>
        <Link prefetch={false} href="/hr">← Dasbor kepegawaian</Link>
      </p>
      <h1>Pegawai</h1>
      <form method="get" action="/hr/pegawai" className={styles.filters} role="search" aria-label="Cari pegawai">
        <div>
          <label htmlFor="q">Nama, NIP atau email</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div>
          <label htmlFor="unit">Unit kerja</label>
          <select id="unit" name="unit" defaultValue={unitId}>
            <option value="">Semua unit</option>
            {result.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">Semua status</option>
            {STATUS_ORDER.map((value) => (
              <option key={value} value={value}>
                {ENROLMENT_STATUS_LABELS[value]}
              </option>
            ))}
            <option value={UNASSIGNED}>{PERSON_STATUS_LABELS[UNASSIGNED]}</option>
          </select>
        </div>
        <div>
          <label htmlFor="identitas">Status identitas</label>
          <select id="identitas" name="identitas" defaultValue={identity}>
            <option value="">Semua</option>
            {IDENTITY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {IDENTITY_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Cari
        </button>
      </form>

      <p role="status" data-testid="jumlah-hasil">
        {result.total === 0
          ? 'Tidak ada pegawai yang cocok.'
          : `${formatNumber(result.total)} pegawai · halaman ${formatNumber(Math.min(page, pages))} dari ${formatNumber(pages)}`}
      </p>
      <p className="muted">Status, nilai terbaik dan sertifikat menurut kelompok terbaru setiap pegawai.</p>

      {result.rows.length > 0 && (
        <DataTable markup="static"
          caption="Daftar pegawai"
          columns={PEOPLE_LIST_COLUMNS}
          rows={result.rows.map((row) => toHrTableRow(row, officer.agencyName ?? ''))}
          rowKey={(row) => row.personId}
          rowProps={(row) => ({ 'data-person': row.personId })}
          empty="Tidak ada pegawai yang cocok."
        />
      )}

      {(result.prev || result.next) && (
        <nav className={styles.pager} aria-label="Halaman daftar pegawai">
          {result.prev ? <Link prefetch={false} href={hrefFor({ sebelum: result.prev, halaman: Math.max(1, page - 1) })}>← Sebelumnya</Link> : <span />}
          <span>
            Halaman {Math.min(page, pages)} dari {pages}
          </span>
          {result.next ? <Link prefetch={false} href={hrefFor({ setelah: result.next, halaman: page + 1 })}>Berikutnya →</Link> : <span />}
        </nav>
      )}
    </>
  )
}
