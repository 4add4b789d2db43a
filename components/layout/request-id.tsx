'use client'

import { useSyncExternalStore } from 'react'

/** The `<meta>` the root layout writes with the document request's id (decision 041). */
export const REQUEST_ID_META = 'request-id'

const noopSubscribe = () => () => {}
const readRequestId = () => document.querySelector<HTMLMetaElement>(`meta[name="${REQUEST_ID_META}"]`)?.content || null

/**
 * "Kode permintaan: …" on the error pages: the id under which the server logged the request, so
 * a user can quote it to support. It is the id of the page's document request; after a client
 * navigation the error's own request is found in the log by the "Kode kejadian" (the digest),
 * which the error line carries next to that request's id.
 */
export function RequestCodes({ digest, className }: { digest?: string; className?: string }) {
  const requestId = useSyncExternalStore(noopSubscribe, readRequestId, () => null)
  if (!requestId && !digest) return null
  return (
    <p className={className}>
      {requestId && <>Kode permintaan: <code>{requestId}</code></>}
      {requestId && digest && <br />}
      {digest && <>Kode kejadian: <code>{digest}</code></>}
    </p>
  )
}
