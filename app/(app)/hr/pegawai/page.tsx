import type { Metadata } from 'next'
import Link from 'next/link'
import { formatDate, formatDateTime, formatScore } from '@/components/hr/format'
import styles from '@/components/hr/hr.module.css'
import { StatusBadge } from '@/components/hr/status'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { STATUS_ORDER } from '@/lib/hr/dashboard'
import { listPeople, UNASSIGNED } from '@/lib/hr/dashboard.server'
import { ENROLMENT_STATUS_LABELS } from '@/lib/hr/enrolment-status'

export const metadata: Metadata = { title: 'Pegawai' }

type Params = Record<string, string | string[] | undefined>

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

const STATUS_VALUES: readonly string[] = [...STATUS_ORDER, UNASSIGNED]

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Params> }) {
  const officer = await requireHrOfficer('/hr/pegawai')
  const params = await searchParams
  const q = single(params.q).slice(0, 100)
  const unitId = single(params.unit)
  const status = STATUS_VALUES.includes(single(params.status)) ? single(params.status) : ''
  const requestedPage = Number.parseInt(single(params.halaman), 10)
  const result = await listPeople(officer.agencyId, {
    q,
    unitId: unitId || undefined,
    status: status || undefined,
    page: Number.isFinite(requestedPage) ? requestedPage : 1,
  })

  const hrefFor = (page: number) => {
    const search = new URLSearchParams()
    if (q) search.set('q', q)
    if (unitId) search.set('unit', unitId)
    if (status) search.set('status', status)
    if (page > 1) search.set('halaman', String(page))
    const text = search.toString()
    return text ? `/hr/pegawai?${text}` : '/hr/pegawai'
  }

  return (
    <>
      <p>
        <Link href="/hr">← Dasbor kepegawaian</Link>
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
            <option value={UNASSIGNED}>Belum ditugaskan</option>
          </select>
        </div>
        <button type="submit" className="button">
          Cari
        </button>
      </form>

      <p role="status" data-testid="jumlah-hasil">
        {result.total === 0
          ? 'Tidak ada pegawai yang cocok.'
          : `${result.total} pegawai · halaman ${result.page} dari ${result.pages}`}
      </p>
      <p className="muted">Status, nilai terbaik dan sertifikat menurut kelompok terbaru setiap pegawai.</p>

      {result.rows.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="daftar-pegawai" tabIndex={0}>
          <table>
            <caption id="daftar-pegawai" className="visually-hidden">
              Daftar pegawai
            </caption>
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">NIP</th>
                <th scope="col">Unit kerja</th>
                <th scope="col">Status</th>
                <th scope="col">Aktivitas terakhir</th>
                <th scope="col">Nilai terbaik</th>
                <th scope="col">Sertifikat</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((person) => (
                <tr key={person.id}>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    <Link href={`/hr/pegawai/${person.id}`}>{person.name}</Link>
                  </th>
                  <td>{person.nip ?? '–'}</td>
                  <td>{person.unitName ?? '–'}</td>
                  <td>
                    <StatusBadge status={person.status} />
                    {person.cohortName && <div className="muted">{person.cohortName}</div>}
                  </td>
                  <td>{formatDateTime(person.lastActivity)}</td>
                  <td>{formatScore(person.bestScore)}</td>
                  <td>
                    {person.certificate ? (
                      <>
                        {person.certificate.number}
                        <div className="muted">
                          {person.certificate.revoked
                            ? 'dicabut'
                            : `${person.certificate.expired ? 'berakhir' : 'berlaku s.d.'} ${formatDate(person.certificate.validUntil)}`}
                        </div>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {result.pages > 1 && (
        <nav className={styles.pager} aria-label="Halaman daftar pegawai">
          {result.page > 1 ? <Link href={hrefFor(result.page - 1)}>← Sebelumnya</Link> : <span />}
          <span>
            Halaman {result.page} dari {result.pages}
          </span>
          {result.page < result.pages && <Link href={hrefFor(result.page + 1)}>Berikutnya →</Link>}
        </nav>
      )}
    </>
  )
}
