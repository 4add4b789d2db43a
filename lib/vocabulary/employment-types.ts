import { EmploymentType as SCHEMA_EMPLOYMENT_TYPE } from '@/lib/db/generated/sqlite/enums'

/**
 * Employment types come from the schema's enum (`prisma/schema.prisma`, `enum EmploymentType`),
 * never from a hand-written list: adding a type to the schema adds it to every form, filter,
 * chart and report. The generated module holds only constants (no database code), so client
 * components may import it too. The SQLite and PostgreSQL clients generate the same enum
 * (employment-types.test.ts checks it).
 */
export type EmploymentType = (typeof SCHEMA_EMPLOYMENT_TYPE)[keyof typeof SCHEMA_EMPLOYMENT_TYPE]

/** In the schema's order: PNS, CPNS, PPPK. */
export const EMPLOYMENT_TYPES = Object.values(SCHEMA_EMPLOYMENT_TYPE) as [EmploymentType, ...EmploymentType[]]

/** The short label in tables, charts and files: the type's own abbreviation ("PNS", "PPPK"). */
export function employmentTypeLabel(type: EmploymentType | null | undefined): string {
  return type ?? NO_EMPLOYMENT_TYPE_LABEL
}

/** The longer label where a person chooses their own type (registration). */
export const EMPLOYMENT_TYPE_CHOICE_LABELS: Record<EmploymentType, string> = {
  PNS: 'PNS',
  CPNS: 'CPNS (calon PNS)',
  PPPK: 'PPPK (P3K)',
}

/** A person whose type nobody has recorded yet (dashboard groups). */
export const NO_EMPLOYMENT_TYPE_LABEL = 'Jenis kepegawaian tidak diisi'

export function isEmploymentType(value: unknown): value is EmploymentType {
  return typeof value === 'string' && (EMPLOYMENT_TYPES as readonly string[]).includes(value)
}

/** "NIP" or "NI PPPK": what the person's 18-digit number is called. */
export function nipLabel(employmentType: EmploymentType | null | undefined): 'NIP' | 'NI PPPK' {
  return employmentType === 'PPPK' ? 'NI PPPK' : 'NIP'
}
