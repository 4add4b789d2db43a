import { parse } from 'yaml'
import { z } from 'zod'
import { formatLongDate } from '@/lib/format/indonesian'

/**
 * The content edition (content/edition.yaml): a number an auditor can quote and the date it
 * took effect. Pure: the file's text in, the edition or errors out.
 */
export const contentEditionSchema = z.object({
  edition: z.string().regex(/^\d{4}\.\d{1,3}$/, 'must look like 2026.1 (year, dot, number)'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, in quotes')
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
    }, 'is not a real calendar date'),
})

export type ContentEdition = z.infer<typeof contentEditionSchema>

export type ContentEditionParse = { ok: true; edition: ContentEdition } | { ok: false; errors: string[] }

export function parseContentEdition(text: string): ContentEditionParse {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    return { ok: false, errors: [`not valid YAML: ${(error as Error).message.split('\n')[0]}`] }
  }
  const parsed = contentEditionSchema.strict().safeParse(data)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) }
  return { ok: true, edition: parsed.data }
}

/** What a certificate stores and prints: "2026.1, 21 November 2026". */
export function formatContentEdition(edition: ContentEdition): string {
  return `${edition.edition}, ${formatLongDate(new Date(`${edition.date}T00:00:00Z`))}`
}
