/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. `BENCH_CPU_PROF=<dir> npm run bench:hr`):
 * self time by function and by module (package or app file), and total (inclusive) time of the
 * functions that matter, so one can see where a request's server time goes.
 *
 *   npx tsx scripts/cpu-profile-summary.ts <file.cpuprofile> [top=30] [filter regexp for totals]
 *
 * LAST_S=<seconds>: only the profile's last seconds (e.g. the measured phase, not start-up and
 * warm-up).
 */
import fs from 'node:fs'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const [file, topArg, filter] = process.argv.slice(2)
if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [top] [filter]')
const top = Number(topArg ?? 30)
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile

// Time per sample: the delta after it (V8 records the delta before each sample).
const selfUs = new Map<number, number>()
const from = process.env.LAST_S ? profile.endTime - Number(process.env.LAST_S) * 1e6 : 0
let at = profile.startTime
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0
  if (at < from) continue
  const delta = profile.timeDeltas[i + 1] ?? 0
  selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + delta)
}
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

function moduleOf(url: string): string {
  if (!url) return '(native/V8)'
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
    // Next is most of a request: name its file (the renderer, the server, the router…).
    return name === 'next' ? `next/…/${rest[rest.length - 1]}` : name
  }
  if (url.startsWith('node:')) return url
  const chunks = url.indexOf('.next/')
  if (chunks >= 0) return url.slice(chunks).replace(/\/[^/]*$/, '/*')
  return url
}
const label = (node: Node) => `${node.callFrame.functionName || '(anonymous)'} ${moduleOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`

const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
const idle = [...selfUs.entries()].filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName)).reduce((a, [, v]) => a + v, 0)
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7)
console.log(`profile ${((profile.endTime - Math.max(from, profile.startTime)) / 1e6).toFixed(1)} s, sampled ${ms(total)} ms, of which idle/program ${ms(idle)} ms, busy ${ms(total - idle)} ms`)

function table(title: string, map: Map<string, number>) {
  console.log(`\n${title}`)
  for (const [key, us] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms(us)} ms ${((100 * us) / (total - idle)).toFixed(1).padStart(5)}%  ${key}`)
  }
}
const selfByFunction = new Map<string, number>()
const selfByModule = new Map<string, number>()
for (const [id, us] of selfUs) {
  const node = byId.get(id)!
  selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + us)
  selfByModule.set(moduleOf(node.callFrame.url), (selfByModule.get(moduleOf(node.callFrame.url)) ?? 0) + us)
}
table('self time by module', selfByModule)
table('self time by function', selfByFunction)

// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>()
for (const [id, us] of selfUs) {
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at)!)
    if (seen.has(key)) continue
    seen.add(key)
    inclusive.set(key, (inclusive.get(key) ?? 0) + us)
  }
}
const pattern = filter ? new RegExp(filter) : /(^(?!\(anonymous\))[^ ]+ (?!node:)[^(])/
table(`total (inclusive) time by function${filter ? ` matching /${filter}/` : ''}`, new Map([...inclusive].filter(([key]) => pattern.test(key))))

// CALLERS=<regexp>: who calls the matching functions (their self time by the nearest caller
// that does not match), to find where a hot helper is used from.
if (process.env.CALLERS) {
  const callee = new RegExp(process.env.CALLERS)
  const callers = new Map<string, number>()
  for (const [id, us] of selfUs) {
    let at: number | undefined = id
    let inside = false
    for (; at !== undefined; at = parent.get(at)) {
      const matches = callee.test(label(byId.get(at)!))
      if (matches) inside = true
      else if (inside) break
    }
    if (!inside || at === undefined) continue
    const chain: string[] = []
    for (let up: number | undefined = at, depth = 0; up !== undefined && depth < Number(process.env.DEPTH ?? 3); up = parent.get(up), depth++) chain.push(label(byId.get(up)!))
    callers.set(chain.join(' < '), (callers.get(chain.join(' < ')) ?? 0) + us)
  }
  table(`callers of /${process.env.CALLERS}/ (self time below them)`, callers)
}
