import Link from 'next/link'

export type OutlineLesson = {
  slug: string
  order: number
  title: string
  summary: string
  minutes: number
  state?: 'selesai' | 'sedang' | 'belum'
}

const STATE_LABEL = { selesai: 'Selesai', sedang: 'Sedang dipelajari', belum: 'Belum dimulai' } as const

/** The list of lessons, with each one's state when the learner's progress is known. */
export function CourseOutline({ lessons, linkLessons }: { lessons: OutlineLesson[]; linkLessons: boolean }) {
  return (
    <ol className="outline">
      {lessons.map((lesson) => (
        <li key={lesson.slug}>
          <span className="num" aria-hidden="true">
            {lesson.order}
          </span>
          <div>
            <h3>
              {linkLessons ? <Link href={`/belajar/${lesson.slug}`}>{lesson.title}</Link> : lesson.title}
            </h3>
            <p className="meta">
              {lesson.summary}
            </p>
            <span className="meta">± {lesson.minutes} menit</span>{' '}
            {lesson.state && (
              <span className={`badge ${lesson.state === 'selesai' ? 'done' : lesson.state === 'sedang' ? 'active' : ''}`}>
                {STATE_LABEL[lesson.state]}
              </span>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
