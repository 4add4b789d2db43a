import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session.server'
import { newestFollowUpOf } from '@/lib/followup/follow-up.server'

export const metadata: Metadata = { title: 'Soal tindak lanjut' }

/** The follow-up email's link (decision 048): the signed-in learner's newest follow-up. */
export default async function FollowUpIndexPage() {
  const user = await requireUser('/tindak-lanjut')
  const newest = await newestFollowUpOf(user.id)
  if (newest) redirect(`/tindak-lanjut/${encodeURIComponent(newest.id)}`)
  return (
    <>
      <h1>Soal tindak lanjut</h1>
      <p>Belum ada soal tindak lanjut untuk Anda. Lima soal untuk mengingat kembali kursus ditawarkan 30 hari setelah Anda lulus.</p>
      <p>
        <Link href="/dasbor">Ke dasbor</Link>
      </p>
    </>
  )
}
