'use client'

import { useActionState } from 'react'
import { startQuizAction, type StartQuizState } from '@/app/(app)/uji/actions'

export function StartQuizForm({ kind, label }: { kind: string; label: string }) {
  const [state, formAction, pending] = useActionState<StartQuizState, FormData>(startQuizAction, null)
  // The form has no visible field: a refused `kind` is said on the form's error line too.
  const error = state?.error ?? state?.fieldErrors?.kind
  return (
    <form action={formAction}>
      <input type="hidden" name="kind" value={kind} />
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Menyiapkan soal…' : label}
      </button>
    </form>
  )
}
