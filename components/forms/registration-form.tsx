'use client'

import { useActionState, useState } from 'react'
import { registerAction, type RegistrationState } from '@/app/(site)/daftar/actions'
import type { AgencyOption } from '@/lib/agencies/agencies.server'
import { EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES, PASSWORD_MIN_LENGTH } from '@/lib/accounts/registration-constants'
import { Field } from './field'

export function RegistrationForm({ agencies }: { agencies: AgencyOption[] }) {
  const [state, formAction, pending] = useActionState<RegistrationState, FormData>(registerAction, null)
  const errors = state?.fieldErrors ?? {}
  const values = state?.values ?? {}
  const [agencyId, setAgencyId] = useState(values.agencyId ?? '')
  const [employmentType, setEmploymentType] = useState(values.employmentType ?? '')
  // Without JavaScript every unit is listed, grouped by agency; with it, only the chosen agency's.
  const unitGroups = agencyId ? agencies.filter((agency) => agency.id === agencyId) : agencies
  const errorCount = Object.keys(errors).length

  return (
    <form action={formAction} noValidate>
      {errorCount > 0 && (
        <div className="alert error" role="alert">
          {errors.form ?? `Periksa kembali ${errorCount} isian yang ditandai di bawah.`}
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
                checked={employmentType === type}
                onChange={() => setEmploymentType(type)}
              />
              {EMPLOYMENT_TYPE_LABELS[type]}
            </label>
          ))}
        </div>
        {errors.employmentType && (
          <span className="field-error" id="employmentType-error">
            {errors.employmentType}
          </span>
        )}
      </fieldset>
      <Field
        id="nip"
        label={employmentType === 'PPPK' ? 'NI PPPK' : 'NIP'}
        hint="18 angka tanpa spasi, mis. 198609262015051001."
        error={errors.nip}
      >
        {(aria) => (
          <input id="nip" name="nip" type="text" inputMode="numeric" autoComplete="off" required maxLength={40} defaultValue={values.nip} {...aria} />
        )}
      </Field>
      <Field id="agencyId" label="Instansi" error={errors.agencyId}>
        {(aria) => (
          <select id="agencyId" name="agencyId" required value={agencyId} onChange={(event) => setAgencyId(event.target.value)} {...aria}>
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
          <select id="unitId" name="unitId" required defaultValue={values.unitId ?? ''} key={agencyId} {...aria}>
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
      <Field id="password" label="Kata sandi" hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, berisi huruf dan angka atau simbol.`} error={errors.password}>
        {(aria) => <input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} {...aria} />}
      </Field>
      <Field id="passwordConfirm" label="Ulangi kata sandi" error={errors.passwordConfirm}>
        {(aria) => <input id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" required {...aria} />}
      </Field>
      <p className="hint">
        Data Anda (nama, NIP, email) dipakai untuk kursus dan sertifikat, dan hanya dapat dilihat oleh Anda dan
        admin kepegawaian instansi Anda (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).
      </p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Buat akun'}
      </button>
    </form>
  )
}
