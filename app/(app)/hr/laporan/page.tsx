import type { Metadata } from 'next'
import Link from 'next/link'
import { listUnits } from '@/lib/agencies/agencies.server'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { listCohorts } from '@/lib/hr/cohorts.server'
import { ENROLMENT_STATUS_LABELS } from '@/lib/hr/enrolment-status'
import { ALL_COHORTS } from '@/lib/hr/report-filter'
import { IDENTITY_STATUS_LABELS, IDENTITY_STATUSES } from '@/lib/identity/identity-status'

export const metadata: Metadata = { title: 'Laporan' }

// Every download is a GET of a streaming route with this form's filter; each button picks the
// report and format. Works without JavaScript.
export default async function ReportsPage() {
  const officer = await requireHrOfficer('/hr/laporan')
  const [cohorts, units] = await Promise.all([
    listCohorts(officer.agencyId),
    listUnits(officer.agencyId),
  ])
  if (!cohorts.length) {
    return (
      <>
        <h1>Laporan</h1>
        <p>
          Belum ada kelompok. <Link href="/hr/kelompok">Buat kelompok</Link> dan tetapkan pesertanya dulu.
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Laporan</h1>
      <p className="muted">
        Laporan hanya berisi pegawai {officer.agencyName}. Setiap unduhan dicatat di log audit (siapa, kapan, filter, jumlah baris).
      </p>
      <form method="get" action="/api/hr/reports/completion" className="card">
        <div className="grid grid-2">
          <div className="field">
            <label htmlFor="kelompok">Kelompok</label>
            <select id="kelompok" name="kelompok" required>
              {cohorts.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.name}
                </option>
              ))}
              <option value={ALL_COHORTS}>Semua kelompok</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="unit">Unit kerja</label>
            <select id="unit" name="unit">
              <option value="">Semua unit</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="jenis">Jenis kepegawaian</label>
            <select id="jenis" name="jenis">
              <option value="">Semua</option>
              <option value="PNS">PNS</option>
              <option value="CPNS">CPNS</option>
              <option value="PPPK">PPPK</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status">
              <option value="">Semua</option>
              {Object.entries(ENROLMENT_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="identitas">Status identitas</label>
            <select id="identitas" name="identitas">
              <option value="">Semua</option>
              {IDENTITY_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {IDENTITY_STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dari">Lulus sejak</label>
            <input id="dari" name="dari" type="date" />
          </div>
          <div className="field">
            <label htmlFor="sampai">Lulus sampai</label>
            <input id="sampai" name="sampai" type="date" />
          </div>
        </div>
        <fieldset>
          <legend>Pemisah kolom CSV</legend>
          <div className="radio-row">
            <label>
              <input type="radio" name="pemisah" value="titik-koma" defaultChecked /> Titik koma (Excel berbahasa Indonesia)
            </label>
            <label>
              <input type="radio" name="pemisah" value="koma" /> Koma
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Ekspor SIASN</legend>
          <label>
            <input type="checkbox" name="semua-identitas" value="ya" /> Sertakan yang belum diverifikasi
          </label>
          <p className="muted">
            Tanpa pilihan ini ekspor SIASN hanya berisi pegawai yang NIP-nya sudah diverifikasi instansi; dengan pilihan ini
            kolom &quot;Status identitas&quot; menunjukkan mana yang belum.
          </p>
        </fieldset>
        <h2>Unduh</h2>
        <div className="actions">
          <button type="submit" name="format" value="xlsx" className="button">
            Laporan penyelesaian (XLSX)
          </button>
          <button type="submit" name="format" value="csv" className="button secondary">
            Laporan penyelesaian (CSV)
          </button>
          <button type="submit" name="format" value="xlsx" formAction="/api/hr/reports/siasn" className="button secondary">
            Ekspor SIASN (XLSX)
          </button>
          <button type="submit" name="format" value="csv" formAction="/api/hr/reports/siasn" className="button secondary">
            Ekspor SIASN (CSV)
          </button>
          <button type="submit" formAction="/api/hr/reports/certificates" className="button secondary">
            Semua sertifikat (ZIP PDF)
          </button>
        </div>
      </form>
    </>
  )
}
