import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getCurrentUser } from '@/lib/auth/session.server'
import { PRIVACY_ACCEPT_PATH, PRIVACY_NOTICE_CHANGES, PRIVACY_NOTICE_PATH, PRIVACY_NOTICE_VERSION } from '@/lib/privacy/notice'
import { safeReturnPath } from '@/lib/safe-return-path'
import { acceptPrivacyNoticeAction } from './actions'

export const metadata: Metadata = { title: 'Pemberitahuan Privasi baru' }

/**
 * Asked before any other page when the privacy notice changed since the person last accepted it
 * (lib/auth/session.server.ts `requireUser`, decision 047). Reads the session itself: it is the
 * one page the gate must not send back to itself.
 */
export default async function AcceptPrivacyNoticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams
  const back = safeReturnPath(params.kembali) ?? '/dasbor'
  const user = await getCurrentUser()
  if (!user) redirect(`/masuk?kembali=${encodeURIComponent(`${PRIVACY_ACCEPT_PATH}?kembali=${back}`)}`)
  if (!user.mustAcceptNotice) redirect(back)
  return (
    <div className="narrow">
      <h1>Pemberitahuan Privasi diperbarui</h1>
      <p>
        Pemberitahuan Privasi kursus ini berubah (versi {PRIVACY_NOTICE_VERSION}). Bacalah perubahannya sebelum melanjutkan. Dasar pemrosesan
        data Anda tetap tugas dan kewenangan instansi, bukan persetujuan; catatan ini menunjukkan bahwa Anda sudah diberi tahu.
      </p>
      <h2>Yang berubah</h2>
      <ul>
        {PRIVACY_NOTICE_CHANGES.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <p>
        <Link href={PRIVACY_NOTICE_PATH} target="_blank">
          Baca Pemberitahuan Privasi lengkap
        </Link>
      </p>
      {params.galat === 'centang' && (
        <p className="alert error" role="alert">
          Centang pernyataan di bawah untuk melanjutkan.
        </p>
      )}
      <form action={acceptPrivacyNoticeAction} aria-label="Setujui Pemberitahuan Privasi">
        <input type="hidden" name="kembali" value={back} />
        <label>
          <input type="checkbox" name="setuju" value="ya" required /> Saya telah membaca Pemberitahuan Privasi versi {PRIVACY_NOTICE_VERSION}.
        </label>
        <button type="submit" className="button space-top-sm">
          Lanjutkan
        </button>
      </form>
    </div>
  )
}
