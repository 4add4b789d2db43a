import { createWriteStream } from 'node:fs'
import { Writable, PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { performance } from 'node:perf_hooks'
import { completionXlsx } from '../lib/reports/xlsx'
import { sampleCompletionRows } from '../lib/reports/sample-rows'
const mode = process.argv[2]
const t = performance.now()
if (mode === 'sink') await completionXlsx(sampleCompletionRows(100000), new Writable({ write(_c, _e, cb) { cb() } }))
if (mode === 'file') { const f = createWriteStream('/tmp/probe.xlsx'); await completionXlsx(sampleCompletionRows(100000), f) }
if (mode === 'tap') { const tap = new PassThrough(); const p = pipeline(tap, createWriteStream('/tmp/probe.xlsx')); await completionXlsx(sampleCompletionRows(100000), tap); await p }
console.log(mode, Math.round(performance.now() - t), 'ms', Math.round(process.resourceUsage().maxRSS/1024), 'MB')
