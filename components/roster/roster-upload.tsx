'use client'

import Link from 'next/link'
import { formatNumber } from '@/lib/format/indonesian'
import { useRef, useState } from 'react'
import { formatShortDate } from '@/lib/format/indonesian'
import { DataTable, type TableColumn } from '@/components/data-table'
import { ImportInviteButton } from './import-invite-button'

type Decision = 'konfirmasi' | 'tolak'
type Conflict = {
  rowNumber: number
  nip: string
  rosterName: string
  claimant: { name: string; nameMatches: boolean; sameAgency: boolean; email: string | null; unitName: string | null; registeredAt: string | null }
  allowed: Decision[]
}
type Preview = {
  counts: { rows: number; create: number; updateUnit: number; unchanged: number; rejected: number; verify: number; conflict: number }
  rejections: { rowNumber: number; reasons: string[] }[]
  conflicts: Conflict[]
  notes: { rowNumber: number; message: string }[]
  blocker: string | null
  rejectionsTruncated: boolean
}
type Imported = Preview['counts'] & { importId: string; claimsConfirmed: number; claimsRejected: number }

const DECISION_LABELS: Record<Decision, string> = { konfirmasi: 'Konfirmasi pengklaim', tolak: 'Tolak klaim' }

function claimantDetails(claimant: Conflict['claimant']): string {
  if (!claimant.sameAgency) return ' (terdaftar di instansi lain)'
  const registered = claimant.registeredAt ? `mendaftar ${formatShortDate(new Date(claimant.registeredAt))}` : null
  return ` ${[claimant.email, claimant.unitName, registered].filter(Boolean).join(' · ')}`
}

/** The preview's conflicts: who the roster names, who claimed the NIP, and HR's decision. */
function conflictColumns(decisions: Partial<Record<string, Decision>>, decide: (nip: string, decision: Decision) => void): TableColumn<Conflict>[] {
  return [
    { key: 'row', header: 'Baris', cell: (conflict) => conflict.rowNumber, align: 'end', nowrap: true },
    { key: 'nip', header: 'NIP', cell: (conflict) => conflict.nip, nowrap: true },
    { key: 'rosterName', header: 'Nama di daftar', cell: (conflict) => conflict.rosterName },
    {
      key: 'claimant',
      header: 'Pengklaim (belum diverifikasi)',
      cell: (conflict) => (
        <>
          {conflict.claimant.name}
          <span className="hint">{claimantDetails(conflict.claimant)}</span>
        </>
      ),
    },
    {
      key: 'decision',
      header: 'Keputusan',
      cell: (conflict) => (
        <fieldset className="choices">
          <legend className="visually-hidden">Keputusan untuk baris {conflict.rowNumber}</legend>
          {conflict.allowed.map((decision) => (
            <label key={decision}>
              <input
                type="radio"
                name={`keputusan-${conflict.nip}`}
                value={decision}
                checked={decisions[conflict.nip] === decision}
                onChange={() => decide(conflict.nip, decision)}
              />{' '}
              {DECISION_LABELS[decision]}
            </label>
          ))}
        </fieldset>
      ),
    },
  ]
}

const REJECTION_COLUMNS: TableColumn<Preview['rejections'][number]>[] = [
  { key: 'row', header: 'Baris', cell: (rejection) => rejection.rowNumber, align: 'end', nowrap: true },
  { key: 'reasons', header: 'Alasan', cell: (rejection) => rejection.reasons.join('; ') },
]

async function send(
  url: string,
  file: File,
  extraHeaders: Record<string, string> = {},
): Promise<{ ok: true; data: unknown } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name), ...extraHeaders },
    })
    const data = await response.json().catch(() => null)
    if (response.ok) return { ok: true, data }
    return { ok: false, message: (data as { error?: { message?: string } } | null)?.error?.message ?? 'Berkas tidak dapat diproses.' }
  } catch {
    return { ok: false, message: 'Koneksi terputus. Tidak ada yang diimpor; coba lagi.' }
  }
}

type Assigned =
  | { state: 'done'; added: number; moved: number; already: number; certified: number; unknownNips: number }
  | { state: 'running'; jobId: string; total: number }

/** Upload a roster, see what would happen, then import it (the file is sent again on import). */
export function RosterUpload({ cohorts }: { cohorts: { id: string; name: string }[] }) {
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [imported, setImported] = useState<Imported | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'preview' | 'import' | 'assign' | null>(null)
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? '')
  const [assigned, setAssigned] = useState<Assigned | null>(null)
  const [decisions, setDecisions] = useState<Record<string, Decision>>({})

  async function runAssign() {
    if (!file || !cohortId) return
    setBusy('assign')
    setError(null)
    const result = await send(`/api/hr/cohorts/assign-roster?kelompok=${encodeURIComponent(cohortId)}`, file)
    setBusy(null)
    if (result.ok) setAssigned(result.data as Assigned)
    else setError(result.message)
  }

  async function runPreview(event: React.FormEvent) {
    event.preventDefault()
    const chosen = input.current?.files?.[0]
    if (!chosen) return setError('Pilih berkas CSV atau XLSX terlebih dahulu.')
    setFile(chosen)
    setBusy('preview')
    setError(null)
    setPreview(null)
    setImported(null)
    setDecisions({})
    const result = await send('/api/hr/roster/preview', chosen)
    setBusy(null)
    if (result.ok) setPreview(result.data as Preview)
    else setError(result.message)
  }

  async function runImport() {
    if (!file) return
    setBusy('import')
    setError(null)
    // HR's decision per conflict travels with the file: `<nip>=konfirmasi;<nip>=tolak`.
    const header = Object.entries(decisions)
      .map(([nip, decision]) => `${nip}=${decision}`)
      .join(';')
    const result = await send('/api/hr/roster/import', file, header ? { 'X-Conflict-Decisions': header } : {})
    setBusy(null)
    if (result.ok) {
      setImported(result.data as Imported)
      setPreview(null)
    } else setError(result.message)
  }

  const conflicts = preview?.conflicts ?? []
  const undecided = conflicts.filter((conflict) => !decisions[conflict.nip]).length
  const importable = preview ? preview.counts.create + preview.counts.updateUnit + preview.counts.verify + conflicts.length : 0
  return (
    <>
      <form onSubmit={runPreview} className="card">
        <div className="field">
          <label htmlFor="berkas">Berkas daftar pegawai (CSV atau XLSX, paling besar 10 MB)</label>
          <input id="berkas" ref={input} name="berkas" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          <span className="hint">
            Kolom: NIP (atau NI PPPK), Nama lengkap, Email, Jenis kepegawaian (PNS, CPNS, PPPK), Unit kerja. CSV dari Excel
            (koma atau titik koma) diterima; simpan sebagai &ldquo;CSV UTF-8&rdquo;.
          </span>
        </div>
        <button type="submit" className="button" disabled={busy !== null}>
          {busy === 'preview' ? 'Memeriksa…' : 'Pratinjau'}
        </button>
      </form>

      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        {imported && (
          <p className="alert success" role="status">
            Impor selesai: {imported.create} akun baru dibuat, {imported.updateUnit} pegawai pindah unit kerja
            {imported.verify ? `, ${imported.verify} NIP diverifikasi` : ''}
            {imported.claimsConfirmed ? `, ${imported.claimsConfirmed} pengklaim dikonfirmasi` : ''}
            {imported.claimsRejected ? `, ${imported.claimsRejected} klaim ditolak` : ''}.{' '}
            <Link href="/hr/kelompok">Tetapkan ke kelompok</Link>.
          </p>
        )}
        {imported && cohorts.length > 0 && (
          <div className="card">
            <label htmlFor="kelompok-impor">Tetapkan semua orang dalam berkas ini ke kelompok</label>
            <select id="kelompok-impor" value={cohortId} onChange={(event) => setCohortId(event.target.value)}>
              {cohorts.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.name}
                </option>
              ))}
            </select>
            <div className="actions">
              <button type="button" className="button" onClick={runAssign} disabled={busy !== null}>
                {busy === 'assign' ? 'Menetapkan…' : 'Tetapkan daftar ini'}
              </button>
            </div>
            {assigned?.state === 'done' && (
              <p className="alert success" role="status">
                Penetapan selesai: {assigned.added} ditambahkan, {assigned.moved} dipindahkan dari kelompok lain
                {assigned.certified ? `, ${assigned.certified} sudah bersertifikat (tidak diubah)` : ''}.
              </p>
            )}
            {assigned?.state === 'running' && (
              <p className="alert success" role="status">
                Penetapan {formatNumber(assigned.total)} orang berjalan di latar belakang.{' '}
                <a href="/hr/kelompok#penetapan">Lihat kemajuannya di halaman Kelompok</a>.
              </p>
            )}
          </div>
        )}
        {imported && imported.create > 0 && (
          <div className="card">
            <h2 className="flush-top">Kirim undangan</h2>
            <p className="muted">
              Email berisi kode aktivasi untuk {imported.create} akun baru dari impor ini yang belum diaktifkan, apa pun kelompoknya.
              Pegawai tanpa alamat email yang valid dihitung terpisah: berikan mereka kode dari CSV di bawah. Kode dari email dan kode
              dari CSV sama-sama berlaku sampai akunnya diaktifkan.
            </p>
            <ImportInviteButton importId={imported.importId} fileName={file?.name ?? ''} className="button" />
          </div>
        )}
        {imported && imported.create > 0 && (
          <form method="post" action="/api/hr/activation-codes">
            <p>
              Pegawai baru mengaktifkan akunnya di <strong>/aktivasi</strong> dengan NIP dan kode aktivasi. Unduh kode untuk semua akun
              yang belum diaktifkan (kode dari CSV sebelumnya tidak berlaku lagi; kode yang dikirim lewat email tetap berlaku):
            </p>
            <button type="submit" className="button secondary">
              Unduh kode aktivasi (CSV)
            </button>
          </form>
        )}
      </div>

      {preview && (
        <section className="card" aria-labelledby="hasil-pratinjau">
          <h2 id="hasil-pratinjau" className="flush-top">
            Pratinjau: {preview.counts.rows} baris
          </h2>
          <ul>
            <li>
              <strong>{preview.counts.create}</strong> akun baru akan dibuat
            </li>
            <li>
              <strong>{preview.counts.updateUnit}</strong> pegawai akan pindah unit kerja
            </li>
            <li>
              <strong>{preview.counts.unchanged}</strong> sudah sesuai (tidak diubah)
            </li>
            <li>
              <strong>{preview.counts.verify}</strong> NIP yang diklaim sendiri akan diverifikasi (nama cocok)
            </li>
            <li>
              <strong>{preview.counts.conflict}</strong> konflik klaim NIP perlu keputusan Anda
            </li>
            <li>
              <strong>{preview.counts.rejected}</strong> baris ditolak
            </li>
          </ul>
          {conflicts.length > 0 && (
            <>
              <DataTable
                caption="Konflik klaim NIP"
                captionVisible
                columns={conflictColumns(decisions, (nip, decision) => setDecisions((current) => ({ ...current, [nip]: decision })))}
                rows={conflicts}
                rowKey={(conflict) => conflict.nip}
                rowProps={(conflict) => ({ 'data-testid': `konflik-${conflict.nip}` })}
                empty={null}
              />
              <p className="hint">
                Menolak klaim melepas NIP dari akun pengklaim (riwayatnya tetap, sertifikatnya dengan NIP itu dicabut) dan membuat akun untuk
                pegawai dalam daftar, yang diaktifkan dengan kode aktivasi.
              </p>
            </>
          )}
          {preview.blocker && <p className="alert info">{preview.blocker}</p>}
          {preview.rejections.length > 0 && (
            <>
              <DataTable
                caption="Baris yang ditolak"
                captionVisible
                columns={REJECTION_COLUMNS}
                rows={preview.rejections}
                rowKey={(rejection) => String(rejection.rowNumber)}
                empty={null}
              />
              {preview.rejectionsTruncated && <p className="muted">Hanya 500 penolakan pertama yang ditampilkan.</p>}
            </>
          )}
          {preview.notes.length > 0 && (
            <details>
              <summary>{preview.notes.length} catatan (data yang tidak diubah)</summary>
              <ul>
                {preview.notes.map((note) => (
                  <li key={`${note.rowNumber}-${note.message}`}>
                    Baris {note.rowNumber}: {note.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="actions">
            <button type="button" className="button" onClick={runImport} disabled={busy !== null || importable === 0 || undecided > 0}>
              {busy === 'import' ? 'Mengimpor…' : `Impor ${importable} baris yang valid`}
            </button>
            {undecided > 0 && <span className="hint">Putuskan {undecided} konflik klaim NIP dulu.</span>}
          </div>
        </section>
      )}
    </>
  )
}
