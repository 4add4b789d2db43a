/**
 * Turns validated roster rows into the preview HR sees before anything is written: which rows
 * create accounts, which move an existing person to another unit, which change nothing, and
 * which are rejected and why — plus the plan the import carries out, all or nothing.
 *
 * Why these rules: an import must never silently overwrite someone's data. An existing
 * person's name and email are left alone (a difference is noted, not applied); a person
 * registered with another agency is not taken over; an email that belongs to someone else is
 * not reused; when a NIP or email appears twice in the file, the first row wins and the later
 * rows are rejected with the row they repeat. Lookups are batched (e.g. 500 per query) so a
 * 50,000-row roster costs ~100 queries per lookup, not 50,000. No database imports: the
 * lookups are functions the caller provides.
 *
 * Whose NIP is it (issue 10): a NIP self-registered by someone is only claimed. A row naming a
 * claimant of this agency with a matching name (titles, case and punctuation aside) verifies
 * them. A row whose NIP is claimed by someone else — another name, or an account in another
 * agency — is a conflict HR must decide before importing: confirm the claimant (only one of
 * this agency) or reject the claim, which releases the NIP for the roster's account.
 *
 * The caller should classify again inside the import transaction: the database may have
 * changed between preview and confirmation.
 */
import { namesMatch } from '@/lib/identity/person-name'
import { nipLabel } from '@/lib/identity/nip'
import { backgroundTurn, turnAfter } from './next-turn'
import type { RosterRow, RowValidation } from './validate-roster'

export interface ExistingPerson {
  userId: string
  nip: string
  name: string
  email: string
  agencyId: string | null
  unitId: string | null
  employmentType?: string | null
  /** Whose NIP is it; absent means verified (the agency's own record). */
  identityStatus?: 'claimed' | 'verified' | 'rejected'
  /** For a claimant of another agency, nothing of theirs but the name is shown. */
  unitName?: string | null
  agencyName?: string | null
  createdAt?: Date
}

export interface EmailOwner {
  email: string
  userId: string
  nip: string | null
}

export interface RosterLookups {
  /** The HR officer's agency: the only one the import may touch. */
  agencyId: string
  /** The units of that agency. */
  units: Iterable<{ id: string; name: string }>
  /** People with any of these NIPs, in any agency (absent ones simply not returned). */
  findPeopleByNip: (nips: string[]) => Promise<Iterable<ExistingPerson>>
  /** Accounts with any of these (lower-case) emails, in any agency. */
  findAccountsByEmail: (emails: string[]) => Promise<Iterable<EmailOwner>>
  /** Keys per lookup call. Default 500. */
  batchSize?: number
}

export interface PlannedAccount extends RosterRow {
  unitId: string
}

export interface UnitUpdate {
  rowNumber: number
  userId: string
  unitId: string
  previousUnitId: string | null
}

/** A claimant of this agency whose name matches the roster: the import verifies them. */
export interface ClaimVerification {
  rowNumber: number
  userId: string
  nip: string
}

/** HR's choice for a conflict: confirm the claimant, or reject the claim. */
export type ConflictDecision = 'konfirmasi' | 'tolak'

/**
 * A roster row whose NIP an unverified account claims under another name, or from another
 * agency. Details of the claimant beyond the name only when the claimant is in this agency.
 */
export interface ClaimConflict {
  rowNumber: number
  nip: string
  rosterName: string
  claimant: {
    userId: string
    name: string
    nameMatches: boolean
    sameAgency: boolean
    email: string | null
    unitName: string | null
    registeredAt: string | null
  }
  /** The decisions HR may take: 'konfirmasi' only for a claimant of this agency. */
  allowed: ConflictDecision[]
  /** The roster's account, created when the claim is rejected. */
  account: PlannedAccount
}

export interface RowRejection {
  rowNumber: number
  reasons: string[]
}

export interface RowNote {
  rowNumber: number
  message: string
}

export interface RosterPreview {
  /**
   * Every row is exactly one of create, updateUnit, unchanged, rejected or conflict; `verify`
   * counts the claimants among updateUnit and unchanged that the import verifies.
   */
  counts: { rows: number; create: number; updateUnit: number; unchanged: number; rejected: number; verify: number; conflict: number }
  /** Sorted by row number. */
  rejections: RowRejection[]
  /** Rows that are not rejected but where the file differs from what is kept (name, email...). */
  notes: RowNote[]
  /** Sorted by row number; each needs HR's decision before the import. */
  conflicts: ClaimConflict[]
  plan: { create: PlannedAccount[]; updateUnit: UnitUpdate[]; verify: ClaimVerification[] }
  /** Why there is nothing to import (the confirm button stays disabled), or null. */
  blocker: string | null
}

/** Case-insensitive, whitespace-normalised: " Bagian  umum " matches "Bagian Umum". */
export function normalizeUnitName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id-ID')
}

export const DEFAULT_LOOKUP_BATCH = 500

async function lookupInBatches<T>(
  keys: string[],
  batchSize: number,
  find: (batch: string[]) => Promise<Iterable<T>>,
): Promise<T[]> {
  const found: T[] = []
  for (let i = 0; i < keys.length; i += batchSize) {
    for (const item of await find(keys.slice(i, i + batchSize))) found.push(item)
    // Each lookup is a query; on SQLite a synchronous one, so let other requests in between.
    await backgroundTurn()
  }
  return found
}

export async function classifyRoster(
  validations: readonly RowValidation[],
  lookups: RosterLookups,
): Promise<RosterPreview> {
  const batchSize = Math.max(1, lookups.batchSize ?? DEFAULT_LOOKUP_BATCH)
  const reasonsByRow = new Map<number, string[]>()
  const reject = (rowNumber: number, reason: string) => {
    const list = reasonsByRow.get(rowNumber)
    if (list) list.push(reason)
    else reasonsByRow.set(rowNumber, [reason])
  }

  // 1. Per-row problems and duplicates within the file (first occurrence wins, valid or not).
  const firstRowByNip = new Map<string, number>()
  const firstRowByEmail = new Map<string, number>()
  const candidates: RosterRow[] = []
  for (const [index, validation] of validations.entries()) {
    await turnAfter(index)
    const rowNumber = validation.ok ? validation.row.rowNumber : validation.rowNumber
    const nip = validation.ok ? validation.row.nip : validation.nip
    const email = validation.ok ? validation.row.email : validation.email
    if (!validation.ok) for (const reason of validation.reasons) reject(rowNumber, reason)
    let duplicate = false
    if (nip !== '') {
      const first = firstRowByNip.get(nip)
      if (first === undefined) firstRowByNip.set(nip, rowNumber)
      else {
        const label = validation.ok ? nipLabel(validation.row.employmentType) : 'NIP'
        reject(rowNumber, `${label} ganda dalam berkas (juga di baris ${first}).`)
        duplicate = true
      }
    }
    if (email !== '') {
      const first = firstRowByEmail.get(email)
      if (first === undefined) firstRowByEmail.set(email, rowNumber)
      else {
        reject(rowNumber, `Email ganda dalam berkas (juga di baris ${first}).`)
        duplicate = true
      }
    }
    if (validation.ok && !duplicate) candidates.push(validation.row)
  }

  // 2. Units of the HR officer's agency.
  const unitIdsByName = new Map<string, string[]>()
  for (const unit of lookups.units) {
    const key = normalizeUnitName(unit.name)
    unitIdsByName.set(key, [...(unitIdsByName.get(key) ?? []), unit.id])
  }
  const withUnit: Array<{ row: RosterRow; unitId: string }> = []
  for (const [index, row] of candidates.entries()) {
    await turnAfter(index)
    const ids = unitIdsByName.get(normalizeUnitName(row.unitName))
    if (!ids) reject(row.rowNumber, `Unit kerja tidak dikenal: "${row.unitName}". Periksa ejaannya di daftar unit kerja instansi.`)
    else if (ids.length > 1) reject(row.rowNumber, `Nama unit kerja "${row.unitName}" dipakai lebih dari satu unit; hubungi admin.`)
    else withUnit.push({ row, unitId: ids[0]! })
  }

  // 3. People already registered, by NIP.
  const people = await lookupInBatches(
    withUnit.map(({ row }) => row.nip),
    batchSize,
    lookups.findPeopleByNip,
  )
  const personByNip = new Map(people.map((p) => [p.nip, p]))
  const notes: RowNote[] = []
  const updateUnit: UnitUpdate[] = []
  const newPeople: Array<{ row: RosterRow; unitId: string }> = []
  let unchanged = 0
  const verify: ClaimVerification[] = []
  const conflictCandidates: Array<{ row: RosterRow; unitId: string; person: ExistingPerson }> = []
  for (const [index, item] of withUnit.entries()) {
    await turnAfter(index)
    const { row, unitId } = item
    const person = personByNip.get(row.nip)
    if (!person) {
      newPeople.push(item)
      continue
    }
    const claimed = person.identityStatus === 'claimed'
    const sameAgency = person.agencyId === lookups.agencyId
    if (claimed && !(sameAgency && namesMatch(person.name, row.name))) {
      conflictCandidates.push({ row, unitId, person })
      continue
    }
    if (!sameAgency) {
      reject(
        row.rowNumber,
        'Orang ini terverifikasi di instansi lain. Ajukan mutasi (menu Mutasi) agar instansi asalnya menyetujui pemindahan.',
      )
      continue
    }
    if (claimed) verify.push({ rowNumber: row.rowNumber, userId: person.userId, nip: row.nip })
    const kept: string[] = []
    if (!claimed && person.name !== row.name) kept.push('nama')
    if (person.email.toLowerCase() !== row.email) kept.push('email')
    if (person.employmentType && person.employmentType !== row.employmentType) kept.push('jenis kepegawaian')
    if (kept.length > 0) {
      notes.push({
        rowNumber: row.rowNumber,
        message: `Sudah terdaftar; ${kept.join(', ')} di berkas berbeda dengan data akun. Data akun tidak diubah.`,
      })
    }
    if (person.unitId === unitId) unchanged++
    else updateUnit.push({ rowNumber: row.rowNumber, userId: person.userId, unitId, previousUnitId: person.unitId })
  }

  // 4. New people: their email must not belong to another account.
  // A rejected claim creates the roster's account, so a conflict row's email must be free too.
  const owners = await lookupInBatches(
    [...newPeople, ...conflictCandidates].map(({ row }) => row.email),
    batchSize,
    lookups.findAccountsByEmail,
  )
  const takenEmails = new Set(owners.map((o) => o.email.toLowerCase()))
  const create: PlannedAccount[] = []
  for (const [index, { row, unitId }] of newPeople.entries()) {
    await turnAfter(index)
    if (takenEmails.has(row.email)) reject(row.rowNumber, 'Email sudah dipakai akun lain.')
    else create.push({ ...row, unitId })
  }
  const conflicts: ClaimConflict[] = []
  for (const { row, unitId, person } of conflictCandidates) {
    const sameAgency = person.agencyId === lookups.agencyId
    // Rejecting the claim creates the roster's account, which needs the row's email free.
    const canReject = !takenEmails.has(row.email)
    if (!canReject && !sameAgency) {
      reject(
        row.rowNumber,
        'NIP ini diklaim akun yang belum diverifikasi, dan email di berkas sudah dipakai akun lain: ganti email di berkas agar klaim dapat diputuskan.',
      )
      continue
    }
    const allowed: ConflictDecision[] = []
    if (sameAgency) allowed.push('konfirmasi')
    if (canReject) allowed.push('tolak')
    conflicts.push({
      rowNumber: row.rowNumber,
      nip: row.nip,
      rosterName: row.name,
      claimant: {
        userId: person.userId,
        name: person.name,
        nameMatches: namesMatch(person.name, row.name),
        sameAgency,
        email: sameAgency ? person.email : null,
        unitName: sameAgency ? (person.unitName ?? null) : null,
        registeredAt: sameAgency && person.createdAt ? person.createdAt.toISOString() : null,
      },
      allowed,
      account: { ...row, unitId },
    })
  }
  conflicts.sort((a, b) => a.rowNumber - b.rowNumber)

  const rejections = [...reasonsByRow]
    .map(([rowNumber, reasons]) => ({ rowNumber, reasons }))
    .sort((a, b) => a.rowNumber - b.rowNumber)
  const rows = validations.length
  let blocker: string | null = null
  if (rows === 0) blocker = 'Berkas tidak berisi baris data pegawai di bawah baris judul.'
  else if (create.length + updateUnit.length + verify.length + conflicts.length === 0) {
    blocker =
      rejections.length === rows
        ? `Tidak ada baris yang dapat diimpor: semua ${rows.toLocaleString('id-ID')} baris ditolak. Perbaiki baris yang ditolak lalu unggah ulang.`
        : 'Tidak ada perubahan: semua pegawai yang valid dalam berkas sudah terdaftar di unit kerja yang sama.'
  }
  return {
    counts: {
      rows,
      create: create.length,
      updateUnit: updateUnit.length,
      unchanged,
      rejected: rejections.length,
      verify: verify.length,
      conflict: conflicts.length,
    },
    rejections,
    notes: notes.sort((a, b) => a.rowNumber - b.rowNumber),
    conflicts,
    plan: { create, updateUnit, verify },
    blocker,
  }
}
