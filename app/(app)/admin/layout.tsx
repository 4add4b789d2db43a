import '@/components/admin/admin.css'

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return children
}
