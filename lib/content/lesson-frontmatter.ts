import { z } from 'zod'

/** The frontmatter every lesson declares (docs/content-format.md). */
export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    order: z.number().int().min(1),
    minutes: z.number().int().min(1).max(60),
    summary: z.string().trim().min(10).max(300),
    rules: z.array(z.string()).min(1),
    sources: z.array(z.string()).min(1),
  })
  .strict()

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>
