import { formatLongDate } from '@/lib/format/indonesian'
import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** The page where an imported person claims their account with NIP + activation code. */
export const ACTIVATION_PATH = '/aktivasi'

export type InvitationMailInput = { name: string; nip: string; code: string; cohortName: string | null; dueDate: Date | null; codeValidUntil: Date; baseUrl: string }

/** "Undangan": HR's "Kirim undangan" for a cohort or a roster import, with the person's activation code (decision 036). */
export function invitationMail(input: InvitationMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, ACTIVATION_PATH)
  const greeting = `Yth. ${input.name},`
  // From a cohort: its name and due date; from a roster import (decision 052): the course alone.
  const invited = `Admin kepegawaian instansi Anda mendaftarkan Anda pada kursus ${SITE_NAME}${input.cohortName ? `, kelompok "${input.cohortName}"` : ''}${input.dueDate ? `, dengan tenggat ${formatLongDate(input.dueDate)}` : ''}.`
  const how = `Aktifkan akun Anda: buka tautan di bawah, isi NIP ${input.nip} dan kode aktivasi berikut, lalu buat kata sandi Anda.`
  const code = `Kode aktivasi: ${input.code}`
  const validity = `Kode berlaku sampai ${formatLongDate(input.codeValidUntil)} dan hanya bisa dipakai sekali. Jangan berikan kode ini kepada siapa pun.`
  const ignore = 'Jika Anda merasa tidak seharusnya menerima email ini, hubungi admin kepegawaian instansi Anda.'
  return {
    subject: `Undangan kursus ${SITE_NAME}: aktifkan akun Anda`,
    text: [greeting, '', invited, how, '', code, '', link, '', validity, '', ignore, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: 'Undangan kursus',
      paragraphs: [escapeHtml(greeting), escapeHtml(invited), escapeHtml(how), `Kode aktivasi: <strong style="font-size:20px;letter-spacing:2px">${escapeHtml(input.code)}</strong>`, escapeHtml(validity)],
      button: { label: 'Aktifkan akun', href: link },
      footer: `${escapeHtml(ignore)}<br>Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
