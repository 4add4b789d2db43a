/**
 * A synthetic roster for benchmarks: `rows` people with unique NIPs, as Excel saves a CSV
 * (BOM, ";" separators, CRLF), spread over the given units. Used by bench:roster-import,
 * bench:import-load and bench:hr.
 */
export function benchRosterCsv(rows: number, units: readonly { name: string }[], emailPrefix = 'peserta', skipNips?: ReadonlySet<string>): Buffer {
  const nipOf = (i: number) =>
    `19${String(60 + (i % 40)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}2021${String(1 + (i % 12)).padStart(2, '0')}${1 + (i % 2)}${String(i % 1000).padStart(3, '0')}`
  // NIPs must be unique: vary the birth date and sequence together.
  const seen = new Set<string>()
  const nips: string[] = []
  for (let i = 0; nips.length < rows; i++) {
    const nip = nipOf(i).slice(0, 15) + String(Math.floor(i / 1000) % 1000).padStart(3, '0')
    // skipNips: people already in the database (bench:hr), so every row is a new account.
    if (!seen.has(nip) && !skipNips?.has(nip)) {
      seen.add(nip)
      nips.push(nip)
    }
  }
  const lines = ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja']
  for (let i = 0; i < rows; i++) {
    lines.push(`${nips[i]};Peserta ${i}, S.Sos.;${emailPrefix}${i}@contoh.go.id;${['PNS', 'CPNS', 'PPPK'][i % 3]};${units[i % units.length]!.name}`)
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`)
}
