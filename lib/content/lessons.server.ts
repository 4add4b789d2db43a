import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { lessonFrontmatterSchema, type LessonFrontmatter } from './lesson-frontmatter'

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons')

export type LessonSummary = LessonFrontmatter & { file: string }

let outline: LessonSummary[] | null = null

/**
 * The course outline: every lesson's frontmatter, in reading order. Read from disk once per
 * process; `npm run content:check` (part of the build) guarantees the files are well formed.
 */
export function getLessonOutline(): LessonSummary[] {
  if (outline) return outline
  outline = fs
    .readdirSync(LESSONS_DIR)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const { data } = matter(fs.readFileSync(path.join(LESSONS_DIR, file), 'utf8'))
      return { ...lessonFrontmatterSchema.parse(data), file }
    })
    .sort((a, b) => a.order - b.order)
  return outline
}
