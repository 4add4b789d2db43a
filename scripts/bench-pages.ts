/**
 * Lesson page weight and throughput, from the production build.
 *   npm run bench:pages
 * 1. Starts `next start` with a DATABASE_URL whose server cannot be reached: if a lesson page
 *    touched the database it would fail, so 200s prove they are served without it.
 * 2. For each lesson route: first-load JavaScript = the <script src> files a modern browser
 *    loads (not the `nomodule` polyfills) plus the inline data scripts (`__NEXT_DATA__`, which
 *    carries the compiled lesson code), gzipped. Both parts are printed.
 * 3. autocannon, 10 s, 50 connections, against one lesson page: requests/s and latency.
 * Prints readable lines, then one JSON object on the last line.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import matter from 'gray-matter'
import { startNextServer } from './lib/next-server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PORT = Number(process.env.BENCH_PORT ?? 3300)
const base = `http://localhost:${PORT}`
const TARGET_KB = 130
// The proxy only checks that a session cookie is there (docs/decisions/005); the page is static.
const headers = { cookie: 'better-auth.session_token=benchmark' }

const slugs = fs
  .readdirSync(path.join(root, 'content/lessons'))
  .filter((file) => file.endsWith('.mdx'))
  .sort()
  .map((file) => String(matter(fs.readFileSync(path.join(root, 'content/lessons', file), 'utf8')).data.slug))

// DATABASE_URL names a PostgreSQL server that is not there (port 9, discard): a page that
// touched it would fail. PostgreSQL, because its pool connects on the first statement; a SQLite
// file is opened when the app starts (lib/db/adapter.ts), and an unusable one stops the start-up
// (Node 20's recursive mkdir under /proc, the path used here before, never returns).
const server = await startNextServer(PORT, {
  DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:9/no_database',
  MAIL_WORKER: 'off',
  BETTER_AUTH_SECRET: 'benchmark-secret-0123456789abcdefghijklmnop',
})

const fileCache = new Map<string, number>()
async function gzippedSize(src: string): Promise<number> {
  if (!fileCache.has(src)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())
    fileCache.set(src, gzipSync(body, { level: 9 }).length)
  }
  return fileCache.get(src) as number
}

const routes: { route: string; status: number; scripts: number; scriptFilesKb: number; inlinePayloadKb: number; firstLoadJsKb: number }[] = []
for (const slug of slugs) {
  const route = `/belajar/${slug}`
  const response = await fetch(`${base}${route}`, { headers })
  const html = await response.text()
  const sources = [...new Set([...html.matchAll(/<script(?![^>]*nomodule)[^>]+src="([^"]+\.js[^"]*)"/gi)].map((match) => match[1] as string))]
  const sizes = await Promise.all(sources.map(gzippedSize))
  // Inline scripts without src: an App Router RSC payload, or the Pages Router's __NEXT_DATA__,
  // which carries the compiled lesson (code the browser runs).
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('')
  routes.push({
    route,
    status: response.status,
    scripts: sources.length,
    scriptFilesKb: Math.round((sizes.reduce((sum, size) => sum + size, 0) / 1024) * 10) / 10,
    inlinePayloadKb: Math.round((gzipSync(inline, { level: 9 }).length / 1024) * 10) / 10,
    // What is held against the budget: the script files and the inline data they run.
    firstLoadJsKb: Math.round(((sizes.reduce((sum, size) => sum + size, 0) + gzipSync(inline, { level: 9 }).length) / 1024) * 10) / 10,
  })
}

console.log('Lesson routes (production build; gzip):')
for (const route of routes) {
  console.log(
    `  ${route.route.padEnd(34)} HTTP ${route.status}  first-load JS ${route.firstLoadJsKb} kB = ${route.scriptFilesKb} kB in ${route.scripts} files + ${route.inlinePayloadKb} kB inline data with the compiled lesson`,
  )
}
const maxKb = Math.max(...routes.map((route) => route.firstLoadJsKb))
const allOk = routes.every((route) => route.status === 200)
console.log(`  largest: ${maxKb} kB (target ≤ ${TARGET_KB} kB): ${maxKb <= TARGET_KB ? 'met' : 'NOT met'}`)
console.log(`  served with an unusable DATABASE_URL: ${allOk ? 'yes, every lesson 200 — no database touched' : 'NO'}`)

const loadRoute = routes[1]?.route ?? routes[0]?.route ?? '/'
const result = await autocannon({ url: `${base}${loadRoute}`, connections: 50, duration: 10, headers })
console.log(`Load: autocannon ${loadRoute}, 50 connections, 10 s (load generator on the same machine):`)
console.log(
  `  ${Math.round(result.requests.average)} req/s average, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`,
)
await server.stop()

console.log(
  JSON.stringify({
    routes,
    maxFirstLoadJsKb: maxKb,
    targetKb: TARGET_KB,
    servedWithoutDatabase: allOk,
    load: {
      route: loadRoute,
      connections: 50,
      durationS: 10,
      requestsPerSec: Math.round(result.requests.average),
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    },
  }),
)
// A benchmark reports; it fails only when it could not measure (a lesson did not load).
process.exit(allOk ? 0 : 1)
