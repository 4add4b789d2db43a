import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** The page a verification link opens; the token travels as `?token=` (see ../redact.ts). */
export const VERIFY_EMAIL_PATH = '/verifikasi-email'

export type EmailVerificationMailInput = { name: string; token: string; baseUrl: string; validHours: number }

/** "Verifikasi alamat email": sent at registration and when the person asks again. */
export function emailVerificationMail(input: EmailVerificationMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, VERIFY_EMAIL_PATH, { token: input.token })
  const greeting = `Yth. ${input.name},`
  const why = `Alamat ini didaftarkan untuk akun ${SITE_NAME}. Pastikan alamat ini milik Anda agar pengingat tenggat, sertifikat, dan tautan atur ulang kata sandi sampai kepada Anda.`
  const validity = `Tautan ini berlaku ${input.validHours} jam dan hanya bisa dipakai sekali.`
  const ignore = 'Jika Anda tidak mendaftar, abaikan email ini: alamat Anda tidak akan dipakai.'
  return {
    subject: `Verifikasi alamat email Anda di ${SITE_NAME}`,
    text: [greeting, '', why, 'Buka tautan berikut, lalu tekan "Verifikasi email saya":', '', link, '', validity, '', ignore, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: 'Verifikasi alamat email',
      paragraphs: [escapeHtml(greeting), escapeHtml(why), escapeHtml(validity)],
      button: { label: 'Verifikasi email saya', href: link },
      footer: `${escapeHtml(ignore)}<br>Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
