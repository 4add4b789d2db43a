const LINKS = [
  { href: '/admin', label: 'Ringkasan' },
  { href: '/admin/instansi', label: 'Instansi dan unit' },
  { href: '/admin/pengguna', label: 'Admin kepegawaian' },
  { href: '/admin/pengaturan', label: 'Pengaturan kursus' },
  { href: '/admin/sertifikat', label: 'Sertifikat' },
  { href: '/admin/mutasi', label: 'Mutasi' },
  { href: '/admin/bank-soal', label: 'Bank soal' },
  { href: '/admin/laporan-soal', label: 'Laporan soal' },
  { href: '/admin/audit', label: 'Log audit' },
  { href: '/admin/kotak-keluar', label: 'Kotak keluar' },
]

/** The admin area's own navigation; `current` is the page's path. */
export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Menu admin" className="admin-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
