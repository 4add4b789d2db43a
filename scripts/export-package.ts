// npm run export:scorm -- out.zip [--pass-mark 80] [--items 15] [--base-url https://…]
// npm run export:cmi5  -- out.zip [same options]
// Builds the course as a SCORM 1.2 or cmi5 package for an agency's own LMS (docs/scorm.md, decision 051).
import path from 'node:path'
import { z } from 'zod'
import { writePackage, type PackageKind } from '@/lib/scorm/export.server'
import { DEFAULT_COURSE_SETTINGS } from '@/lib/settings/course-settings'

const USAGE = 'Pemakaian: npm run export:scorm -- paket.zip [--pass-mark 80] [--items 15] [--base-url https://kursus.contoh.go.id]'

const optionsSchema = z.object({
  kind: z.enum(['scorm12', 'cmi5']),
  out: z.string().regex(/\.zip$/i, 'Nama berkas keluaran harus berakhiran .zip'),
  passMark: z.coerce.number().min(50, 'Batas lulus minimal 50').max(100, 'Batas lulus maksimal 100'),
  items: z.coerce.number().int('Jumlah soal harus bilangan bulat').min(6, 'Jumlah soal minimal 6').max(40, 'Jumlah soal maksimal 40'),
  baseUrl: z.url('Alamat dasar (--base-url) harus URL lengkap, mis. https://kursus.contoh.go.id'),
})

function parseArgs(argv: string[]) {
  const [kind, ...rest] = argv
  const values: Record<string, string> = {}
  const positional: string[] = []
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!
    const match = /^--(pass-mark|items|base-url)(?:=(.*))?$/.exec(arg)
    if (match) values[match[1]!] = match[2] ?? rest[++index] ?? ''
    else if (arg.startsWith('--')) throw new Error(`Opsi tidak dikenal: ${arg}. ${USAGE}`)
    else positional.push(arg)
  }
  if (positional.length !== 1) throw new Error(USAGE)
  const parsed = optionsSchema.safeParse({
    kind,
    out: positional[0],
    passMark: values['pass-mark'] ?? DEFAULT_COURSE_SETTINGS.passMark,
    items: values.items ?? DEFAULT_COURSE_SETTINGS.postTestItems,
    baseUrl: values['base-url'] ?? process.env.PUBLIC_BASE_URL ?? DEFAULT_COURSE_SETTINGS.publicBaseUrl,
  })
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '))
  return parsed.data
}

async function main() {
  let options
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(2)
  }
  const out = path.resolve(options.out)
  const result = await writePackage(
    {
      kind: options.kind as PackageKind,
      title: DEFAULT_COURSE_SETTINGS.courseTitle,
      description: 'Kursus mandiri tentang etika dan aturan bermedia sosial bagi ASN: delapan pelajaran dan post-test.',
      courseId: new URL('/kursus/bijak-bermedia-sosial', options.baseUrl).href,
      passMark: options.passMark,
      postTestItems: options.items,
    },
    out,
  )
  console.log(`${options.kind === 'scorm12' ? 'SCORM 1.2' : 'cmi5'}: ${out} (${result.files} berkas, ${(result.bytes / 1024).toFixed(1)} KiB)`)
}

main().catch((error: unknown) => {
  console.error(`Ekspor gagal: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
