// Runs once when a server instance starts: validate the environment before serving anything.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env.server')
    // The socket address must reach the per-address limits (lib/http/client-address.ts).
    const { appendSocketAddressToForwardedFor } = await import('./lib/http/socket-address.server')
    appendSocketAddressToForwardedFor()
  }
}
