import { SMTPServer } from 'smtp-server'

/**
 * An SMTP server on 127.0.0.1 (a free port) that accepts every message and only counts it (no
 * parsing): what the delivery benchmarks measure is the sender.
 */
export async function countingSmtpSink(): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0
  const sink = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS lookup of 127.0.0.1 per connection (it waits for a resolver on a closed network).
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        accepted++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
  return {
    port: (sink.server.address() as { port: number }).port,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => sink.close(() => resolve())),
  }
}
