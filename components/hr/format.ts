import { maskNip } from '@/lib/identity/nip'
import { formatNumber, MISSING } from '@/lib/format/indonesian'

/** What only the HR and admin screens write; numbers and dates come from lib/format/indonesian. */

export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value))}`
}

/** Time on task for HR: "0 mnt", "42 mnt", "1 j 05 mnt" (rounded to whole minutes). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return MISSING
  const minutes = Math.round(Math.max(0, seconds) / 60)
  if (minutes < 60) return `${minutes} mnt`
  return `${Math.floor(minutes / 60)} j ${String(minutes % 60).padStart(2, '0')} mnt`
}

/**
 * What tells two people with the same name apart in HR and admin lists: their unit and their
 * masked NIP (the one masking function, `maskNip`), e.g. "Dinas Pendidikan · 1991••••••••••3004".
 * Empty when neither is known.
 */
export function personTag(person: { unitName?: string | null; nip?: string | null }): string {
  const parts = [person.unitName?.trim() || null, person.nip ? maskNip(person.nip) : null].filter((part): part is string => Boolean(part))
  return parts.join(' · ')
}

/**
 * A person's name as buttons and forms in a list say it, told apart from a namesake: the name
 * with their masked NIP, or their email when they have no NIP ("Ayu (1991••••••••••3004)",
 * "Ayu (ayu@kota.go.id)"). Two people called "Ayu" get two different accessible names.
 */
export function distinctName(person: { name: string; nip?: string | null; email?: string | null }): string {
  const tag = person.nip ? maskNip(person.nip) : person.email?.trim() || null
  return tag ? `${person.name} (${tag})` : person.name
}
