import type { EmploymentType } from '@/lib/identity/nip'

// Shared by the registration form (client) and its schema (server); no zod here, so the
// form's JavaScript stays small.
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128
export const NAME_MAX_LENGTH = 200
export const EMPLOYMENT_TYPES = ['PNS', 'CPNS', 'PPPK'] as const satisfies readonly EmploymentType[]

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  PNS: 'PNS',
  CPNS: 'CPNS (calon PNS)',
  PPPK: 'PPPK (P3K)',
}
