'use client'

import { useActionState, useEffect, useRef, useState } from 'react'
import { useRouter } from 'next/navigation'
import { cancelAssignmentAction, type CohortFormState } from '@/app/(app)/hr/kelompok/actions'
import {
  assignmentPercent,
  assignmentStatusLabel,
  assignmentTargetLabel,
  describeAssignmentCounts,
  isActiveAssignment,
  type AssignmentCounts,
} from '@/lib/hr/assignment-summary'
import { formatNumber } from '@/lib/format/indonesian'

export type AssignmentProgressJob = {
  id: string
  cohortName: string
  target: string
  status: string
  total: number
  processed: number
  counts: AssignmentCounts
  error: string | null
  /** Whether this officer may stop it (HR: any of the agency's; a unit operator: their own). */
  cancellable: boolean
}

const POLL_MS = 2000

/**
 * An assignment applied in the background (decision 049): a progress bar that follows
 * /api/hr/penetapan/<id> while it runs, its result when done, and "Hentikan". Screen readers
 * hear the state when it changes (started, done, failed), not every percent.
 */
export function AssignmentProgress({ job: initial }: { job: AssignmentProgressJob }) {
  const router = useRouter()
  const [job, setJob] = useState(initial)
  const [state, cancel, pending] = useActionState<CohortFormState, FormData>(cancelAssignmentAction, null)
  const active = isActiveAssignment(job.status)
  const refreshed = useRef(false)

  useEffect(() => {
    if (!active) return
    let stopped = false
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/hr/penetapan/${encodeURIComponent(job.id)}`, { cache: 'no-store' })
        if (!response.ok || stopped) return
        const next = (await response.json()) as Omit<AssignmentProgressJob, 'target' | 'cancellable'>
        setJob((current) => ({ ...current, ...next }))
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    }, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [active, job.id])

  useEffect(() => {
    // The cohort table's numbers change with the assignment: re-render the page once it ends.
    if (!active && isActiveAssignment(initial.status) && !refreshed.current) {
      refreshed.current = true
      router.refresh()
    }
  }, [active, initial.status, router])

  const percent = assignmentPercent(job.processed, job.total)
  const labelId = `penetapan-${job.id}`
  return (
    <div className="assignment-progress">
      <p id={labelId}>
        <strong>{job.cohortName}</strong> · {assignmentTargetLabel(job.target)} · <span aria-live="polite">{assignmentStatusLabel(job.status)}</span>
      </p>
      <progress aria-labelledby={labelId} max={Math.max(job.total, 1)} value={job.total ? job.processed : 1} className="full-width" />
      <p className="muted">
        {formatNumber(job.processed)} dari {formatNumber(job.total)} orang ({percent}%)
      </p>
      {job.status === 'done' && <p className="alert success">Penetapan selesai: {describeAssignmentCounts(job.counts)}.</p>}
      {job.status === 'cancelled' && <p className="alert">Dihentikan. Sampai saat itu: {describeAssignmentCounts(job.counts)}.</p>}
      {job.error && <p className={job.status === 'failed' ? 'alert error' : 'muted'}>{job.error}</p>}
      {active && job.cancellable && (
        <form action={cancel}>
          <input type="hidden" name="jobId" value={job.id} />
          <button type="submit" className="button secondary" disabled={pending}>
            Hentikan penetapan ke {job.cohortName}
          </button>
        </form>
      )}
      {state?.error && (
        <p className="alert error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  )
}
