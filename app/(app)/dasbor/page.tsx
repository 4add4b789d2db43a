import type { Metadata } from 'next'
import { CourseOutline } from '@/components/course-outline'
import { requireUser } from '@/lib/auth/session.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { maskNip } from '@/lib/identity/nip'

export const metadata: Metadata = { title: 'Dasbor' }

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser('/dasbor')
  const welcome = (await searchParams)['selamat-datang'] === '1'
  const lessons = getLessonOutline().map((lesson) => ({ ...lesson, state: 'belum' as const }))
  return (
    <>
      {welcome && (
        <div className="alert success" role="status">
          Akun Anda sudah dibuat. Selamat belajar!
        </div>
      )}
      <h1>Halo, {user.name}</h1>
      <p className="muted">
        {user.nip ? `${user.employmentType === 'PPPK' ? 'NI PPPK' : 'NIP'} ${maskNip(user.nip)} · ` : ''}
        {user.agencyName ?? 'Instansi belum diisi'}
        {user.unitName ? ` · ${user.unitName}` : ''}
      </p>
      <section aria-labelledby="kemajuan" className="card">
        <h2 id="kemajuan" style={{ marginTop: 0 }}>
          Kemajuan belajar
        </h2>
        <p>0 dari {lessons.length} pelajaran selesai.</p>
        <div className="progress" role="progressbar" aria-label="Kemajuan belajar" aria-valuemin={0} aria-valuemax={lessons.length} aria-valuenow={0}>
          <span style={{ width: '0%' }} />
        </div>
      </section>
      <section aria-labelledby="materi" className="card">
        <h2 id="materi" style={{ marginTop: 0 }}>
          Materi kursus
        </h2>
        <CourseOutline lessons={lessons} linkLessons={false} />
      </section>
    </>
  )
}
