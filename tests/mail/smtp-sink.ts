/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it accepts, parsed
 * by `mailparser`: what a mail client would see. Tests tell it to refuse (4xx, 5xx), to hold a
 * message without answering (a server that hangs mid-DATA), or to stop and come back.
 */
import net from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerAddress } from 'smtp-server'

export type ReceivedMail = {
  envelopeFrom: string
  envelopeTo: string[]
  parsed: ParsedMail
  raw: string
}

export type SinkBehaviour = {
  /** Answer RCPT TO with this code (e.g. 451 or 550) for every address, or per address. */
  refuseRecipient?: (address: string) => number | null
  /** Hold the DATA of the n-th message (1-based, counted over the sink's life) without ever answering. */
  holdMessage?: number
}

export type SmtpSink = {
  port: number
  url: string
  received: ReceivedMail[]
  behaviour: SinkBehaviour
  /** How many DATA commands have started (answered or not). */
  dataStarted: () => number
  stop(): Promise<void>
  /** Listens again on the same port (after stop). */
  restart(): Promise<void>
}

function smtpError(code: number, text: string): Error {
  const error = new Error(text) as Error & { responseCode: number }
  error.responseCode = code
  return error
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  const behaviour: SinkBehaviour = {}
  let dataCount = 0
  let server: SMTPServer

  const create = () =>
    new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // A held message must not keep the socket open forever once the client is gone.
      socketTimeout: 120_000,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        const code = behaviour.refuseRecipient?.(address.address) ?? null
        if (code) return callback(smtpError(code, code >= 500 ? `${code} 5.1.1 Mailbox tidak dikenal` : `${code} 4.7.1 Coba lagi nanti`))
        callback()
      },
      onData(stream, session, callback) {
        dataCount++
        const hold = behaviour.holdMessage === dataCount
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', async () => {
          if (hold) return // never answered: the client waits until it gives up or dies
          const raw = Buffer.concat(chunks).toString('utf8')
          const parsed = await simpleParser(raw)
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            parsed,
            raw,
          })
          callback()
        })
      },
    })

  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server = create()
      server.on('error', () => {})
      server.server.once('error', reject)
      server.listen(onPort, '127.0.0.1', () => resolve((server.server.address() as net.AddressInfo).port))
    })

  const actualPort = await listen(port)
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    behaviour,
    dataStarted: () => dataCount,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Held connections would keep close() waiting for the socket timeout.
        for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) connection.close()
      }),
    restart: async () => {
      await listen(actualPort)
    },
  }
}

/** A TCP server that accepts connections and never says a word: an SMTP server that hangs. */
export async function startSilentServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on (refused connections). */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
