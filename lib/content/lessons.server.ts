// No 'server-only' marker: the lesson pages (Pages Router) import this from getStaticProps, where
// that marker is refused. node:fs keeps it out of any browser bundle all the same.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { parse } from 'yaml'
import { extractKnowledgeQuestions } from './knowledge-check'
import { lessonFrontmatterSchema, type LessonFrontmatter } from './lesson-frontmatter'
import { SAMPLE_LESSON_SLUG } from './sample-lesson'

const CONTENT_DIR = path.join(process.cwd(), 'content')
export const LESSONS_DIR = path.join(CONTENT_DIR, 'lessons')

export type LessonSummary = LessonFrontmatter & {
  file: string
  /** Ids of the knowledge-check questions: all answered (and the end reached) completes it. */
  knowledgeQuestionIds: string[]
}

export type Source = { id: string; kind: 'regulation' | 'article'; title: string; publisher: string; date?: string; year?: number; number?: string; url?: string }

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
      const { data, content } = matter(fs.readFileSync(path.join(LESSONS_DIR, file), 'utf8'))
      const knowledge = extractKnowledgeQuestions(content)
      if ('error' in knowledge) throw new Error(`content/lessons/${file}: ${knowledge.error}`)
      return {
        ...lessonFrontmatterSchema.parse(data),
        file,
        knowledgeQuestionIds: knowledge.questions.map((question) => question.id),
      }
    })
    .sort((a, b) => a.order - b.order)
  return outline
}

export function findLesson(slug: string): LessonSummary | undefined {
  return getLessonOutline().find((lesson) => lesson.slug === slug)
}

/** The lesson anyone may read without signing in, shown from the landing page. */
export function getSampleLesson(): LessonSummary {
  const sample = findLesson(SAMPLE_LESSON_SLUG)
  if (!sample) throw new Error(`content/lessons has no lesson ${SAMPLE_LESSON_SLUG} (the public sample)`)
  return sample
}

let sources: Record<string, Source> | null = null
export function getSources(): Record<string, Source> {
  sources ??= Object.fromEntries(
    Object.entries(parse(fs.readFileSync(path.join(CONTENT_DIR, 'sources.yaml'), 'utf8')) as Record<string, Omit<Source, 'id'>>).map(
      ([id, source]) => [id, { id, ...source }],
    ),
  )
  return sources
}

let contentVersion: string | null = null
/**
 * The version of the course content a learner took: the date of the newest content change is
 * not reliable across checkouts, so it is a short hash of every lesson and scenario file.
 * Certificates and attempts record it.
 */
export function getContentVersion(): string {
  if (contentVersion) return contentVersion
  const hash = createHash('sha256')
  for (const dir of ['lessons', 'scenarios']) {
    const folder = path.join(CONTENT_DIR, dir)
    for (const file of fs.readdirSync(folder).sort()) {
      hash.update(file).update(fs.readFileSync(path.join(folder, file)))
    }
  }
  hash.update(fs.readFileSync(path.join(CONTENT_DIR, 'rules.yaml')))
  contentVersion = `v-${hash.digest('hex').slice(0, 10)}`
  return contentVersion
}
