import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** The learner's follow-up page: the newest follow-up offered to the signed-in person (decision 048). */
export const FOLLOW_UP_PATH = '/tindak-lanjut'

export type FollowUpMailInput = { name: string; baseUrl: string }

/**
 * "Lima soal, 30 hari setelah lulus" (decision 048): the follow-up's invitation, queued by the
 * scheduler 30 Jakarta days after the pass. The name is the only per-person part (the scheduler
 * queues it set-based, decision 038); the link opens the signed-in learner's own follow-up.
 */
export function followUpMail(input: FollowUpMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, FOLLOW_UP_PATH)
  const greeting = `Yth. ${input.name},`
  const why = `Tiga puluh hari lalu Anda lulus kursus ${SITE_NAME}. Mengingat kembali apa yang sudah dipelajari adalah cara yang paling ampuh agar ilmunya bertahan.`
  const what = 'Jawab 5 soal singkat di aplikasi (sekitar 5 menit). Setelah menjawab, Anda melihat mana yang tepat beserta penjelasannya.'
  const note = 'Jawaban Anda dicatat, tetapi tidak mengubah kelulusan maupun sertifikat Anda.'
  return {
    subject: `5 soal untuk mengingat kembali kursus ${SITE_NAME}`,
    text: [greeting, '', why, what, note, '', link, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: 'Mengingat kembali',
      paragraphs: [escapeHtml(greeting), escapeHtml(why), escapeHtml(what), escapeHtml(note)],
      button: { label: 'Jawab 5 soal', href: link },
      footer: `Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
