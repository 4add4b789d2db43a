import type { Metadata } from 'next'
import { AssignForm, CreateCohortForm, SelfEnrolCohortForm } from '@/components/roster/cohort-forms'
import { listUnits } from '@/lib/agencies/agencies.server'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatLongDate, yearInWib } from '@/lib/format/indonesian'
import { getSelfEnrolCohortId, listCohorts } from '@/lib/hr/cohorts.server'

export const metadata: Metadata = { title: 'Kelompok' }

export default async function CohortsPage() {
  const officer = await requireHrOfficer('/hr/kelompok')
  const [cohorts, units, selfEnrolCohortId] = await Promise.all([
    listCohorts(officer.agencyId),
    listUnits(officer.agencyId),
    getSelfEnrolCohortId(officer.agencyId),
  ])
  return (
    <>
      <h1>Kelompok dan tenggat</h1>
      <p className="muted">
        Orientasi untuk ASN dan P3K baru, penyegaran untuk tahun berjalan. Setiap orang ada di satu kelompok per siklus; sertifikat
        tahun lalu tetap tersimpan di riwayatnya.
      </p>
      {cohorts.length > 0 && (
        <div className="card table-wrap" role="region" aria-label="Daftar kelompok" tabIndex={0}>
          <table>
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>Kelompok {officer.agencyName}</caption>
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">Jenis</th>
                <th scope="col">Tenggat</th>
                <th scope="col">Peserta</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <td>
                    {cohort.name}
                    {cohort.id === selfEnrolCohortId && <span className="muted"> (pendaftar mandiri masuk ke sini)</span>}
                  </td>
                  <td>{cohort.kind === 'onboarding' ? `Orientasi ${cohort.year}` : `Penyegaran ${cohort.year}`}</td>
                  <td>{cohort.dueDate ? formatLongDate(cohort.dueDate) : '—'}</td>
                  <td>{cohort._count.enrolments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="grid grid-2" style={{ marginTop: '1rem' }}>
        <CreateCohortForm thisYear={yearInWib(new Date())} />
        {cohorts.length > 0 && <AssignForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} units={units} />}
        {cohorts.length > 0 && <SelfEnrolCohortForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} currentId={selfEnrolCohortId} />}
      </div>
    </>
  )
}
