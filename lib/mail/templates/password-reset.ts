import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** The path of the page a reset link opens; the token travels as `?token=` (see ../redact.ts). */
export const RESET_LINK_PATH = '/atur-ulang-sandi/email'

export type PasswordResetMailInput = { name: string; token: string; baseUrl: string; validMinutes: number }

/** "Atur ulang kata sandi": the one-time link a person asked for on /lupa-sandi. */
export function passwordResetMail(input: PasswordResetMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, RESET_LINK_PATH, { token: input.token })
  const greeting = `Yth. ${input.name},`
  const asked = `Seseorang (semoga Anda) meminta untuk mengatur ulang kata sandi akun ${SITE_NAME} Anda.`
  const validity = `Tautan ini hanya berlaku ${input.validMinutes} menit dan hanya bisa dipakai sekali. Setelah kata sandi baru disimpan, semua sesi akun Anda di perangkat lain diakhiri.`
  const ignore = 'Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.'
  return {
    subject: `Atur ulang kata sandi ${SITE_NAME}`,
    text: [greeting, '', asked, 'Buka tautan berikut untuk membuat kata sandi baru:', '', link, '', validity, '', ignore, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: 'Atur ulang kata sandi',
      paragraphs: [escapeHtml(greeting), escapeHtml(asked), escapeHtml(validity)],
      button: { label: 'Buat kata sandi baru', href: link },
      footer: `${escapeHtml(ignore)}<br>Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
