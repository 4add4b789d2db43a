// Runs once when a server instance starts: validate the environment before serving anything.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env.server')
  }
}
