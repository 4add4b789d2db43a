import { PASSWORD_MIN_LENGTH } from '@/lib/accounts/registration-constants'
import { Field } from './field'

/** "Kata sandi baru" and its confirmation, as every form that sets a password asks for them. */
export function NewPasswordFields({
  errors,
  confirmLabel = 'Ulangi kata sandi',
}: {
  errors: { password?: string; passwordConfirm?: string }
  confirmLabel?: string
}) {
  return (
    <>
      <Field id="password" label="Kata sandi baru" hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, berisi huruf dan angka atau simbol.`} error={errors.password}>
        {(aria) => <input id="password" name="password" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <Field id="passwordConfirm" label={confirmLabel} error={errors.passwordConfirm}>
        {(aria) => <input id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" {...aria} />}
      </Field>
    </>
  )
}
