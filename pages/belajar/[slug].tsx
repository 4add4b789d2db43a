import type { GetStaticPaths, GetStaticProps } from 'next'
import { LessonHeader } from '@/components/layout/lesson-header'
import { SiteFooter } from '@/components/layout/site-frame'
import { LessonBody } from '@/components/lesson/lesson-body'
import { LessonProvider } from '@/components/lesson/lesson-context'
import { LessonProgressSync } from '@/components/lesson/lesson-progress-sync'
import { LESSON_HEAD, ServerOnly } from '@/components/lesson/static-island'
import { formatLongDate, formatNumber } from '@/lib/format/indonesian'
import { SAMPLE_LESSON_SLUG } from '@/lib/content/sample-lesson'
import { compileLesson } from '@/lib/content/compile-lesson.server'
import { getLessonOutline, getSources, type LessonSummary, type Source } from '@/lib/content/lessons.server'

// Lesson pages are the one Pages Router route (docs/decisions/008): the App Router's browser
// runtime alone is over their 130 kB budget. Every lesson is compiled by mdx-bundler and
// prerendered at build time; nothing is compiled per request, and an unknown slug is a 404.

type Neighbour = { slug: string; title: string }
type Props = {
  lesson: Pick<LessonSummary, 'slug' | 'title' | 'summary' | 'order' | 'minutes' | 'knowledgeQuestionIds'>
  code: string
  lessonCount: number
  previous: Neighbour | null
  next: Neighbour | null
  sources: Source[]
}

export const getStaticPaths: GetStaticPaths = () => ({
  paths: getLessonOutline().map((lesson) => ({ params: { slug: lesson.slug } })),
  fallback: false,
})

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const { lesson, code } = await compileLesson(params!.slug)
  const outline = getLessonOutline()
  const index = outline.findIndex((item) => item.slug === lesson.slug)
  const neighbour = (item: LessonSummary | undefined): Neighbour | null => (item ? { slug: item.slug, title: item.title } : null)
  const allSources = getSources()
  return {
    props: {
      lesson: {
        slug: lesson.slug,
        title: lesson.title,
        summary: lesson.summary,
        order: lesson.order,
        minutes: lesson.minutes,
        knowledgeQuestionIds: lesson.knowledgeQuestionIds,
      },
      code,
      lessonCount: outline.length,
      previous: neighbour(outline[index - 1]),
      next: neighbour(outline[index + 1]),
      sources: lesson.sources.flatMap((id) => allSources[id] ?? []),
    },
  }
}

export default function LessonPage({ lesson, code, lessonCount, previous, next, sources }: Props) {
  return (
    <>
      {/* Title and description through next/head on the server only (pages/_document.tsx): the
          page never changes them in the browser, so its bundle does without next/head (decision 025). */}
      <ServerOnly name={LESSON_HEAD} title={`${lesson.title} · Bijak Bermedia Sosial`} description={lesson.summary} />
      {/* Every lesson but the sample is served only with a session cookie (proxy.ts). */}
      <LessonHeader signedInOnServer={lesson.slug !== SAMPLE_LESSON_SLUG} />
      <main id="konten" className="container">
        <LessonProvider slug={lesson.slug}>
          <article className="lesson prose">
            <nav aria-label="Posisi pelajaran" className="muted">
              <a href="/dasbor">Materi kursus</a> › Pelajaran {formatNumber(lesson.order)} dari {formatNumber(lessonCount)}
            </nav>
            <header>
              <h1>{lesson.title}</h1>
              <p className="lead muted">{lesson.summary}</p>
              <p className="muted">± {formatNumber(lesson.minutes)} menit membaca</p>
            </header>
            <div className="lesson-content">
              <LessonBody code={code} />
            </div>
            <LessonProgressSync
              slug={lesson.slug}
              knowledgeQuestionIds={lesson.knowledgeQuestionIds}
              next={next ? { href: `/belajar/${next.slug}`, title: next.title } : null}
            />
            <section aria-labelledby="sumber" className="lesson-sources">
              <h2 id="sumber">Sumber</h2>
              <ol>
                {sources.map((source) => (
                  <li key={source.id}>
                    <cite>{source.url ? <a href={source.url}>{source.title}</a> : source.title}</cite>. {source.publisher}
                    {source.date ? `, ${formatLongDate(new Date(source.date))}` : source.year ? `, ${source.year}` : ''}
                    {source.kind === 'regulation' ? ' (peraturan)' : ''}.
                  </li>
                ))}
              </ol>
              <p className="muted">Materi ini ditulis ulang dengan kata-kata sendiri dari sumber di atas.</p>
            </section>
            <nav aria-label="Pelajaran sebelum dan sesudah" className="actions">
              {previous && (
                <a href={`/belajar/${previous.slug}`} className="button secondary">
                  ‹ {previous.title}
                </a>
              )}
              {next && (
                <a href={`/belajar/${next.slug}`} className="button secondary">
                  {next.title} ›
                </a>
              )}
            </nav>
          </article>
        </LessonProvider>
      </main>
      <SiteFooter />
    </>
  )
}
