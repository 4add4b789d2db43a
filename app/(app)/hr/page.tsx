import type { Metadata } from 'next'
import { getAgencyOverview } from '@/lib/agencies/agency-overview.server'
import { requireHrOfficer } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Kepegawaian' }

export default async function HrHomePage() {
  const officer = await requireHrOfficer('/hr')
  const agency = await getAgencyOverview(officer.agencyId)
  return (
    <>
      <h1>Kepegawaian: {agency.name}</h1>
      <p className="muted">
        Anda mengelola instansi ini saja. Impor daftar pegawai, penugasan, dasbor kemajuan dan laporan sedang
        disiapkan.
      </p>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="peserta">
          <h2 id="peserta" style={{ marginTop: 0 }}>
            Peserta
          </h2>
          <p>
            <strong>{agency.learners}</strong> pegawai terdaftar.
          </p>
        </section>
        <section className="card" aria-labelledby="unit">
          <h2 id="unit" style={{ marginTop: 0 }}>
            Unit kerja
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Unit kerja</th>
                  <th scope="col">Pegawai</th>
                </tr>
              </thead>
              <tbody>
                {agency.units.map((unit) => (
                  <tr key={unit.id}>
                    <td>{unit.name}</td>
                    <td>{unit.people}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  )
}
