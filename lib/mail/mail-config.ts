import { headerSafe, mailAddressSchema } from './headers'

/** SMTP_URL: smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start). */
export function parseSmtpUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error('must be a URL such as smtp://user:password@mail.example.go.id:587')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('must start with smtp:// or smtps://')
  if (!url.hostname) throw new Error('must name a host')
  return url
}

export type MailSender = { name: string; address: string }

/** MAIL_FROM: `Name <address>` or a bare address; the name may not carry control characters. */
export function parseMailFrom(value: string): MailSender {
  if (/[\r\n]/.test(value)) throw new Error('must be one line')
  const match = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>]+)>|([^<>\s]+))\s*$/.exec(value)
  if (!match) throw new Error('must be an address or "Name <address>"')
  const parsed = mailAddressSchema.safeParse(match[2] ?? match[3])
  if (!parsed.success) throw new Error('must contain a valid email address')
  return { name: headerSafe(match[1] ?? ''), address: parsed.data }
}
