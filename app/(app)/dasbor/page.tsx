import type { Metadata } from 'next'
import Link from 'next/link'
import { CourseOutline } from '@/components/course-outline'
import { requireUser } from '@/lib/auth/session.server'
import { maskNip, nipLabel } from '@/lib/identity/nip'
import { getCourseProgress } from '@/lib/progress/progress.server'

export const metadata: Metadata = { title: 'Dasbor' }

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser('/dasbor')
  const welcome = (await searchParams)['selamat-datang'] === '1'
  const progress = await getCourseProgress(user.id)
  const total = progress.lessons.length
  const percent = Math.round((progress.completedCount / total) * 100)
  return (
    <>
      {welcome && (
        <div className="alert success" role="status">
          Akun Anda sudah dibuat. Selamat belajar!
        </div>
      )}
      <h1>Halo, {user.name}</h1>
      <p className="muted">
        {user.nip && user.employmentType ? `${nipLabel(user.employmentType)} ${maskNip(user.nip)} · ` : ''}
        {user.agencyName ?? 'Instansi belum diisi'}
        {user.unitName ? ` · ${user.unitName}` : ''}
      </p>
      <section aria-labelledby="kemajuan" className="card">
        <h2 id="kemajuan" style={{ marginTop: 0 }}>
          Kemajuan belajar
        </h2>
        <p>
          {progress.completedCount} dari {total} pelajaran selesai ({percent}%).
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label="Pelajaran selesai"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={progress.completedCount}
          aria-valuetext={`${progress.completedCount} dari ${total} pelajaran`}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        <div className="actions">
          {progress.resume ? (
            <Link href={progress.resume.href} className="button">
              {progress.resume.started ? 'Lanjutkan belajar' : 'Mulai belajar'}: {progress.resume.title}
            </Link>
          ) : (
            <p className="alert success" style={{ margin: 0 }}>
              Semua pelajaran selesai. Uji akhir akan tersedia di sini.
            </p>
          )}
        </div>
      </section>
      <section aria-labelledby="materi" className="card">
        <h2 id="materi" style={{ marginTop: 0 }}>
          Materi kursus
        </h2>
        <CourseOutline lessons={progress.lessons.map((lesson) => ({ ...lesson, state: lesson.status }))} linkLessons />
      </section>
    </>
  )
}
