import type { Metadata } from 'next'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { PersonName } from '@/components/hr/person-name'
import { listAgenciesForAdmin } from '@/lib/admin/agencies.server'
import { findUsers, listHrOfficers } from '@/lib/admin/users.server'
import { requireRole } from '@/lib/auth/session.server'
import { ROLE_LABELS } from '@/lib/vocabulary/statuses'
import { appointHrAction, disableUserAction, enableUserAction, removeHrAction } from './actions'

export const metadata: Metadata = { title: 'Admin kepegawaian' }


type UserRow = Awaited<ReturnType<typeof listHrOfficers>>[number]

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const admin = await requireRole(['admin'], '/admin/pengguna')
  const raw = (await searchParams).q
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? ''
  const [agencies, officers, found] = await Promise.all([listAgenciesForAdmin(), listHrOfficers(), query ? findUsers(query) : Promise.resolve(null)])
  const agencyOptions = [{ value: '', label: '— Pilih instansi —' }, ...agencies.map((agency) => ({ value: agency.id, label: `${agency.name} (${agency.code})` }))]

  const actionsFor = (user: UserRow, prefix: string) => {
    if (user.id === admin.id) return <span className="muted">Akun Anda sendiri</span>
    return (
      <>
        <AdminForm
          action={appointHrAction}
          idPrefix={`${prefix}-angkat-${user.id}`}
          label={`Jadikan ${user.name} admin kepegawaian`}
          hidden={{ userId: user.id }}
          submitLabel={user.role === 'hr' ? 'Pindahkan' : 'Jadikan admin kepegawaian'}
          secondary
          compact
          fields={[{ name: 'agencyId', label: `Instansi yang dikelola ${user.name}`, options: agencyOptions, defaultValue: user.role === 'hr' ? '' : (user.agencyId ?? '') }]}
        />
        {user.role === 'hr' && (
          <AdminForm
            action={removeHrAction}
            idPrefix={`${prefix}-cabut-${user.id}`}
            label={`Cabut peran admin kepegawaian ${user.name}`}
            hidden={{ userId: user.id }}
            submitLabel={`Cabut peran HR ${user.name}`}
            secondary
            compact
            fields={[]}
          />
        )}
      </>
    )
  }

  const accessFor = (user: UserRow, prefix: string) => {
    if (user.id === admin.id) return <span className="muted">Akun Anda sendiri</span>
    if (user.disabledAt) {
      return (
        <>
          <p className="muted" style={{ marginTop: 0 }}>
            Nonaktif{user.disabledReason ? `: ${user.disabledReason}` : ''}
          </p>
          <AdminForm
            action={enableUserAction}
            idPrefix={`${prefix}-aktifkan-${user.id}`}
            label={`Aktifkan kembali akun ${user.name}`}
            hidden={{ userId: user.id }}
            submitLabel={`Aktifkan kembali ${user.name}`}
            secondary
            compact
            fields={[]}
          />
        </>
      )
    }
    return (
      <AdminForm
        action={disableUserAction}
        idPrefix={`${prefix}-nonaktifkan-${user.id}`}
        label={`Nonaktifkan akun ${user.name}`}
        hidden={{ userId: user.id }}
        submitLabel={`Nonaktifkan ${user.name}`}
        secondary
        compact
        fields={[{ name: 'reason', label: `Alasan menonaktifkan ${user.name}`, maxLength: 300 }]}
      />
    )
  }

  const table = (users: UserRow[], prefix: string, caption: string) => (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Email / NIP</th>
            <th scope="col">Peran</th>
            <th scope="col">Instansi</th>
            <th scope="col">Ubah peran</th>
            <th scope="col">Akses</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <PersonName name={user.name} unitName={user.unit?.name} nip={user.nip} />
              </td>
              <td>
                {user.email}
                {user.nip && (
                  <>
                    <br />
                    <span className="muted nowrap">{user.nip}</span>
                  </>
                )}
              </td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.agency ? `${user.agency.name} (${user.agency.code})` : '—'}</td>
              <td>{actionsFor(user, prefix)}</td>
              <td>{accessFor(user, prefix)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )

  return (
    <>
      <AdminNav current="/admin/pengguna" />
      <h1>Admin kepegawaian</h1>
      <p className="muted">
        Admin kepegawaian (HR) mengelola satu instansi: daftar pegawai, penugasan dan laporan. Cari penggunanya lalu
        pilih instansinya. Mencabut peran mengembalikannya menjadi peserta di instansi yang sama.
      </p>
      <section className="card" aria-labelledby="cari">
        <h2 id="cari" style={{ marginTop: 0 }}>
          Cari pengguna
        </h2>
        <form role="search" className="actions" style={{ marginTop: 0, alignItems: 'flex-end' }}>
          <div className="field" style={{ marginBottom: 0 }}>
            <label htmlFor="q">Email atau NIP</label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query}
              maxLength={100}
              aria-describedby={found && !found.ok ? 'q-error' : undefined}
              aria-invalid={found && !found.ok ? true : undefined}
            />
          </div>
          <button type="submit" className="button secondary">
            Cari
          </button>
        </form>
        {found && !found.ok && (
          <p className="field-error" id="q-error">
            {found.fieldErrors.q}
          </p>
        )}
        {found?.ok && found.value.length === 0 && <p className="muted">Tidak ada pengguna dengan email atau NIP yang memuat &ldquo;{query}&rdquo;.</p>}
        {found?.ok && found.value.length > 0 && (
          <>
            <h3>Hasil pencarian ({found.value.length})</h3>
            {table(found.value, 'cari', 'Hasil pencarian pengguna')}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="hr-sekarang">
        <h2 id="hr-sekarang" style={{ marginTop: 0 }}>
          Admin kepegawaian saat ini
        </h2>
        {officers.length === 0 ? <p className="muted">Belum ada admin kepegawaian.</p> : table(officers, 'hr', 'Admin kepegawaian saat ini')}
      </section>
    </>
  )
}
