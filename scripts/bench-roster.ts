/**
 * Roster import benchmark. `npx tsx scripts/bench-roster.ts [rows=50000]`
 * Generates a roster (valid NIPs, some bad rows, duplicates, unknown units, people already
 * registered here or in another agency) as a semicolon CSV with BOM and as an XLSX in a temp
 * dir, then for each format runs read + validate + classify with in-memory lookups in a fresh
 * child process, so each peak RSS (getrusage maxRSS) belongs to one format only.
 * Prints readable lines, then one JSON object on the last line.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import {
  classifyRoster,
  readRosterRows,
  validateRosterRow,
  type EmailOwner,
  type ExistingPerson,
  type RosterLookups,
  type RowValidation,
} from '../lib/roster'

const AGENCY = 'agency-bench'
const UNITS = Array.from({ length: 40 }, (_, i) => ({ id: `unit-${i}`, name: `Bidang Pelayanan ${i + 1}` }))
const HEADER = ['No', 'NIP/NI PPPK', 'Nama Lengkap', 'Email', 'Jenis Kepegawaian', 'Unit Kerja']
const TITLES = ['Dr. ', 'Ir. ', 'Hj. ', '', '', '']
const SUFFIXES = [', S.Kom.', ', S.H., M.H.', ', M.Si.', '', '']

const pad = (n: number, width: number) => String(n).padStart(width, '0')

function nipOf(i: number): string {
  const birthYear = 1970 + (i % 30)
  const birthMonth = 1 + (Math.floor(i / 30) % 12)
  const birthDay = 1 + (Math.floor(i / 360) % 28)
  const startYear = 2016 + (i % 9)
  const startMonth = 1 + (i % 12)
  const gender = 1 + (i % 2)
  const sequence = 1 + Math.floor(i / 10_080)
  return `${birthYear}${pad(birthMonth, 2)}${pad(birthDay, 2)}${startYear}${pad(startMonth, 2)}${gender}${pad(sequence, 3)}`
}

function rosterRow(i: number): string[] {
  let nip = nipOf(i)
  let unit = UNITS[i % UNITS.length]!.name
  if (i % 100 === 99) nip = nip.slice(0, 17) // bad NIP
  if (i % 250 === 249) nip = nipOf(i - 7) // duplicate of an earlier row
  if (i % 500 === 499) unit = 'Unit Yang Tidak Ada'
  const type = i % 10 === 0 ? 'P3K' : i % 10 === 1 ? 'CPNS' : 'PNS'
  const name = `${TITLES[i % TITLES.length]}Pegawai "Uji" O'Nama ${i}${SUFFIXES[i % SUFFIXES.length]}`
  return [String(i + 1), nip, name, `pegawai.${i}@contoh.go.id`, type, i % 7 === 0 ? unit.toUpperCase() : unit]
}

function lookupsFor(rows: number): RosterLookups {
  const people = new Map<string, ExistingPerson>()
  const emails = new Map<string, EmailOwner>()
  for (let i = 0; i < rows; i += 10) {
    // 10 % already registered here (half of them in another unit), 1 % in another agency.
    const nip = nipOf(i)
    const otherAgency = i % 100 === 50
    people.set(nip, {
      userId: `user-${i}`,
      nip,
      name: `Pegawai ${i}`,
      email: `pegawai.${i}@contoh.go.id`,
      agencyId: otherAgency ? 'agency-other' : AGENCY,
      unitId: i % 20 === 0 ? UNITS[i % UNITS.length]!.id : 'unit-0',
    })
  }
  for (let i = 3; i < rows; i += 100) emails.set(`pegawai.${i}@contoh.go.id`, { email: `pegawai.${i}@contoh.go.id`, userId: `other-${i}`, nip: null })
  return {
    agencyId: AGENCY,
    units: UNITS,
    findPeopleByNip: async (nips) => nips.flatMap((n) => people.get(n) ?? []),
    findAccountsByEmail: async (list) => list.flatMap((e) => emails.get(e) ?? []),
  }
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

async function generate(dir: string, rows: number): Promise<{ csv: string; xlsx: string }> {
  const csv = path.join(dir, 'roster.csv')
  const out = fs.createWriteStream(csv)
  out.write('\uFEFF' + HEADER.join(';') + '\r\n')
  for (let i = 0; i < rows; i++) {
    if (!out.write(rosterRow(i).map(csvField).join(';') + '\r\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))

  const xlsx = path.join(dir, 'roster.xlsx')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true })
  const sheet = workbook.addWorksheet('Pegawai')
  sheet.addRow(HEADER).commit()
  for (let i = 0; i < rows; i++) sheet.addRow(rosterRow(i)).commit()
  sheet.commit()
  await workbook.commit()
  return { csv, xlsx }
}

async function measure(file: string, rows: number): Promise<void> {
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  const started = performance.now()
  const validations: RowValidation[] = []
  for await (const raw of readRosterRows(fs.createReadStream(file), { fileName: path.basename(file) })) {
    validations.push(validateRosterRow(raw))
  }
  const read = performance.now()
  const preview = await classifyRoster(validations, lookupsFor(rows))
  const done = performance.now()
  console.log(
    JSON.stringify({
      readValidateMs: Math.round(read - started),
      classifyMs: Math.round(done - read),
      totalMs: Math.round(done - started),
      baselineRssMb,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      counts: preview.counts,
    }),
  )
}

const args = process.argv.slice(2)
if (args[0] === '--measure') {
  await measure(args[1]!, Number(args[2]))
} else {
  const rows = Number(args[0] ?? 50_000)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-roster-'))
  try {
    const t0 = performance.now()
    const files = await generate(dir, rows)
    console.log(`generated ${rows.toLocaleString('en')} rows in ${Math.round(performance.now() - t0)} ms`)
    const results: Record<string, unknown> = {}
    for (const [format, file] of Object.entries(files)) {
      const sizeMb = Math.round((fs.statSync(file).size / 1024 / 1024) * 100) / 100
      const output = execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--measure', file, String(rows)],
        { encoding: 'utf8' },
      )
      const r = JSON.parse(output.trim().split('\n').at(-1)!) as {
        totalMs: number
        readValidateMs: number
        classifyMs: number
        baselineRssMb: number
        peakRssMb: number
        counts: unknown
      }
      results[format] = { sizeMb, ...r }
      console.log(
        `${format.padEnd(4)} ${sizeMb} MB: read+validate ${r.readValidateMs} ms, classify ${r.classifyMs} ms, ` +
          `total ${r.totalMs} ms, peak RSS ${r.peakRssMb} MB (${r.baselineRssMb} MB before reading), counts ${JSON.stringify(r.counts)}`,
      )
    }
    console.log(JSON.stringify({ rows, cpus: os.cpus().length, node: process.version, ...results }))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
