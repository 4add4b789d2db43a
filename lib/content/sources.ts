import { z } from 'zod'

/**
 * content/sources.yaml: what lessons and scenarios cite. A regulation cited for its content
 * (decisions.md: new facts only from a listed source with its exact title, number, year and
 * official URL) gives `number`, `year` and an https `url`, and its title names "Nomor N Tahun Y".
 */
const sourceSchema = z
  .object({
    kind: z.enum(['regulation', 'article']),
    title: z.string().trim().min(5),
    publisher: z.string().trim().min(3),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
    year: z.number().int().min(1945).max(2100).optional(),
    number: z.string().trim().min(1).optional(),
    url: z.url({ protocol: /^https$/, error: 'must be an https address' }).optional(),
  })
  .strict()
export type SourceEntry = z.infer<typeof sourceSchema>

/** content:check lines for content/sources.yaml (already parsed YAML). */
export function checkSources(file: string, data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [`${file}: must be a map of source id → source`]
  const errors: string[] = []
  for (const [id, value] of Object.entries(data)) {
    const parsed = sourceSchema.safeParse(value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${file}: ${id}.${issue.path.join('.') || '(root)'}: ${issue.message}`)
      continue
    }
    const source = parsed.data
    if (source.number !== undefined) {
      if (source.kind !== 'regulation') errors.push(`${file}: ${id}: only a regulation has a number`)
      if (source.year === undefined || source.url === undefined) errors.push(`${file}: ${id}: a numbered regulation needs its year and official url`)
      else if (!source.title.includes(`Nomor ${source.number} Tahun ${source.year}`)) {
        errors.push(`${file}: ${id}: title must name "Nomor ${source.number} Tahun ${source.year}" as the regulation does`)
      }
    }
  }
  return errors
}
