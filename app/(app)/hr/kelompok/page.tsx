import type { Metadata } from 'next'
import { AssignForm, CohortRemindersToggle, CreateCohortForm, InvitationForm, SelfEnrolCohortForm } from '@/components/roster/cohort-forms'
import { listUnits } from '@/lib/agencies/agencies.server'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { DataTable } from '@/components/data-table'
import { formatLongDate, formatNumber, MISSING, yearWib } from '@/lib/format/indonesian'
import { COHORT_KIND_LABELS } from '@/lib/vocabulary/statuses'
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
      <p className="muted">
        Peserta yang belum lulus menerima pengingat lewat email 7 hari dan 1 hari sebelum tenggat, lalu tiap minggu selama
        terlambat (paling banyak satu pengingat sehari). Jeda pengingat sebuah kelompok bila tidak diperlukan.
      </p>
      {cohorts.length > 0 && (
        <div className="card">
          <DataTable
            caption={`Kelompok ${officer.agencyName ?? ''}`.trim()}
            captionVisible
            columns={[
              {
                key: 'name',
                header: 'Nama',
                cell: (cohort) => (
                  <>
                    {cohort.name}
                    {cohort.id === selfEnrolCohortId && <span className="muted"> (pendaftar mandiri masuk ke sini)</span>}
                  </>
                ),
              },
              { key: 'kind', header: 'Jenis', cell: (cohort) => `${COHORT_KIND_LABELS[cohort.kind]} ${cohort.year}` },
              { key: 'dueDate', header: 'Tenggat', cell: (cohort) => (cohort.dueDate ? formatLongDate(cohort.dueDate) : MISSING) },
              { key: 'enrolments', header: 'Peserta', align: 'end', nowrap: true, cell: (cohort) => formatNumber(cohort._count.enrolments) },
              {
                key: 'reminders',
                header: 'Pengingat tenggat',
                cell: (cohort) => <CohortRemindersToggle cohortId={cohort.id} cohortName={cohort.name} paused={cohort.remindersPausedAt !== null} />,
              },
            ]}
            rows={cohorts}
            rowKey={(cohort) => cohort.id}
            empty="Belum ada kelompok."
          />
        </div>
      )}
      <div className="grid grid-2" style={{ marginTop: '1rem' }}>
        <CreateCohortForm thisYear={yearWib(new Date())} />
        {cohorts.length > 0 && <AssignForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} units={units} />}
        {cohorts.length > 0 && <InvitationForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} />}
        {cohorts.length > 0 && <SelfEnrolCohortForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} currentId={selfEnrolCohortId} />}
      </div>
    </>
  )
}
