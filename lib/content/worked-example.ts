import { z } from 'zod'
import { readComponentProps } from './mdx-props'

/**
 * Worked grey-zone examples (issue 12): two versions of one post side by side, each with its
 * verdict and why, and what changes the verdict between them. Static (no answers to save).
 */
export const WORKED_EXAMPLE_PLATFORMS = ['WhatsApp', 'Facebook', 'Instagram', 'X', 'TikTok', 'YouTube', 'LinkedIn', 'Threads', 'Telegram'] as const

const versionSchema = z
  .object({
    /** Who posts it, as the platform shows it. */
    author: z.string().trim().min(1).max(60),
    text: z.string().trim().min(10).max(600),
    verdict: z.enum(['ya', 'tidak']),
    /** Why this version gets its verdict (one or two sentences). */
    why: z.string().trim().min(10).max(400),
  })
  .strict()
export type WorkedExampleVersion = z.infer<typeof versionSchema>

export const workedExamplePropsSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    title: z.string().trim().min(3).max(120),
    platform: z.enum(WORKED_EXAMPLE_PLATFORMS),
    /** The situation both versions share. */
    context: z.string().trim().min(10).max(400).optional(),
    first: versionSchema,
    second: versionSchema,
    /** What differs between the versions and why that changes the verdict. */
    change: z.string().trim().min(10).max(500),
  })
  .strict()
  .refine((props) => props.first.verdict !== props.second.verdict, {
    message: 'the two versions must get different verdicts (the example shows what changes the verdict)',
    path: ['second', 'verdict'],
  })
export type WorkedExampleProps = z.infer<typeof workedExamplePropsSchema>

/** content:check lines for every <WorkedExample> of a lesson body (ids unique within the lesson). */
export function checkWorkedExamples(file: string, body: string): string[] {
  const read = readComponentProps(body, 'WorkedExample')
  if ('error' in read) return [`${file}: ${read.error}`]
  const errors: string[] = []
  const ids = new Set<string>()
  for (const use of read.uses) {
    const parsed = workedExamplePropsSchema.safeParse(use.props)
    const label = typeof use.props.id === 'string' ? `<WorkedExample id="${use.props.id}">` : '<WorkedExample>'
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${file}: ${label} ${issue.path.join('.') || 'props'}: ${issue.message}`)
      continue
    }
    if (ids.has(parsed.data.id)) errors.push(`${file}: ${label}: id used twice in this lesson`)
    ids.add(parsed.data.id)
  }
  return errors
}

/** How many worked examples a lesson body has (for the course-wide minimum). */
export function countWorkedExamples(body: string): number {
  const read = readComponentProps(body, 'WorkedExample')
  return 'uses' in read ? read.uses.length : 0
}
