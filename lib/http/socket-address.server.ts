import 'server-only'
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

const holder = globalThis as unknown as { bbsSocketAddressHook?: boolean }

/**
 * Appends each request's socket address to its `x-forwarded-for` header before Next handles it.
 * Next 16 fills that header from the socket only when it is missing (base-server.js: `??=`), so
 * without this a client sending its own header would choose the address our limits count, and
 * the socket address would reach no route handler or server action at all. Node publishes
 * `http.server.request.start` for every request of every http.Server in the process, before the
 * server's request listener runs. Called once from instrumentation.ts (see
 * lib/http/client-address.ts for how the header is read, and docs/security/abuse.md).
 */
export function appendSocketAddressToForwardedFor(): void {
  if (holder.bbsSocketAddressHook) return
  holder.bbsSocketAddressHook = true
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    const peer = socket.remoteAddress
    if (!peer) return
    const existing = request.headers['x-forwarded-for']
    const joined = Array.isArray(existing) ? existing.join(', ') : existing
    request.headers['x-forwarded-for'] = joined ? `${joined}, ${peer}` : peer
  })
}
