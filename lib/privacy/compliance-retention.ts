/**
 * The same calendar date `years` later (29 February falls back to 28 February): when a
 * certificate's compliance period ends, `complianceRetentionYears` after its validity (decision 047).
 */
export function yearsAfter(date: Date, years: number): Date {
  const later = new Date(date)
  later.setUTCFullYear(date.getUTCFullYear() + years)
  if (later.getUTCDate() !== date.getUTCDate()) later.setUTCDate(0)
  return later
}

/** What an anonymised certificate says where the holder's name was. */
export const ANONYMISED_NAME = 'Dianonimkan'
