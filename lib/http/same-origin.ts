import { AppError } from '@/lib/errors/app-error'

/**
 * Refuses a state-changing request sent from another site. Session cookies are SameSite=Lax
 * already; this also covers browsers and proxies that do not honour it. Requests without an
 * Origin header (same-origin navigations in some browsers, scripts) fall back to Referer.
 */
export function assertSameOrigin(request: Request): void {
  const expected = new URL(request.url).origin
  const origin = request.headers.get('origin') ?? (request.headers.get('referer') ? new URL(request.headers.get('referer') as string).origin : null)
  const forwardedHost = request.headers.get('x-forwarded-host')
  const allowed = new Set([expected, ...(forwardedHost ? [`https://${forwardedHost}`, `http://${forwardedHost}`] : [])])
  if (!origin || !allowed.has(origin)) throw new AppError(403, 'Permintaan ditolak: harus dikirim dari halaman aplikasi ini.')
}
