// No 'server-only' marker, like lessons.server.ts: the lesson pages (Pages Router) import this
// from getStaticProps, where that marker is refused.
import fs from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { bundleMDX } from 'mdx-bundler'
import { rehypeHeadingIds } from './heading-ids'
import { findLesson, LESSONS_DIR, type LessonSummary } from './lessons.server'

// Apart from the outline (lessons.server.ts) so that the pages and routes that only read the
// outline (HR pages, progress saves, /api/ready) do not load mdx-bundler and its compilers.

/** Compiles one lesson with mdx-bundler. Called at build time (lesson pages are static). */
export async function compileLesson(slug: string): Promise<{ lesson: LessonSummary; code: string }> {
  const lesson = findLesson(slug)
  if (!lesson) throw new Error(`unknown lesson ${slug}`)
  // Without its frontmatter: the page has it from the outline, and mdx-bundler would otherwise
  // export it again inside the compiled code that every lesson page carries (decision 025).
  const { content } = matter(fs.readFileSync(path.join(LESSONS_DIR, lesson.file), 'utf8'))
  const { code } = await bundleMDX({
    source: content,
    cwd: LESSONS_DIR,
    mdxOptions(options) {
      options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeHeadingIds]
      return options
    },
  })
  return { lesson, code }
}
