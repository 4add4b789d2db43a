import 'server-only'
import nodemailer from 'nodemailer'
import type { MailSender } from './mail-config'

/** One message as the worker hands it to SMTP. */
export type OutgoingMail = {
  from: MailSender
  to: { name: string; address: string }
  subject: string
  text: string
  html: string
  /** Stable across retries (`<outbox id@sender domain>`), so a receiver can drop a rare duplicate. */
  messageId: string
}

export type MailTransport = { send(mail: OutgoingMail): Promise<void>; close(): void }

export type SmtpTimeouts = { connectionMs: number; greetingMs: number; socketMs: number }
const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 60_000 }

/**
 * nodemailer over SMTP_URL (smtp:// upgrades with STARTTLS when offered, smtps:// is TLS from
 * the start). Addresses go in as objects: nodemailer encodes the display name itself, and the
 * names were stripped of control characters when queued (./headers.ts), so no header can be
 * added through them.
 */
export function smtpTransport(smtpUrl: string, timeouts: Partial<SmtpTimeouts> = {}): MailTransport {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts }
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // One kept connection, reused for the next message (decision 036): a new connection per
    // message cost ~120 ms against a local server (8 messages/s); reused, ~8 ms. The worker sends
    // one message at a time, so one connection is enough; nodemailer opens a fresh one after
    // 100 messages or when the server closed it.
    pool: true,
    maxConnections: 1,
    connectionTimeout: t.connectionMs,
    greetingTimeout: t.greetingMs,
    socketTimeout: t.socketMs,
  })
  return {
    async send(mail) {
      await transporter.sendMail({
        from: { name: mail.from.name, address: mail.from.address },
        to: { name: mail.to.name, address: mail.to.address },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
        // Nothing the message says is fetched or attached from disk or the network.
        disableFileAccess: true,
        disableUrlAccess: true,
      })
    },
    close: () => transporter.close(),
  }
}
