'use client'

import { useActionState } from 'react'
import { startQuizAction, type StartQuizState } from '@/app/(app)/uji/actions'

export function StartQuizForm({ kind, label }: { kind: string; label: string }) {
  const [state, formAction, pending] = useActionState<StartQuizState, FormData>(startQuizAction, null)
  return (
    <form action={formAction}>
      <input type="hidden" name="kind" value={kind} />
      {state?.error && (
        <p className="alert error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Menyiapkan soal…' : label}
      </button>
    </form>
  )
}
