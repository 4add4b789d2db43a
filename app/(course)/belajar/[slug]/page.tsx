import type { Metadata } from 'next'
import Link from 'next/link'
import { LessonBody } from '@/components/lesson/lesson-body'
import { LessonProvider } from '@/components/lesson/lesson-context'
import { LessonProgressSync } from '@/components/lesson/lesson-progress-sync'
import { compileLesson, findLesson, getLessonOutline, getSources } from '@/lib/content/lessons.server'

// Every lesson is compiled by mdx-bundler and prerendered at build time; nothing is compiled
// per request, and an unknown slug is a 404.
export const dynamicParams = false

export function generateStaticParams() {
  return getLessonOutline().map((lesson) => ({ slug: lesson.slug }))
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = findLesson((await params).slug)
  return lesson ? { title: lesson.title, description: lesson.summary } : {}
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params
  const { lesson, code } = await compileLesson(slug)
  const outline = getLessonOutline()
  const index = outline.findIndex((item) => item.slug === slug)
  const previous = outline[index - 1]
  const next = outline[index + 1]
  const sources = getSources()

  return (
    <LessonProvider slug={slug}>
      <article className="lesson prose">
        <nav aria-label="Posisi pelajaran" className="muted">
          <Link href="/dasbor">Materi kursus</Link> › Pelajaran {lesson.order} dari {outline.length}
        </nav>
        <header>
          <h1>{lesson.title}</h1>
          <p className="lead muted">{lesson.summary}</p>
          <p className="muted">± {lesson.minutes} menit membaca</p>
        </header>
        <div className="lesson-content">
          <LessonBody code={code} />
        </div>
        <LessonProgressSync
          slug={slug}
          knowledgeQuestionIds={lesson.knowledgeQuestionIds}
          next={next ? { href: `/belajar/${next.slug}`, title: next.title } : null}
        />
        <section aria-labelledby="sumber" className="lesson-sources">
          <h2 id="sumber">Sumber</h2>
          <ol>
            {lesson.sources.map((id) => {
              const source = sources[id]
              if (!source) return null
              return (
                <li key={id}>
                  <cite>{source.title}</cite>. {source.publisher}
                  {source.date ? `, ${new Date(source.date).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' })}` : source.year ? `, ${source.year}` : ''}
                  {source.kind === 'regulation' ? ' (peraturan)' : ''}.
                </li>
              )
            })}
          </ol>
          <p className="muted">Materi ini ditulis ulang dengan kata-kata sendiri dari sumber di atas.</p>
        </section>
        <nav aria-label="Pelajaran sebelum dan sesudah" className="actions">
          {previous && (
            <Link href={`/belajar/${previous.slug}`} className="button secondary">
              ‹ {previous.title}
            </Link>
          )}
          {next && (
            <Link href={`/belajar/${next.slug}`} className="button secondary">
              {next.title} ›
            </Link>
          )}
        </nav>
      </article>
    </LessonProvider>
  )
}
