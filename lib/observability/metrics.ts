import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** The outbox's statuses (prisma/schema.prisma, OutboxStatus): each is reported, 0 when empty. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'expired'] as const

export type OutboxDepth = { counts: Partial<Record<string, number>>; oldestPendingSeconds: number | null }

export type QuizOutcome = 'passed' | 'failed' | 'duplicate' | 'expired'

/** Request methods kept as labels; anything else is counted as OTHER (no label per invented method). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** Seconds: a static file (~1 ms) up to a large report (tens of seconds). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/**
 * The app's Prometheus metrics (decision 041), in a registry of their own. Counters count what
 * this process saw: Prometheus scrapes every instance and sums. The outbox gauge is read from the
 * database at scrape time, so every instance reports the same, whole-cluster figure.
 */
export function createMetrics(options: { readOutbox: () => Promise<OutboxDepth>; defaultMetrics?: boolean; onReadError?: (error: unknown) => void }) {
  const registry = new Registry()
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry })

  const requests = new Counter({
    name: 'bbs_http_requests_total',
    help: 'Requests answered by this instance, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const durations = new Histogram({
    name: 'bbs_http_request_duration_seconds',
    help: 'Time from the request reaching this instance to the last byte of its response, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  })
  const quizSubmissions = new Counter({
    name: 'bbs_quiz_submissions_total',
    help: 'Quiz submissions handled by this instance: scored (passed, failed) or refused (duplicate, expired).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  })
  const certificatesIssued = new Counter({
    name: 'bbs_certificates_issued_total',
    help: 'Certificates issued by this instance.',
    registers: [registry],
  })
  // One database read per scrape, shared by the three outbox gauges (the registry collects them
  // concurrently): the promise of the read in progress, cleared when it settles.
  let reading: Promise<OutboxDepth | null> | null = null
  const readOutbox = () =>
    (reading ??= options
      .readOutbox()
      .catch((error: unknown) => {
        options.onReadError?.(error)
        return null
      })
      .finally(() => {
        reading = null
      }))

  new Gauge({
    name: 'bbs_outbox_messages',
    help: 'Email outbox messages by status, read from the database at scrape time (the same on every instance).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const depth = await readOutbox()
      // No stale figures: when the read failed the series are absent and read_ok is 0.
      this.reset()
      if (depth) for (const status of OUTBOX_STATUSES) this.set({ status }, depth.counts[status] ?? 0)
    },
  })
  new Gauge({
    name: 'bbs_outbox_oldest_pending_seconds',
    help: 'Age of the oldest pending outbox message (0 when none), read from the database at scrape time.',
    registers: [registry],
    async collect() {
      const depth = await readOutbox()
      this.reset()
      if (depth) this.set(depth.oldestPendingSeconds ?? 0)
    },
  })
  new Gauge({
    name: 'bbs_outbox_read_ok',
    help: '1 when the outbox figures of this scrape were read from the database, 0 when the read failed.',
    registers: [registry],
    async collect() {
      this.set((await readOutbox()) ? 1 : 0)
    },
  })

  return {
    registry,
    observeRequest(method: string | undefined, route: string, status: number, seconds: number) {
      const knownMethod = method && METHODS.has(method) ? method : 'OTHER'
      requests.inc({ method: knownMethod, route, status: String(status) })
      durations.observe({ method: knownMethod, route }, seconds)
    },
    countQuizSubmission(kind: string, outcome: QuizOutcome) {
      quizSubmissions.inc({ kind, outcome })
    },
    countCertificateIssued() {
      certificatesIssued.inc()
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
