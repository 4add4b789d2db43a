import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

export type NameCorrectionOutcome =
  | { decision: 'approved'; name: string; requestedName: string; reissued: string[] }
  | { decision: 'rejected'; name: string; requestedName: string; reason: string }

export type NameCorrectionDecidedMailInput = NameCorrectionOutcome & { baseUrl: string }

/** The outcome of a name correction the person asked for in "Data saya" (decision 043). */
export function nameCorrectionDecidedMail(input: NameCorrectionDecidedMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, '/akun/data-saya')
  const greeting = `Yth. ${input.name},`
  const outcome =
    input.decision === 'approved'
      ? `Admin kepegawaian instansi Anda menyetujui koreksi nama Anda menjadi "${input.requestedName}".`
      : `Admin kepegawaian instansi Anda menolak koreksi nama Anda menjadi "${input.requestedName}". Nama dan sertifikat Anda tidak berubah.`
  const detail =
    input.decision === 'approved'
      ? input.reissued.length
        ? `Sertifikat berikut diterbitkan ulang dengan nomor yang sama dan nama yang benar: ${input.reissued.join(', ')}. Unduh berkas barunya dari halaman sertifikat; berkas lama tercatat sebagai versi yang digantikan.`
        : 'Tidak ada sertifikat berlaku yang perlu diterbitkan ulang.'
      : `Alasan: ${input.reason}`
  const where = 'Rincian permintaan Anda ada di halaman Data saya.'
  const subject =
    input.decision === 'approved' ? `Koreksi nama Anda di ${SITE_NAME} disetujui` : `Koreksi nama Anda di ${SITE_NAME} ditolak`
  return {
    subject,
    text: [greeting, '', outcome, detail, '', where, link, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: input.decision === 'approved' ? 'Koreksi nama disetujui' : 'Koreksi nama ditolak',
      paragraphs: [escapeHtml(greeting), escapeHtml(outcome), escapeHtml(detail), escapeHtml(where)],
      button: { label: 'Buka Data saya', href: link },
      footer: `Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
