import '@/components/hr/data-tables.css'
import Link from 'next/link'

const SECTIONS = [
  ['/hr', 'Ringkasan'],
  ['/hr/pegawai', 'Pegawai'],
  ['/hr/kelompok', 'Kelompok'],
  ['/hr/verifikasi', 'Verifikasi peserta'],
  ['/hr/impor', 'Impor daftar'],
  ['/hr/mutasi', 'Mutasi'],
  ['/hr/laporan', 'Laporan'],
  ['/hr/analisis-soal', 'Analisis soal'],
] as const

// Every HR page checks the officer itself; this only adds the section navigation.
export default function HrLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <nav aria-label="Menu kepegawaian" className="sub-nav">
        <ul>
          {SECTIONS.map(([href, label]) => (
            <li key={href}>
              <Link href={href}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="data-area">{children}</div>
    </>
  )
}
