import { formatLongDate } from '@/lib/format/indonesian'
import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** The learner's page of one certificate (download and verification link); no PDF is attached. */
export function certificatePagePath(certificateId: string): string {
  return `/sertifikat/${encodeURIComponent(certificateId)}`
}

export type CertificateIssuedMailInput = { name: string; number: string; courseTitle: string; validUntil: Date; certificateId: string; baseUrl: string }

/** "Sertifikat terbit": sent in the transaction that issues the certificate (decision 036). */
export function certificateIssuedMail(input: CertificateIssuedMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, certificatePagePath(input.certificateId))
  const greeting = `Yth. ${input.name},`
  const passed = `Selamat, Anda lulus kursus "${input.courseTitle}". Sertifikat Anda bernomor ${input.number} dan berlaku sampai ${formatLongDate(input.validUntil)}.`
  const where = 'Unduh sertifikat (PDF) dari halaman sertifikat Anda setelah masuk. Halaman itu juga memuat tautan verifikasi untuk atasan atau HR.'
  const note = 'Sertifikat tidak dilampirkan pada email ini.'
  return {
    subject: `Sertifikat ${SITE_NAME} Anda sudah terbit (${input.number})`,
    text: [greeting, '', passed, where, '', link, '', note, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: 'Sertifikat terbit',
      paragraphs: [escapeHtml(greeting), escapeHtml(passed), escapeHtml(where)],
      button: { label: 'Buka sertifikat', href: link },
      footer: `${escapeHtml(note)}<br>Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}

export type RefresherDueMailInput = { name: string; number: string; validUntil: Date; baseUrl: string }

/** "Sertifikat segera berakhir": 30 days before a certificate's validity ends, by the scheduler. */
export function refresherDueMail(input: RefresherDueMailInput): RenderedMail {
  const link = publicLink(input.baseUrl, '/dasbor')
  const greeting = `Yth. ${input.name},`
  const ends = `Sertifikat ${SITE_NAME} Anda nomor ${input.number} berlaku sampai ${formatLongDate(input.validUntil)}, 30 hari lagi.`
  const next = 'Ikuti kursus penyegaran tahun ini agar sertifikat Anda tetap berlaku. Bila HR instansi Anda sudah menetapkan kelompok penyegaran, kursusnya ada di dasbor Anda.'
  return {
    subject: `Sertifikat ${SITE_NAME} Anda berakhir dalam 30 hari`,
    text: [greeting, '', ends, next, '', link, '', `— ${SITE_NAME}`].join('\n'),
    html: htmlFrame({
      title: 'Sertifikat segera berakhir',
      paragraphs: [escapeHtml(greeting), escapeHtml(ends), escapeHtml(next)],
      button: { label: 'Buka dasbor', href: link },
      footer: `Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
    }),
  }
}
