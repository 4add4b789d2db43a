'use client'

import { useActionState, useState } from 'react'
import { registerAction, type RegistrationState } from '@/app/(site)/daftar/actions'
import type { AgencyOption } from '@/lib/agencies/agencies.server'
import { nipFieldText, PASSWORD_MIN_LENGTH, RETYPE_PASSWORDS_NOTE } from '@/lib/accounts/registration-constants'
import { EMPLOYMENT_TYPE_CHOICE_LABELS, EMPLOYMENT_TYPES } from '@/lib/vocabulary/employment-types'
import { Field } from './field'
import { PrivacyNoticeLine } from './privacy-notice-line'

/**
 * The registration form, a server action that works without JavaScript too. After a rejected
 * submission every field comes back as typed except the passwords (issue 11). The fields are
 * uncontrolled, with the returned values as their defaults, and remount on every rejected
 * submission (`key`): React resets a form to its defaults after an action, and a controlled
 * radio or select would otherwise come back empty while its state still held the old choice.
 */
export function RegistrationForm({ agencies }: { agencies: AgencyOption[] }) {
  const [state, formAction, pending] = useActionState<RegistrationState, FormData>(registerAction, null)
  return (
    <form action={formAction} noValidate>
      <RegistrationFields key={state?.submission ?? 0} agencies={agencies} state={state} pending={pending} />
    </form>
  )
}

function RegistrationFields({ agencies, state, pending }: { agencies: AgencyOption[]; state: RegistrationState; pending: boolean }) {
  const errors = state?.fieldErrors ?? {}
  const values = state?.values ?? {}
  // Only what the page shows around the fields depends on these; the inputs keep their own values.
  const [agencyId, setAgencyId] = useState(values.agencyId ?? '')
  const [employmentType, setEmploymentType] = useState(values.employmentType ?? '')
  // Without JavaScript every unit is listed, grouped by agency; with it, only the chosen agency's.
  const unitGroups = agencyId ? agencies.filter((agency) => agency.id === agencyId) : agencies
  const [unitId, setUnitId] = useState(values.unitId ?? '')
  const unitListed = unitGroups.some((agency) => agency.units.some((unit) => unit.id === unitId))
  const errorCount = Object.keys(errors).length
  const nipField = nipFieldText(employmentType)

  return (
    <>
      {state && (
        <div className="alert error" role="alert">
          {errors.form ?? `Periksa kembali ${errorCount} isian yang ditandai di bawah.`} {RETYPE_PASSWORDS_NOTE}
        </div>
      )}
      <Field id="name" label="Nama lengkap dengan gelar" hint="Tulis persis seperti di SK, termasuk gelar (mis. Dr. Ir. Sari Dewi, S.Kom., M.Si.). Nama ini dicetak di sertifikat." error={errors.name}>
        {(aria) => <input id="name" name="name" type="text" autoComplete="name" required maxLength={200} defaultValue={values.name} {...aria} />}
      </Field>
      <fieldset aria-describedby={errors.employmentType ? 'employmentType-error' : undefined}>
        <legend>Jenis kepegawaian</legend>
        <div className="radio-row">
          {EMPLOYMENT_TYPES.map((type) => (
            <label key={type}>
              <input
                type="radio"
                name="employmentType"
                value={type}
                required
                defaultChecked={values.employmentType === type}
                onChange={() => setEmploymentType(type)}
              />
              {EMPLOYMENT_TYPE_CHOICE_LABELS[type]}
            </label>
          ))}
        </div>
        {errors.employmentType && (
          <span className="field-error" id="employmentType-error">
            {errors.employmentType}
          </span>
        )}
      </fieldset>
      <Field id="nip" label={nipField.label} hint={nipField.hint} error={errors.nip}>
        {(aria) => (
          <input id="nip" name="nip" type="text" inputMode="numeric" autoComplete="off" required maxLength={40} defaultValue={values.nip} {...aria} />
        )}
      </Field>
      <Field id="agencyId" label="Instansi" error={errors.agencyId}>
        {(aria) => (
          <select id="agencyId" name="agencyId" required defaultValue={values.agencyId ?? ''} onChange={(event) => setAgencyId(event.target.value)} {...aria}>
            <option value="">— Pilih instansi —</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="unitId" label="Unit kerja" error={errors.unitId}>
        {(aria) => (
          // Remounted when the agency changes, so a unit of the previous agency is not kept.
          <select
            id="unitId"
            name="unitId"
            required
            defaultValue={unitListed ? unitId : ''}
            onChange={(event) => setUnitId(event.target.value)}
            key={agencyId}
            {...aria}
          >
            <option value="">— Pilih unit kerja —</option>
            {unitGroups.map((agency) => (
              <optgroup key={agency.id} label={agency.name}>
                {agency.units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field id="email" label="Email" hint="Sebaiknya email dinas Anda." error={errors.email}>
        {(aria) => <input id="email" name="email" type="email" autoComplete="email" required defaultValue={values.email} {...aria} />}
      </Field>
      <Field
        id="password"
        label="Kata sandi"
        hint={`${state ? 'Ketik ulang. ' : ''}Minimal ${PASSWORD_MIN_LENGTH} karakter, berisi huruf dan angka atau simbol.`}
        error={errors.password}
      >
        {(aria) => <input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} {...aria} />}
      </Field>
      <Field id="passwordConfirm" label="Ulangi kata sandi" hint={state ? 'Ketik ulang.' : undefined} error={errors.passwordConfirm}>
        {(aria) => <input id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" required {...aria} />}
      </Field>
      <PrivacyNoticeLine action="membuat akun" />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Buat akun'}
      </button>
    </>
  )
}
