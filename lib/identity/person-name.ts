/**
 * Comparing a person's name as two sources spell it: the agency's roster and what the person
 * typed at registration. Indonesian names carry academic, professional and religious titles
 * before and after the name ("Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.",
 * "Hj. Siti Aminah, S.E."), written with varying case, punctuation and spacing. A roster match
 * verifies a NIP (decisions.md "Identity and evidence"), so the comparison ignores only what does
 * not tell people apart: titles, case, punctuation, diacritics and extra spaces. Nothing else is
 * fuzzy: a different, shortened or missing word of the name is a different name.
 */

/** Titles written BEFORE a name (lower case, dots removed): academic, medical, religious. */
const PREFIX_TITLES = new Set(['dr', 'drs', 'dra', 'drg', 'ir', 'prof', 'h', 'hj', 'kh', 'ust', 'ustadz', 'ustazah', 'ns', 'apt', 'bd', 'hc'])

/** Degrees written after a name without dots ("SE", "MM", "PhD"), lower case. */
const UNDOTTED_DEGREES = new Set([
  'se', 'sh', 'st', 'sp', 'ssi', 'skom', 'spd', 'spdi', 'ssos', 'skm', 'sip', 'sag', 'sked', 'skep', 'sfarm', 'sgz', 'sstp', 'sst', 'stp', 'sm',
  'shi', 'sthi', 'sikom', 'sak', 'sei', 'sds', 'ssn', 'spsi', 'shum', 'str', 'mm', 'mt', 'mh', 'msi', 'mpd', 'mkom', 'mkes', 'map', 'mba',
  'msc', 'ma', 'mag', 'mars', 'mhum', 'mpsi', 'mak', 'me', 'mikom', 'mkn', 'mtr', 'amd', 'amk', 'amkep', 'amkeb', 'phd', 'bsc', 'ba', 'llm',
  'lc', 'cpa', 'ak', 'ca', 'dipl', 'spog', 'sppd', 'spa', 'spb', 'spm',
])

/** A dotted abbreviation: "S.Kom", "M.Si.", "S.E.", "A.Md.Kep", "Ph.D.", "Sp.PD", "M.Sc". */
const DOTTED_DEGREE = /^[\p{L}]{1,4}\.(?:[\p{L}]{1,5}\.?)+$/u

const bare = (word: string) => word.replace(/[.()]/g, '').toLocaleLowerCase('id-ID')

/** Only with a dot: "S.Kom", "M.Si.", "A.Md.Kep" (an undotted last word is more likely a name). */
function isTrailingDegree(word: string): boolean {
  return word.includes('.') && (UNDOTTED_DEGREES.has(bare(word)) || bare(word).startsWith('amd'))
}

const PREFIX = new RegExp(`^(?:${[...PREFIX_TITLES].join('|')})(?:\\.\\s*|\\s+)`, 'iu')

function isDegreeWord(word: string): boolean {
  return DOTTED_DEGREE.test(word) || UNDOTTED_DEGREES.has(bare(word))
}

/** Lower case, no diacritics or punctuation, one space between words. */
function plain(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('id-ID')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * The name without titles, diacritics, punctuation, case or extra spaces:
 * "Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si." → "ni luh putu ayu saraswati".
 * Returns '' when nothing but titles is left.
 */
export function normalizePersonName(name: string): string {
  const text = name.normalize('NFKC').replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
  // Degrees after a comma: a comma-separated part made only of degree words is dropped.
  const [head = '', ...tail] = text.split(',')
  const kept = tail.filter((part) => {
    const words = part.trim().split(/\s+/).filter(Boolean)
    return !(words.length > 0 && words.every(isDegreeWord))
  })
  // Titles before the name ("Dr.", "Prof. Dr. Ir.", "H.", "Hj.", also "Dr.Ir." without spaces):
  // a title word followed by a dot or a space; one word of the name always stays.
  let rest = head.trim()
  for (let match = PREFIX.exec(rest); match && /\p{L}/u.test(rest.slice(match[0].length)); match = PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length)
  }
  // Dotted degrees after the name without a comma ("Budi Santoso S.Kom", "Ani M.Si.").
  const named = rest.split(/\s+/).filter(Boolean)
  while (named.length > 1 && isTrailingDegree(named[named.length - 1]!)) named.pop()
  return plain([named.join(' '), ...kept].join(' '))
}

/**
 * Whether two spellings name the same person: equal after `normalizePersonName`. Names that
 * normalise to nothing never match.
 */
export function namesMatch(a: string, b: string): boolean {
  const left = normalizePersonName(a)
  return left !== '' && left === normalizePersonName(b)
}
