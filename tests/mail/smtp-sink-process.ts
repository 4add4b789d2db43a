/**
 * The SMTP sink (smtp-sink.ts) as a process of its own, for `npm run test:cluster`: listens on a
 * free port on 127.0.0.1, writes that port to `<dir>/port` once listening, and appends every
 * accepted message to `<dir>/received.jsonl` as `{"to": [...], "subject": "..."}`. Stops on
 * SIGTERM. Usage: tsx tests/mail/smtp-sink-process.ts <dir>
 */
import fs from 'node:fs'
import path from 'node:path'
import { startSmtpSink } from './smtp-sink'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: smtp-sink-process.ts <dir>')
  process.exit(2)
}
const out = path.join(dir, 'received.jsonl')
fs.writeFileSync(out, '')
const sink = await startSmtpSink()
let written = 0
setInterval(() => {
  for (; written < sink.received.length; written++) {
    const mail = sink.received[written]!
    fs.appendFileSync(out, `${JSON.stringify({ to: mail.envelopeTo, subject: mail.parsed.subject ?? '' })}\n`)
  }
}, 100)
fs.writeFileSync(path.join(dir, 'port'), String(sink.port))
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void sink.stop().then(() => process.exit(0)))
