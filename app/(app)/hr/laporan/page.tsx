import type { Metadata } from 'next'
import Link from 'next/link'
import { listUnits } from '@/lib/agencies/agencies.server'
import { requireAgencyViewer } from '@/lib/auth/session.server'
import { listCohorts } from '@/lib/hr/dashboard.server'
import { ALL_COHORTS } from '@/lib/hr/report-filter'
import { EMPLOYMENT_TYPES, employmentTypeLabel } from '@/lib/vocabulary/employment-types'
import { ENROLMENT_STATUS_LABELS, IDENTITY_STATUS_LABELS, IDENTITY_STATUSES } from '@/lib/vocabulary/statuses'

export const metadata: Metadata = { title: 'Laporan' }

// Every download is a GET of a streaming route with this form's filter; each button picks the
// report and format. Works without JavaScript.
export default async function ReportsPage() {
  // HR: the agency; a unit operator or head: their units (decision 037). SIASN is HR's upload.
  const officer = await requireAgencyViewer('/hr/laporan')
  const { unitIds, manage } = officer.scope
  const [cohorts, units] = await Promise.all([listCohorts(officer.agencyId, unitIds), listUnits(officer.agencyId, unitIds)])
  if (!cohorts.length) {
    return (
      <>
        <h1>Laporan</h1>
        <p>
          Belum ada kelompok. <Link prefetch={false} href="/hr/kelompok">Buat kelompok</Link> dan tetapkan pesertanya dulu.
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Laporan</h1>
      <p className="muted">
        Laporan hanya berisi pegawai {unitIds ? `unit kerja Anda (${units.map((unit) => unit.name).join(', ')})` : officer.agencyName}. Setiap unduhan dicatat di log audit (siapa, kapan, filter, jumlah baris).
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
              <option value="">{unitIds ? 'Semua unit Anda' : 'Semua unit'}</option>
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
              {EMPLOYMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {employmentTypeLabel(type)}
                </option>
              ))}
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
              <input type="radio" name="pemisah" value="titik-koma" defaultChecked /> Titik koma (Excel/LibreOffice berbahasa Indonesia)
            </label>
            <label>
              <input type="radio" name="pemisah" value="koma" /> Koma (Excel berbahasa Inggris, kebanyakan sistem impor)
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
        <p className="muted" id="jenis-berkas">
          <strong>XLSX</strong> atau <strong>CSV untuk Excel/LibreOffice</strong>: untuk dibuka dan dibaca; NIP tetap 18 digit.{' '}
          <strong>CSV polos untuk impor sistem</strong>: untuk diunggah ke sistem lain (mis. SIASN), NIP sebagai angka polos;
          jangan dibuka lalu disimpan ulang dengan Excel, karena Excel mengubah NIP menjadi 1,99E+17 dan digit terakhirnya hilang.
        </p>
        <div className="actions" role="group" aria-labelledby="unduh-laporan">
          <h3 id="unduh-laporan" className="visually-hidden">Laporan penyelesaian</h3>
          <button type="submit" name="format" value="xlsx" className="button" aria-describedby="jenis-berkas">
            Laporan penyelesaian (XLSX)
          </button>
          <button type="submit" name="format" value="csv-excel" className="button secondary" aria-describedby="jenis-berkas">
            Laporan penyelesaian (CSV untuk Excel/LibreOffice)
          </button>
          <button type="submit" name="format" value="csv" className="button secondary" aria-describedby="jenis-berkas">
            Laporan penyelesaian (CSV polos untuk impor sistem)
          </button>
        </div>
        {manage && (
          <div className="actions" role="group" aria-labelledby="unduh-siasn">
            <h3 id="unduh-siasn" className="visually-hidden">Ekspor SIASN</h3>
            <button type="submit" name="format" value="xlsx" formAction="/api/hr/reports/siasn" className="button secondary" aria-describedby="jenis-berkas">
              Ekspor SIASN (XLSX)
            </button>
            <button type="submit" name="format" value="csv-excel" formAction="/api/hr/reports/siasn" className="button secondary" aria-describedby="jenis-berkas">
              Ekspor SIASN (CSV untuk Excel/LibreOffice)
            </button>
            <button type="submit" name="format" value="csv" formAction="/api/hr/reports/siasn" className="button secondary" aria-describedby="jenis-berkas">
              Ekspor SIASN (CSV polos untuk impor sistem)
            </button>
          </div>
        )}
        <div className="actions">
          <button type="submit" formAction="/api/hr/reports/certificates" className="button secondary">
            Semua sertifikat (ZIP PDF)
          </button>
        </div>
      </form>
    </>
  )
}
