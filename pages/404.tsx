import Head from 'next/head'
import { NotFoundMessage } from '@/components/layout/not-found-message'
import { LessonHeader } from '@/components/layout/lesson-header'
import { SiteFooter } from '@/components/layout/site-frame'

// The Pages Router's 404 (the lesson route, decision 008): the same message as app/not-found.tsx.
export default function LessonNotFound() {
  return (
    <>
      <Head>
        <title>Halaman tidak ditemukan · Bijak Bermedia Sosial</title>
      </Head>
      {/* Only a visitor with a session cookie gets here (proxy.ts sends the others to sign in). */}
      <LessonHeader signedInOnServer />
      <NotFoundMessage />
      <SiteFooter />
    </>
  )
}
