import { formatLongDate } from '@/lib/format/indonesian'
import type { ReminderStage } from '../reminder-schedule'
import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** Where a reminder sends the learner: their dashboard, which opens the next lesson or test. */
export const REMINDER_LINK_PATH = '/dasbor'

/** `dueDate` is null only for a manual reminder of a cohort without one. */
export type DueReminderMailInput = { name: string; cohortName: string; dueDate: Date | null; stage: ReminderStage; baseUrl: string }

/**
 * "Pengingat tenggat": to a learner who has not finished, 7 days and 1 day before, then weekly
 * while overdue; or on any day when HR or their unit operator sends one by hand.
 */
export function dueReminderMail(input: DueReminderMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, REMINDER_LINK_PATH)
  const greeting = `Yth. ${input.name},`
  const { subject, lead } = subjectAndLead(input)
  const next = 'Lanjutkan dari dasbor Anda: materi dan tes berikutnya sudah menunggu. Sertifikat terbit begitu Anda lulus tes akhir.'
  const why =
    input.stage.kind === 'manual'
      ? 'Email ini dikirim atas permintaan HR atau operator unit kerja Anda karena Anda terdaftar di kelompok tersebut dan belum lulus.'
      : 'Email ini dikirim karena Anda terdaftar di kelompok tersebut dan belum lulus. Pengingat berhenti begitu Anda lulus; HR instansi Anda dapat menjedanya.'
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

function subjectAndLead(input: DueReminderMailInput): { subject: string; lead: string } {
  const due = input.dueDate ? formatLongDate(input.dueDate) : 'belum ditetapkan'
  const cohort = `kelompok "${input.cohortName}"`
  const stage = input.stage
  switch (stage.kind) {
    case 'h-7':
      return { subject: `Pengingat: tenggat kursus ${SITE_NAME} 7 hari lagi`, lead: `Tenggat kursus Anda di ${cohort} adalah ${due}, 7 hari lagi.` }
    case 'h-1':
      return { subject: `Pengingat: tenggat kursus ${SITE_NAME} besok`, lead: `Tenggat kursus Anda di ${cohort} adalah besok, ${due}.` }
    case 'lewat':
      return {
        subject: `Tenggat kursus ${SITE_NAME} sudah lewat`,
        lead: `Tenggat kursus Anda di ${cohort} sudah lewat ${stage.weeks} minggu (${due}). Kursus masih dapat Anda selesaikan.`,
      }
    case 'manual': {
      const subject = `Pengingat dari unit kerja Anda: selesaikan kursus ${SITE_NAME}`
      const days = stage.daysLeft
      if (days === null || !input.dueDate) return { subject, lead: `Anda terdaftar di ${cohort} dan belum lulus kursus wajib ini.` }
      if (days > 1) return { subject, lead: `Tenggat kursus Anda di ${cohort} adalah ${due}, ${days} hari lagi.` }
      if (days === 1) return { subject, lead: `Tenggat kursus Anda di ${cohort} adalah besok, ${due}.` }
      if (days === 0) return { subject, lead: `Tenggat kursus Anda di ${cohort} adalah hari ini, ${due}.` }
      return { subject, lead: `Tenggat kursus Anda di ${cohort} sudah lewat ${-days} hari (${due}). Kursus masih dapat Anda selesaikan.` }
    }
  }
}
