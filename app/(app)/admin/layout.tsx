import '@/components/admin/admin.css'
import '@/components/hr/data-tables.css'

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <div className="data-area">{children}</div>
}
