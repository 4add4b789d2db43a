/**
 * The fields of the code-and-password form (activation with HR's code, and a reset with HR's
 * reset code), as the account functions take them: a missing field is `undefined`, so their zod
 * schemas answer "wajib diisi" rather than a length message.
 */
export function codeAndPasswordInput(formData: FormData) {
  return {
    nip: formData.get('nip') ?? undefined,
    code: formData.get('code') ?? undefined,
    password: formData.get('password') ?? undefined,
    passwordConfirm: formData.get('passwordConfirm') ?? undefined,
  }
}
