import styles from '@/components/hr/hr.module.css'
import type { CohortOption } from '@/lib/hr/dashboard.server'
import { COHORT_KIND_LABELS } from '@/lib/vocabulary/statuses'

/** "Pilih kelompok": a plain GET form (no client JavaScript) that reloads `action` for a cohort. */
export function CohortPicker({ action, cohorts, selectedId }: { action: string; cohorts: readonly CohortOption[]; selectedId: string }) {
  return (
    <form method="get" action={action} className={styles.filters} aria-label="Pilih kelompok">
      <div>
        <label htmlFor="kelompok">Kelompok</label>
        <select id="kelompok" name="kelompok" defaultValue={selectedId}>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name} ({COHORT_KIND_LABELS[cohort.kind]} {cohort.year}, {cohort.enrolments} peserta)
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Tampilkan
      </button>
    </form>
  )
}
