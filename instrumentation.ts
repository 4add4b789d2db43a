// Runs once when a server instance starts: validate the environment before serving anything.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, before the server allocates much: V8's allocation-site pretenuring can decide at
    // start-up, by chance, to allocate a report's short-lived objects in the old generation, which
    // then keeps ~1.5 MB per young collection alive until a full one; a 100,000-row download then
    // peaked at ~350 MB instead of ~245 MB, in about one fresh server of eight (decision 064).
    const { setFlagsFromString } = await import('node:v8')
    setFlagsFromString('--no-allocation-site-pretenuring')
    const { env } = await import('./lib/env.server')
    // A configured certificate-signing key that cannot be opened stops start-up with one line (decision 046).
    // Without one there is nothing to check, and pdf-lib and node-forge are not loaded at start-up
    // (the first certificate loads them; decision 054).
    if (env.CERT_SIGNING_P12 && process.env.NEXT_PHASE !== 'phase-production-build') {
      const { exitUnlessSigningKeyLoads } = await import('./lib/certificates/signing-key.server')
      await exitUnlessSigningKeyLoads(env)
    }
    // Every request: an id (nginx's X-Request-Id or a new one), one JSON log line and its
    // metrics when the response is done (decision 041).
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const { installRequestObservation } = await import('./lib/observability/request-log.server')
      installRequestObservation()
    }
    // The socket address must reach the per-address limits (lib/http/client-address.ts).
    const { appendSocketAddressToForwardedFor } = await import('./lib/http/socket-address.server')
    appendSocketAddressToForwardedFor()
    // The outbox worker runs in the app process unless a separate `npm run worker` does it
    // (MAIL_WORKER=off); without SMTP_URL messages stay in the outbox (decision 032).
    if (env.SMTP_URL && env.MAIL_WORKER === 'app' && process.env.NEXT_PHASE !== 'phase-production-build') {
      const { db, databaseProvider } = await import('./lib/db/db.server')
      const { startMailWorker } = await import('./lib/mail/run-worker.server')
      startMailWorker(env, db, databaseProvider)
      console.log(`mail: delivering the outbox to ${new URL(env.SMTP_URL).host} from this process`)
    }
    // Large cohort assignments are applied in batches by a runner in every instance (decision 049).
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const { startAssignmentRunner } = await import('./lib/hr/assignment-jobs.server')
      startAssignmentRunner()
    }
    // The scheduler (due-date reminders …) queues into the outbox with or without SMTP_URL, so the
    // demo's admin sees them in "Kotak keluar" (decision 036).
    if (env.MAIL_WORKER === 'app' && process.env.NEXT_PHASE !== 'phase-production-build') {
      const { db, databaseProvider } = await import('./lib/db/db.server')
      const { startMailScheduler } = await import('./lib/mail/run-worker.server')
      startMailScheduler(env, db, databaseProvider)
    }
  }
}

/**
 * An error Next caught while rendering a page or running a route handler, server action or
 * proxy: logged with its stack, the request's id (shown to the user as "Kode permintaan") and
 * the digest the error page shows ("Kode kejadian"). The user sees neither the message nor the
 * stack (app/error.tsx).
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { logger } = await import('./lib/observability/log.server')
  const requestId = request.headers['x-request-id']
  logger().error(
    {
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      digest: (error as { digest?: unknown } | null)?.digest,
      err: error,
    },
    'unexpected error',
  )
}
