import '@/components/hr/data-tables.css'
import Link from 'next/link'
import type { AgencyScope } from '@/lib/auth/capabilities'
import { getCurrentUser } from '@/lib/auth/session.server'

type Section = { href: string; label: string; shownTo: (scope: AgencyScope) => boolean }

const everyone = () => true
const actors = (scope: AgencyScope) => scope.act
const hr = (scope: AgencyScope) => scope.manage

const SECTIONS: Section[] = [
  { href: '/hr', label: 'Ringkasan', shownTo: everyone },
  { href: '/hr/pegawai', label: 'Pegawai', shownTo: everyone },
  { href: '/hr/kelompok', label: 'Kelompok', shownTo: actors },
  { href: '/hr/verifikasi', label: 'Verifikasi peserta', shownTo: hr },
  { href: '/hr/impor', label: 'Impor daftar', shownTo: hr },
  { href: '/hr/mutasi', label: 'Mutasi', shownTo: hr },
  { href: '/hr/koreksi-nama', label: 'Koreksi nama', shownTo: hr },
  { href: '/hr/operator-unit', label: 'Operator unit', shownTo: hr },
  { href: '/hr/laporan', label: 'Laporan', shownTo: everyone },
  { href: '/hr/tak-terjangkau', label: 'Tak terjangkau email', shownTo: everyone },
  { href: '/hr/analisis-soal', label: 'Analisis soal', shownTo: hr },
]

// Every HR page checks the caller itself; this only adds the section navigation, showing a unit
// operator or head (decision 037) the sections they may open. HR links never prefetch (decision
// 056): each section is rendered per request, and prefetching the eleven of them (twice, with the
// header's) cost the server ~8 times the page itself on every HR page view.
export default async function HrLayout({ children }: { children: React.ReactNode }) {
  const scope = (await getCurrentUser())?.capabilities.scope
  const sections = scope ? SECTIONS.filter((section) => section.shownTo(scope)) : []
  return (
    <>
      {sections.length > 0 && (
        <nav aria-label="Menu kepegawaian" className="sub-nav">
          <ul>
            {sections.map(({ href, label }) => (
              <li key={href}>
                <Link prefetch={false} href={href}>{label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="data-area">{children}</div>
    </>
  )
}
