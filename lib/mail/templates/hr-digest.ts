import { formatLongDate, formatNumber } from '@/lib/format/indonesian'
import { STATUS_ORDER } from '@/lib/hr/dashboard'
import { ENROLMENT_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import type { DigestCounts, DigestSummary } from '../hr-digest'
import { escapeHtml, htmlFrame, publicLink, SITE_NAME, type RenderedMail } from './layout'

/** The HR dashboard; a cohort's own view is `?kelompok=<id>`. */
export const DIGEST_LINK_PATH = '/hr'

export type HrDigestMailInput = {
  name: string
  agencyName: string
  /** The ISO week it covers, e.g. 2027-W11 (shown as "minggu ke-11 tahun 2027"). */
  week: string
  /** "Per" this moment (Jakarta date in the text). */
  asOf: Date
  summary: DigestSummary
  /** People of the agency whom email cannot reach (the HR list of unreachable people), if known. */
  unreachable?: number
  baseUrl: string
}

function countsLine(counts: DigestCounts): string {
  return STATUS_ORDER.map((status) => `${ENROLMENT_STATUS_LABELS[status]} ${formatNumber(counts[status])}`).join(' · ')
}

function weekLabel(week: string): string {
  const [year, number] = week.split('-W')
  return `minggu ke-${Number(number)} tahun ${year}`
}

/**
 * "Ringkasan mingguan" to an HR officer: per cohort with someone still to finish, and per unit
 * inside it, how many passed, are learning, are overdue and have not started, with links to the
 * dashboard (PUBLIC_BASE_URL). Counts come from the HR read model (lib/mail/hr-digest.ts).
 */
export function hrDigestMail(input: HrDigestMailInput): RenderedMail {
  const dashboard = publicLink(input.baseUrl, DIGEST_LINK_PATH)
  const subject = `Ringkasan mingguan ${SITE_NAME}: ${input.agencyName}`
  const greeting = `Yth. ${input.name},`
  const lead = `Berikut kemajuan pegawai ${input.agencyName} per ${formatLongDate(input.asOf)} (${weekLabel(input.week)}).`
  const { cohorts, moreCohorts } = input.summary
  const unreachable =
    input.unreachable && input.unreachable > 0
      ? `${formatNumber(input.unreachable)} pegawai tidak dapat dihubungi lewat email (tanpa alamat, alamat tidak valid, atau pengiriman gagal). Daftarnya: ${publicLink(input.baseUrl, '/hr/tak-terjangkau')}`
      : null
  const why = 'Email ini dikirim setiap pekan kepada petugas HR instansi. Angka yang sama ada di dasbor.'

  const text: string[] = [greeting, '', lead, '']
  if (cohorts.length === 0) text.push('Tidak ada kelompok yang masih berjalan: semua peserta sudah lulus atau belum ada kelompok.', '')
  for (const cohort of cohorts) {
    text.push(`${cohort.name}${cohort.dueDate ? ` (tenggat ${formatLongDate(cohort.dueDate)})` : ''}: ${formatNumber(cohort.counts.total)} peserta`)
    text.push(`  ${countsLine(cohort.counts)}`)
    for (const unit of cohort.units) text.push(`  - ${unit.name}: ${countsLine(unit.counts)}`)
    if (cohort.moreUnits > 0) text.push(`  - dan ${formatNumber(cohort.moreUnits)} unit lainnya (lihat dasbor)`)
    text.push(`  ${publicLink(input.baseUrl, DIGEST_LINK_PATH, { kelompok: cohort.id })}`, '')
  }
  if (moreCohorts > 0) text.push(`Dan ${formatNumber(moreCohorts)} kelompok lainnya di dasbor.`, '')
  if (unreachable) text.push(unreachable, '')
  text.push(`Dasbor: ${dashboard}`, '', why, '', `— ${SITE_NAME}`)

  const cell = 'style="padding:4px 8px;border-bottom:1px solid #e4e7eb;text-align:right"'
  const nameCell = 'style="padding:4px 8px;border-bottom:1px solid #e4e7eb;text-align:left"'
  const header = `<tr><th scope="col" ${nameCell}>Unit kerja</th>${STATUS_ORDER.map((status) => `<th scope="col" ${cell}>${escapeHtml(ENROLMENT_STATUS_LABELS[status])}</th>`).join('')}</tr>`
  const row = (name: string, counts: DigestCounts, strong = false) =>
    `<tr><th scope="row" ${nameCell}>${strong ? `<strong>${escapeHtml(name)}</strong>` : escapeHtml(name)}</th>${STATUS_ORDER.map((status) => `<td ${cell}>${formatNumber(counts[status])}</td>`).join('')}</tr>`
  const paragraphs = [escapeHtml(greeting), escapeHtml(lead)]
  if (cohorts.length === 0) paragraphs.push('Tidak ada kelompok yang masih berjalan: semua peserta sudah lulus atau belum ada kelompok.')
  for (const cohort of cohorts) {
    const link = publicLink(input.baseUrl, DIGEST_LINK_PATH, { kelompok: cohort.id })
    paragraphs.push(
      [
        `<strong><a href="${escapeHtml(link)}">${escapeHtml(cohort.name)}</a></strong>${cohort.dueDate ? ` (tenggat ${escapeHtml(formatLongDate(cohort.dueDate))})` : ''}: ${formatNumber(cohort.counts.total)} peserta`,
        `<table style="border-collapse:collapse;font-size:14px;margin-top:8px"><caption style="text-align:left;color:#52606d">${escapeHtml(cohort.name)} per unit kerja</caption>`,
        header,
        row('Semua unit', cohort.counts, true),
        ...cohort.units.map((unit) => row(unit.name, unit.counts)),
        '</table>',
        cohort.moreUnits > 0 ? `dan ${formatNumber(cohort.moreUnits)} unit lainnya (lihat dasbor)` : '',
      ].join(''),
    )
  }
  if (moreCohorts > 0) paragraphs.push(`Dan ${formatNumber(moreCohorts)} kelompok lainnya di dasbor.`)
  if (unreachable && input.unreachable)
    paragraphs.push(
      `${formatNumber(input.unreachable)} pegawai tidak dapat dihubungi lewat email (tanpa alamat, alamat tidak valid, atau pengiriman gagal). <a href="${escapeHtml(publicLink(input.baseUrl, '/hr/tak-terjangkau'))}">Lihat daftarnya</a>.`,
    )
  return {
    subject,
    text: text.join('\n'),
    html: htmlFrame({
      title: subject,
      paragraphs,
      button: { label: 'Buka dasbor', href: dashboard },
      footer: `${escapeHtml(why)}<br>Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${escapeHtml(dashboard)}">${escapeHtml(dashboard)}</a>`,
    }),
  }
}
