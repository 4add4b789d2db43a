import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Starts the production build (`next start`) for a benchmark, in its own process group: `next
 * start` runs the server in a child process, so stopping only the CLI would leave the server
 * holding the port. Refuses a port that already answers, so a benchmark never measures a stale
 * server.
 */
export async function startNextServer(port: number, env: Record<string, string | undefined>, options: { logFile?: string } = {}) {
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npx next build` first.')
  }
  const base = `http://localhost:${port}`
  // A server there that accepts and never answers (one stuck at start-up) counts as taken too:
  // without the time limit this probe waited for it forever.
  const taken = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    (error: unknown) => error instanceof Error && error.name === 'TimeoutError',
  )
  if (taken) throw new Error(`port ${port} is taken by a server (answering or not): stop it first (or choose another port)`)
  const logFd = options.logFile ? fs.openSync(options.logFile, 'a') : null
  const child = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
    cwd: root,
    // APP_ENV=demo: a production build on http://localhost on purpose (lib/env.ts).
    env: { ...process.env, APP_ENV: 'demo', ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    // The server's output appended to `logFile` when given (the soak reads it after a failure).
    stdio: logFd === null ? 'ignore' : ['ignore', logFd, logFd],
    detached: true,
  })
  if (logFd !== null) fs.closeSync(logFd)
  let exited = false
  child.once('exit', () => (exited = true))
  const onExit = () => {
    if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
  }
  /** Signals the whole process group (the CLI and the server it runs) and waits for the CLI to exit. */
  const signal = async (name: 'SIGTERM' | 'SIGKILL') => {
    process.removeListener('exit', onExit)
    if (exited || child.pid === undefined) return
    try {
      process.kill(-child.pid, name)
    } catch {
      // already gone
    }
    await new Promise((resolve) => (exited ? resolve(null) : child.once('exit', resolve)))
  }
  const stop = () => signal('SIGTERM')
  /** A crash: SIGKILL to the CLI and the server alike (scripts/soak-crash.ts). */
  const kill = () => signal('SIGKILL')
  process.once('exit', onExit)
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`next start exited early (port ${port} taken?)`)
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break
    if (i > 200) throw new Error('server did not start within 40 s')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  /** The server process (the child of `next start`), for reading its memory from /proc. */
  const serverPid = (): number => {
    const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    return Number(children[0] ?? child.pid)
  }
  return { base, stop, kill, serverPid }
}
