import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'
import { findOutboxMessage } from '@/lib/mail/outbox-query.server'

// The HTML part of one outbox message, for the admin's preview frame. Admins only. The message
// is shown as it will be sent; this response runs no script and loads nothing (CSP), may only be
// framed by our own pages, and the frame is sandboxed too.
export const GET = route<'admin', undefined, { id: string }>({
  access: 'admin',
  signedOut: 'Silakan masuk sebagai admin.',
  run: async ({ params }) => {
    const message = await findOutboxMessage(params.id)
    if (!message) throw new AppError(404, 'Pesan tidak ditemukan.')
    return new Response(message.html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
        'X-Frame-Options': 'SAMEORIGIN',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
})
