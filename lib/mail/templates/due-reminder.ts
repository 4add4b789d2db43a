import { formatLongDate } from '@/lib/format/indonesian'
import type { ReminderStage } from '../reminder-schedule'
import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** Where a reminder sends the learner: their dashboard, which opens the next lesson or test. */
export const REMINDER_LINK_PATH = '/dasbor'

export type DueReminderMailInput = { name: string; cohortName: string; dueDate: Date; stage: ReminderStage; baseUrl: string }

/** "Pengingat tenggat": to a learner who has not finished, 7 days and 1 day before, then weekly while overdue. */
export function dueReminderMail(input: DueReminderMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, REMINDER_LINK_PATH)
  const due = formatLongDate(input.dueDate)
  const greeting = `Yth. ${input.name},`
  const { subject, lead } =
    input.stage.kind === 'h-7'
      ? { subject: `Pengingat: tenggat kursus ${SITE_NAME} 7 hari lagi`, lead: `Tenggat kursus Anda di kelompok "${input.cohortName}" adalah ${due}, 7 hari lagi.` }
      : input.stage.kind === 'h-1'
        ? { subject: `Pengingat: tenggat kursus ${SITE_NAME} besok`, lead: `Tenggat kursus Anda di kelompok "${input.cohortName}" adalah besok, ${due}.` }
        : {
            subject: `Tenggat kursus ${SITE_NAME} sudah lewat`,
            lead: `Tenggat kursus Anda di kelompok "${input.cohortName}" sudah lewat ${input.stage.weeks} minggu (${due}). Kursus masih dapat Anda selesaikan.`,
          }
  const next = 'Lanjutkan dari dasbor Anda: materi dan tes berikutnya sudah menunggu. Sertifikat terbit begitu Anda lulus tes akhir.'
  const why = `Email ini dikirim karena Anda terdaftar di kelompok tersebut dan belum lulus. Pengingat berhenti begitu Anda lulus; HR instansi Anda dapat menjedanya.`
  return {
    subject,
    text: [greeting, '', lead, next, '', link, '', why, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: subject,
      paragraphs: [escapeHtml(greeting), escapeHtml(lead), escapeHtml(next)],
      button: { label: 'Lanjutkan kursus', href: link },
      footer: `${escapeHtml(why)}<br>Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
