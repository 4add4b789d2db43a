import { maskNip } from '@/lib/identity/nip'
import styles from './hr.module.css'

/**
 * A person's name in an HR or admin list, with what tells namesakes apart beside it: their unit
 * and masked NIP (the same text as `personTag`; the NIP never wraps). Server component, no client
 * JavaScript: the link is a plain `<a>` (not `next/link`), so a table of names can be static
 * markup (decision 039) and a page of 25 names prefetches no 25 person pages.
 */
export function PersonName({ name, unitName, nip, href }: { name: string; unitName?: string | null; nip?: string | null; href?: string }) {
  const unit = unitName?.trim() || null
  const masked = nip ? maskNip(nip) : null
  return (
    <span className={styles.person}>
      {href ? <a href={href}>{name}</a> : <span>{name}</span>}
      {(unit || masked) && (
        <span className={styles.personTag} data-testid="penanda-pegawai">
          {unit}
          {unit && masked && ' · '}
          {masked && <span className="nowrap">{masked}</span>}
        </span>
      )}
    </span>
  )
}
