'use client'

import { useActionState, useState } from 'react'
import {
  assignAction,
  assignUnassignedAction,
  cohortRemindersAction,
  createCohortAction,
  selfEnrolCohortAction,
  sendInvitationsAction,
  sendRemindersAction,
  type CohortFormState,
} from '@/app/(app)/hr/kelompok/actions'

function Message({ state }: { state: CohortFormState }) {
  return (
    <div aria-live="polite">
      {state?.error && (
        <p className="alert error" role="alert">
          {state.error}
        </p>
      )}
      {state?.done && (
        <p className="alert success" role="status">
          {state.done}
        </p>
      )}
    </div>
  )
}

function FieldError({ state, field }: { state: CohortFormState; field: string }) {
  const message = state?.fieldErrors?.[field]
  return message ? (
    <span className="field-error" id={`${field}-error`}>
      {message}
    </span>
  ) : null
}

export function CreateCohortForm({ thisYear }: { thisYear: number }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(createCohortAction, null)
  return (
    <form action={action} className="card">
      <h2 className="flush-top">Kelompok baru</h2>
      <fieldset>
        <legend>Jenis</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name="kind" value="onboarding" defaultChecked /> Orientasi ASN/P3K baru
          </label>
          <label>
            <input type="radio" name="kind" value="refresher" /> Penyegaran tahunan
          </label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="year">Tahun</label>
        <input id="year" name="year" type="number" defaultValue={thisYear} min={2020} max={2100} aria-describedby="year-error" />
        <FieldError state={state} field="year" />
      </div>
      <div className="field">
        <label htmlFor="name">Nama kelompok</label>
        <input id="name" name="name" type="text" placeholder={`Orientasi ${thisYear} gelombang 1`} aria-describedby="name-error" />
        <FieldError state={state} field="name" />
      </div>
      <div className="field">
        <label htmlFor="dueDate">Tenggat</label>
        <input id="dueDate" name="dueDate" type="date" aria-describedby="dueDate-error" />
        <FieldError state={state} field="dueDate" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Buat kelompok
      </button>
      <Message state={state} />
    </form>
  )
}

export function AssignForm({
  cohorts,
  units,
  everyone = 'Semua pegawai instansi',
}: {
  cohorts: { id: string; name: string }[]
  units: { id: string; name: string }[]
  /** What "everyone" means: the agency for HR, their units for a unit operator. */
  everyone?: string
}) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(assignAction, null)
  const [target, setTarget] = useState('semua')
  return (
    <form action={action} className="card">
      <h2 className="flush-top">Tetapkan peserta</h2>
      <div className="field">
        <label htmlFor="cohortId">Kelompok</label>
        <select id="cohortId" name="cohortId" required>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Siapa</legend>
        <div className="radio-row">
          {[
            ['semua', everyone],
            ['tanpa-kelompok', 'Yang belum punya kelompok'],
            ['unit', 'Satu unit kerja'],
            ['nip', 'Daftar NIP pilihan'],
          ].map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value as string)} /> {label}
            </label>
          ))}
        </div>
      </fieldset>
      {target === 'unit' && (
        <div className="field">
          <label htmlFor="unitId">Unit kerja</label>
          <select id="unitId" name="unitId" aria-describedby="unitId-error">
            <option value="">— Pilih unit kerja —</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <FieldError state={state} field="unitId" />
        </div>
      )}
      {target === 'nip' && (
        <div className="field">
          <label htmlFor="nips">NIP / NI PPPK (satu per baris)</label>
          <textarea id="nips" name="nips" rows={5} aria-describedby="nips-error" />
          <FieldError state={state} field="nips" />
        </div>
      )}
      <button type="submit" className="button" disabled={pending}>
        Tetapkan
      </button>
      <Message state={state} />
    </form>
  )
}

/** Where self-registered people go: one of the agency's cohorts, or nowhere until HR assigns them. */
export function SelfEnrolCohortForm({ cohorts, currentId }: { cohorts: { id: string; name: string }[]; currentId: string | null }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(selfEnrolCohortAction, null)
  return (
    <form action={action} className="card">
      <h2 className="flush-top">Kelompok untuk pendaftar mandiri</h2>
      <p className="muted">
        Pegawai yang mendaftar sendiri langsung masuk kelompok ini, sehingga terhitung di dasbor dan laporan. Tanpa pilihan, mereka
        menunggu sebagai &ldquo;belum ditugaskan&rdquo; sampai Anda menetapkannya.
      </p>
      <div className="field">
        <label htmlFor="selfEnrolCohortId">Pendaftar mandiri masuk ke</label>
        <select id="selfEnrolCohortId" name="selfEnrolCohortId" defaultValue={currentId ?? ''} aria-describedby="selfEnrolCohortId-error">
          <option value="">— Tidak ada: tunggu penetapan HR —</option>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </select>
        <FieldError state={state} field="selfEnrolCohortId" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Simpan
      </button>
      <Message state={state} />
    </form>
  )
}

/** One click: everyone of the agency without a cohort joins this one. */
export function AssignUnassignedForm({ cohortId, cohortName, count }: { cohortId: string; cohortName: string; count: string }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(assignUnassignedAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="cohortId" value={cohortId} />
      <button type="submit" className="button" disabled={pending}>
        Tetapkan {count} orang ke {cohortName}
      </button>
      <Message state={state} />
    </form>
  )
}

/**
 * "Kirim pengingat" on the dashboard (decision 037): an email now to everyone of the cohort in the
 * viewer's scope who has not passed. A plain form: it works before the page's script has loaded.
 */
export function SendRemindersForm({ cohortId, cohortName, count }: { cohortId: string; cohortName: string; count: string }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(sendRemindersAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="cohortId" value={cohortId} />
      <button type="submit" className="button secondary" disabled={pending}>
        Kirim pengingat ke {count} orang yang belum lulus di {cohortName}
      </button>
      <Message state={state} />
    </form>
  )
}

/**
 * A cohort's due-date reminders on its row: whether they run, and one button to pause or resume
 * them (decision 036). A plain form: it works before the page's script has loaded.
 */
export function CohortRemindersToggle({ cohortId, cohortName, paused }: { cohortId: string; cohortName: string; paused: boolean }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(cohortRemindersAction, null)
  // After a successful change the page is revalidated; the state's line says what happened.
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="pengingat" value={paused ? 'lanjut' : 'jeda'} />
      <span>{paused ? 'Dijeda' : 'Aktif'} </span>
      <button type="submit" className="button secondary" disabled={pending} aria-label={`${paused ? 'Lanjutkan' : 'Jeda'} pengingat ${cohortName}`}>
        {paused ? 'Lanjutkan' : 'Jeda'}
      </button>
      <Message state={state} />
    </form>
  )
}

/**
 * "Kirim undangan": emails each person of the cohort who has not activated their account an
 * activation code and link (decision 036). The CSV of codes stays for people without email.
 */
export function InvitationForm({ cohorts }: { cohorts: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(sendInvitationsAction, null)
  return (
    <form action={action} className="card">
      <h2 className="flush-top">Kirim undangan</h2>
      <p className="muted">
        Email berisi kode aktivasi dan tautan aktivasi untuk setiap peserta kelompok yang belum mengaktifkan akunnya. Kode dari email
        sebelumnya diganti; kode dari CSV tetap berlaku. Untuk pegawai tanpa alamat email yang valid, unduh kode aktivasi (CSV) di halaman Impor.
      </p>
      <div className="field">
        <label htmlFor="invite-cohortId">Kelompok yang diundang</label>
        <select id="invite-cohortId" name="cohortId" required aria-describedby="invite-cohortId-error">
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </select>
        <FieldError state={state} field="cohortId" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Kirim undangan
      </button>
      <Message state={state} />
    </form>
  )
}
