import type { Metadata } from 'next'
import { AssignForm, CohortRemindersToggle, CreateCohortForm, InvitationForm, SelfEnrolCohortForm } from '@/components/roster/cohort-forms'
import { listUnits } from '@/lib/agencies/agencies.server'
import { forbidden } from 'next/navigation'
import { requireAgencyViewer } from '@/lib/auth/session.server'
import { DataTable } from '@/components/data-table'
import { formatLongDate, formatNumber, MISSING, yearWib } from '@/lib/format/indonesian'
import { COHORT_KIND_LABELS } from '@/lib/vocabulary/statuses'
import { getSelfEnrolCohortId } from '@/lib/hr/cohorts.server'
import { recentAssignments } from '@/lib/hr/assignment-jobs.server'
import { AssignmentProgress } from '@/components/roster/assignment-progress'
import { listCohorts } from '@/lib/hr/dashboard.server'

export const metadata: Metadata = { title: 'Kelompok' }

export default async function CohortsPage() {
  // HR manages cohorts; a unit operator assigns their units' people to them (decision 037).
  const officer = await requireAgencyViewer('/hr/kelompok')
  const { scope } = officer
  if (!scope.act) forbidden()
  const [cohorts, units, selfEnrolCohortId, assignments] = await Promise.all([
    listCohorts(officer.agencyId, scope.unitIds),
    listUnits(officer.agencyId, scope.unitIds),
    getSelfEnrolCohortId(officer.agencyId),
    recentAssignments({ id: officer.id, agencyId: officer.agencyId, unitIds: scope.unitIds }),
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
      {assignments.length > 0 && (
        <section id="penetapan" className="card" aria-labelledby="penetapan-judul">
          <h2 className="flush-top" id="penetapan-judul">
            Penetapan di latar belakang
          </h2>
          <p className="muted">
            Penetapan besar diterapkan bertahap di latar belakang; peserta yang sudah ditetapkan langsung terlihat di dasbor. Anda boleh
            meninggalkan halaman ini.
          </p>
          {assignments.map((job) => (
            <AssignmentProgress
              key={`${job.id}-${job.status}-${job.processed}`}
              job={{
                id: job.id,
                cohortName: job.cohortName,
                target: job.target,
                status: job.status,
                total: job.total,
                processed: job.processed,
                counts: job.counts,
                error: job.error,
                cancellable: scope.manage || job.mine,
              }}
            />
          ))}
        </section>
      )}
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
              { key: 'enrolments', header: 'Peserta', align: 'end', nowrap: true, cell: (cohort) => formatNumber(cohort.enrolments) },
              ...(scope.manage
                ? [
                    {
                      key: 'reminders',
                      header: 'Pengingat tenggat',
                      cell: (cohort: (typeof cohorts)[number]) => (
                        <CohortRemindersToggle cohortId={cohort.id} cohortName={cohort.name} paused={cohort.remindersPausedAt !== null} />
                      ),
                    },
                  ]
                : []),
            ]}
            rows={cohorts}
            rowKey={(cohort) => cohort.id}
            empty="Belum ada kelompok."
          />
        </div>
      )}
      <div className="grid grid-2 space-top">
        {scope.manage && <CreateCohortForm thisYear={yearWib(new Date())} />}
        {cohorts.length > 0 && (
          <AssignForm
            cohorts={cohorts.map(({ id, name }) => ({ id, name }))}
            units={units}
            everyone={scope.unitIds ? 'Semua pegawai unit Anda' : undefined}
          />
        )}
        {scope.manage && cohorts.length > 0 && <InvitationForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} />}
        {scope.manage && cohorts.length > 0 && (
          <SelfEnrolCohortForm cohorts={cohorts.map(({ id, name }) => ({ id, name }))} currentId={selfEnrolCohortId} />
        )}
      </div>
    </>
  )
}
