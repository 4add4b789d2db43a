import 'server-only'
import { Prisma } from '@/lib/db/create-client'

/**
 * SQL conditions that hold only for values the outbox stores unchanged (decision 038), so that a
 * whole batch can be queued by one INSERT … SELECT. Each is a SUBSET of the JavaScript check it
 * stands for: what it accepts, the check accepts unchanged; what it does not accept is handed to
 * the JavaScript check (which cleans, refuses or accepts it). Tested against the checks on both
 * providers (tests/integration/mail-unreachable.test.ts, mail-scheduler.test.ts).
 */

/**
 * An address that `mailAddressSchema` certainly accepts as it is: lower case, plain characters,
 * one "@", no leading, trailing or double dot in the local part, domain labels that start with a
 * letter or digit, a top-level domain of 2+ letters, at most 254 characters.
 */
export function certainlyValidEmailSql(provider: 'sqlite' | 'postgresql', column: Prisma.Sql): Prisma.Sql {
  if (provider === 'postgresql') {
    return Prisma.sql`(${column} ~ '^[a-z0-9_+-]([a-z0-9._+-]*[a-z0-9_+-])?@[a-z0-9][a-z0-9-]*([.][a-z0-9][a-z0-9-]*)*[.][a-z]{2,}$'
      AND ${column} !~ '[.][.]' AND length(${column}) <= 254)`
  }
  // SQLite has no regular expressions: GLOB patterns, and the last label through rtrim (the text
  // up to its last ".").
  const tld = Prisma.sql`substr(${column}, length(rtrim(${column}, replace(${column}, '.', ''))) + 1)`
  return Prisma.sql`(${column} NOT GLOB '*[^a-z0-9@._+-]*' AND ${column} GLOB '?*@?*.??*' AND ${column} NOT GLOB '*@*@*'
    AND ${column} NOT GLOB '.*' AND ${column} NOT GLOB '*..*' AND ${column} NOT GLOB '*.@*' AND ${column} NOT GLOB '*@[^a-z0-9]*'
    AND ${column} NOT GLOB '*@*.[^a-z0-9]*' AND ${column} NOT GLOB '*@*[_+]*' AND length(${column}) <= 254
    AND ${tld} NOT GLOB '*[^a-z]*' AND length(${tld}) >= 2)`
}

/**
 * Characters `headerSafe` removes or folds: C0 and C1 controls, DEL, and everything JavaScript's
 * `\s` matches other than the plain space (tab, no-break space, the Unicode spaces, line and
 * paragraph separators, BOM). NUL is left to `instr` (it cannot travel in a bound string).
 */
const FOLDED = [
  ...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)),
  ...Array.from({ length: 34 }, (_, i) => String.fromCharCode(0x7f + i)), // DEL, C1 controls, U+00A0
  '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
].join('')

/**
 * A name that `headerSafe` leaves as it is: none of those characters, no double space, no space
 * at either end, at most 200 characters.
 */
export function headerSafeNameSql(provider: 'sqlite' | 'postgresql', column: Prisma.Sql): Prisma.Sql {
  const common = Prisma.sql`${column} NOT LIKE '%  %' AND ${column} NOT LIKE ' %' AND ${column} NOT LIKE '% ' AND length(${column}) <= 200`
  return provider === 'postgresql'
    ? Prisma.sql`(${column} !~ CAST(${`[${FOLDED}]`} AS TEXT) AND ${common})`
    : Prisma.sql`(${column} NOT GLOB ${`*[${FOLDED}]*`} AND instr(${column}, char(0)) = 0 AND ${common})`
}
