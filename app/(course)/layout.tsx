import { CourseHeader, SiteFooter } from '@/components/layout/site-header'
import '@/components/lesson/lesson.css'

// Lesson pages are static (prerendered at build time), so their header does not depend on who
// is reading; the dashboard is one click away.
export default function CourseLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <CourseHeader />
      <main id="konten" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
