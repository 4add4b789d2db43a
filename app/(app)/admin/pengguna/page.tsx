import type { Metadata } from 'next'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { DataTable } from '@/components/data-table'
import { distinctName } from '@/components/hr/format'
import { PersonName } from '@/components/hr/person-name'
import { MISSING } from '@/lib/format/indonesian'
import { listAgenciesForAdmin } from '@/lib/admin/agencies.server'
import { findUsers, listHrOfficers } from '@/lib/admin/users.server'
import { requireAdmin } from '@/lib/auth/session.server'
import { CAPABILITY_LABELS } from '@/lib/vocabulary/statuses'
import { appointHrAction, disableUserAction, enableUserAction, removeHrAction } from './actions'

export const metadata: Metadata = { title: 'Admin kepegawaian' }


type UserRow = Awaited<ReturnType<typeof listHrOfficers>>[number]

const isHr = (user: UserRow) => user.grants.some((grant) => grant.capability === 'hr')

/** "Peserta", then each grant with its scope: every account is a learner (decision 037). */
function capabilitiesText(user: UserRow): string {
  const scoped = user.grants.map((grant) => {
    const scope = grant.unit?.name ?? grant.agency?.name
    return scope ? `${CAPABILITY_LABELS[grant.capability]} (${scope})` : CAPABILITY_LABELS[grant.capability]
  })
  return ['Peserta', ...scoped].join('; ')
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const admin = await requireAdmin('/admin/pengguna')
  const raw = (await searchParams).q
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? ''
  const [agencies, officers, found] = await Promise.all([listAgenciesForAdmin(), listHrOfficers(), query ? findUsers(query) : Promise.resolve(null)])
  const agencyOptions = [{ value: '', label: '— Pilih instansi —' }, ...agencies.map((agency) => ({ value: agency.id, label: `${agency.name} (${agency.code})` }))]

  const actionsFor = (user: UserRow, prefix: string) => {
    if (user.id === admin.id) return <span className="muted">Akun Anda sendiri</span>
    const who = distinctName(user)
    return (
      <>
        <AdminForm
          action={appointHrAction}
          idPrefix={`${prefix}-angkat-${user.id}`}
          label={`Jadikan ${who} admin kepegawaian`}
          hidden={{ userId: user.id }}
          submitLabel={isHr(user) ? `Pindahkan ${who}` : `Jadikan ${who} admin kepegawaian`}
          secondary
          compact
          fields={[{ name: 'agencyId', label: `Instansi yang dikelola ${who}`, options: agencyOptions, defaultValue: isHr(user) ? '' : (user.agencyId ?? '') }]}
        />
        {isHr(user) && (
          <AdminForm
            action={removeHrAction}
            idPrefix={`${prefix}-cabut-${user.id}`}
            label={`Cabut peran admin kepegawaian ${who}`}
            hidden={{ userId: user.id }}
            submitLabel={`Cabut peran HR ${who}`}
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
    const who = distinctName(user)
    if (user.disabledAt) {
      return (
        <>
          <p className="muted flush-top">
            Nonaktif{user.disabledReason ? `: ${user.disabledReason}` : ''}
          </p>
          <AdminForm
            action={enableUserAction}
            idPrefix={`${prefix}-aktifkan-${user.id}`}
            label={`Aktifkan kembali akun ${who}`}
            hidden={{ userId: user.id }}
            submitLabel={`Aktifkan kembali ${who}`}
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
        label={`Nonaktifkan akun ${who}`}
        hidden={{ userId: user.id }}
        submitLabel={`Nonaktifkan ${who}`}
        secondary
        compact
        fields={[{ name: 'reason', label: `Alasan menonaktifkan ${who}`, maxLength: 300 }]}
      />
    )
  }

  const table = (users: UserRow[], prefix: string, caption: string) => (
    <DataTable
      caption={caption}
      columns={[
        { key: 'name', header: 'Nama', rowHeader: true, cell: (user) => <PersonName name={user.name} unitName={user.unit?.name} nip={user.nip} /> },
        {
          key: 'contact',
          header: 'Email / NIP',
          cell: (user) => (
            <>
              {user.email}
              {user.nip && (
                <>
                  <br />
                  <span className="muted nowrap">{user.nip}</span>
                </>
              )}
            </>
          ),
        },
        { key: 'role', header: 'Peran', cell: capabilitiesText },
        { key: 'agency', header: 'Instansi', cell: (user) => (user.agency ? `${user.agency.name} (${user.agency.code})` : MISSING) },
        { key: 'roleChange', header: 'Ubah peran', cell: (user) => actionsFor(user, prefix) },
        { key: 'access', header: 'Akses', cell: (user) => accessFor(user, prefix) },
      ]}
      rows={users}
      rowKey={(user) => user.id}
      empty="Tidak ada pengguna."
    />
  )

  return (
    <>
      <AdminNav current="/admin/pengguna" />
      <h1>Admin kepegawaian</h1>
      <p className="muted">
        Setiap akun adalah peserta kursus. Admin kepegawaian (HR) juga mengelola satu instansi: daftar pegawai,
        penugasan, operator unit dan laporan. Cari penggunanya lalu pilih instansinya. Mencabut peran tidak mengubah
        kemajuan belajarnya; ia tetap peserta di instansi yang sama.
      </p>
      <section className="card" aria-labelledby="cari">
        <h2 className="flush-top" id="cari">
          Cari pengguna
        </h2>
        <form role="search" className="actions filter-bar flush-top">
          <div className="field">
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
        <h2 className="flush-top" id="hr-sekarang">
          Admin kepegawaian saat ini
        </h2>
        {officers.length === 0 ? <p className="muted">Belum ada admin kepegawaian.</p> : table(officers, 'hr', 'Admin kepegawaian saat ini')}
      </section>
    </>
  )
}
