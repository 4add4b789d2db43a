/**
 * `npx tsx scripts/bench-log-line.ts`: what one request's log line costs (decision 041): the
 * request logger (shape scrubbing), the general logger (key redaction and scrubbing) and pino
 * bare, writing to /dev/null. Prints the median of 7 runs of 20,000 lines each, in µs per line.
 */
import pino from 'pino'
import { createLogger } from '../lib/observability/log'
import { requestLine } from '../lib/observability/request-log'
import { createRouteResolver } from '../lib/observability/route-pattern'

const resolveRoute = createRouteResolver({
  staticRoutes: [{ page: '/api/health', regex: '^/api/health(?:/)?$' }],
  dynamicRoutes: Array.from({ length: 12 }, (_, i) => ({ page: `/r${i}/[id]`, regex: `^/r${i}/([^/]+?)(?:/)?$` })).concat([{ page: '/api/attempts/[id]/submit', regex: '^/api/attempts/([^/]+?)/submit(?:/)?$' }]),
})
const request = { method: 'POST', url: '/api/attempts/cmabc123def456ghi789jkl0/submit', headers: { cookie: 'x', 'x-request-id': 'a'.repeat(32) } }
const response = { statusCode: 200, writableFinished: true }
const LINES = 20_000

function run(log: (line: object) => void): number {
  const started = process.hrtime.bigint()
  for (let i = 0; i < LINES; i++) log(requestLine('0f1e2d3c4b5a69788796a5b4c3d2e1f0', request, response, 12.3, resolveRoute))
  return Number(process.hrtime.bigint() - started) / 1000 / LINES
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const devNull = () => pino.destination({ dest: '/dev/null', sync: true })
const loggers = {
  // What request-log.server.ts uses: fixed fields, scrubbed by shape.
  requestLine: createLogger(devNull(), 'info', { redact: false }),
  // What every other line goes through: key redaction too.
  redactedAndScrubbed: createLogger(devNull()),
  barePino: pino(devNull()),
}
const runs: Record<string, number[]> = { requestLine: [], redactedAndScrubbed: [], barePino: [] }
for (let i = 0; i < 7; i++) for (const [name, log] of Object.entries(loggers)) runs[name]!.push(run((line) => log.info(line, 'request')))
console.log(JSON.stringify({ lines: LINES, runs: 7, medianMicrosPerLine: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, +median(values).toFixed(2)])) }))
