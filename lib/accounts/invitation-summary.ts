/** What "Kirim undangan" did, as HR reads it (the cohort's form and the import's result say the same). */
export function invitationSummary(result: { sent: number; already: number; unreachable: number }, csvHint = 'berikan kode dari CSV'): string {
  const parts = [`${result.sent} undangan masuk antrean kirim`]
  if (result.already) parts.push(`${result.already} sudah diundang hari ini (tidak dikirim ulang)`)
  if (result.unreachable) parts.push(`${result.unreachable} tanpa alamat email yang valid: ${csvHint}`)
  return `Undangan: ${parts.join('; ')}.`
}
