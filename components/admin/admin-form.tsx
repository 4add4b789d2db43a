'use client'

import { useActionState } from 'react'
import { Field } from '@/components/forms/field'
import type { AdminFormState } from '@/lib/admin/form-result'

export type AdminFieldSpec = {
  name: string
  label: string
  hint?: string
  defaultValue?: string
  /** Text input by default; a select when options are given. */
  options?: { value: string; label: string }[]
  placeholder?: string
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url'
  maxLength?: number
  autoCapitalize?: 'characters' | 'off'
}

type AdminFormProps = {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>
  /** Makes the input ids unique when one page holds several forms. */
  idPrefix: string
  fields: AdminFieldSpec[]
  hidden?: Record<string, string>
  submitLabel: string
  /** Names the form for assistive technology (e.g. "Ubah nama unit Dinas Pendidikan"). */
  label?: string
  secondary?: boolean
  compact?: boolean
}

/**
 * One admin form: labelled fields with their hints and errors (from the server action, in
 * Bahasa Indonesia), what was typed kept after an error, and a status line after success.
 */
export function AdminForm({ action, idPrefix, fields, hidden = {}, submitLabel, label, secondary, compact }: AdminFormProps) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, null)
  const errors = state?.fieldErrors ?? {}
  const values = state?.values ?? {}
  const fieldErrorCount = fields.filter((field) => errors[field.name]).length
  const formError = errors.form ?? Object.entries(errors).find(([name]) => name !== 'form' && !fields.some((field) => field.name === name))?.[1]
  return (
    <form action={formAction} noValidate aria-label={label} className={compact ? 'admin-inline-form' : undefined}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div aria-live="polite" className="admin-form-status">
        {formError && (
          <div className="alert error" role="alert">
            {formError}
          </div>
        )}
        {!formError && fieldErrorCount > 1 && (
          <div className="alert error" role="alert">
            Periksa kembali {fieldErrorCount} isian yang ditandai di bawah.
          </div>
        )}
        {state?.done && (
          <div className="alert success" role="status">
            {state.done}
          </div>
        )}
      </div>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`
        const value = values[field.name] ?? field.defaultValue ?? ''
        return (
          <Field key={`${field.name}-${state?.done ?? ''}`} id={id} label={field.label} hint={field.hint} error={errors[field.name]}>
            {(aria) =>
              field.options ? (
                <select id={id} name={field.name} defaultValue={value} {...aria}>
                  {field.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  name={field.name}
                  type="text"
                  defaultValue={value}
                  inputMode={field.inputMode}
                  placeholder={field.placeholder}
                  maxLength={field.maxLength}
                  autoCapitalize={field.autoCapitalize}
                  autoComplete="off"
                  {...aria}
                />
              )
            }
          </Field>
        )
      })}
      <button type="submit" className={secondary ? 'button secondary' : 'button'} disabled={pending}>
        {pending ? 'Menyimpan…' : submitLabel}
      </button>
    </form>
  )
}
