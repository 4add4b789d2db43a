/**
 * File-level problems with an uploaded roster. These stop the whole preview (nothing is
 * imported) and carry a message in Bahasa Indonesia that tells the HR officer what to do,
 * unlike row problems, which only reject one row.
 */

export type RosterFileErrorCode =
  | 'empty'
  | 'too-large'
  | 'too-many-rows'
  | 'not-roster-file'
  | 'legacy-excel'
  | 'utf16'
  | 'not-utf8'
  | 'malformed-csv'
  | 'unreadable-xlsx'
  | 'missing-columns'
  | 'duplicate-columns'

export class RosterFileError extends Error {
  override readonly name = 'RosterFileError'

  constructor(
    readonly code: RosterFileErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const SAVE_AS_HINT =
  'Di Excel pilih File → Simpan Sebagai → "CSV UTF-8 (Comma delimited) (*.csv)" atau "Buku Kerja Excel (*.xlsx)".'

/** "10 MB", "1,5 MB", "512 KB": a size limit as HR officers read it (1 MB = 1024 × 1024 bytes). */
export function formatFileSize(bytes: number): string {
  const format = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1 })
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`
  return `${bytes} byte`
}

export const fileErrors = {
  empty: () => new RosterFileError('empty', 'Berkas kosong. Unggah berkas CSV atau XLSX berisi daftar pegawai.'),
  tooLarge: (maxBytes: number) =>
    new RosterFileError(
      'too-large',
      `Berkas lebih dari ${formatFileSize(maxBytes)}. Bagi daftar pegawai menjadi beberapa berkas yang lebih kecil.`,
    ),
  tooManyRows: (maxRows: number) =>
    new RosterFileError(
      'too-many-rows',
      `Berkas berisi lebih dari ${maxRows.toLocaleString('id-ID')} baris data. Bagi daftar pegawai menjadi beberapa berkas.`,
    ),
  notRoster: (detail?: string) =>
    new RosterFileError(
      'not-roster-file',
      `Berkas bukan CSV atau XLSX${detail ? ` (${detail})` : ''}. ${SAVE_AS_HINT}`,
    ),
  legacyExcel: () =>
    new RosterFileError(
      'legacy-excel',
      'Berkas bukan CSV atau XLSX: ini berkas Excel 97–2003 (.xls) atau berkas Excel yang dilindungi kata sandi. ' +
        `Buka di Excel, hapus kata sandinya bila ada, lalu simpan ulang. ${SAVE_AS_HINT}`,
    ),
  utf16: () =>
    new RosterFileError(
      'utf16',
      'Berkas tersimpan sebagai teks Unicode (UTF-16), bukan CSV UTF-8. ' + SAVE_AS_HINT,
    ),
  notUtf8: (line: number) =>
    new RosterFileError(
      'not-utf8',
      `Berkas tidak tersimpan sebagai UTF-8 (ada karakter yang tidak terbaca di baris ${line} berkas, ` +
        'misalnya huruf seperti "ü" atau "é" dari pengodean lain). Simpan ulang sebagai "CSV UTF-8". ' +
        SAVE_AS_HINT,
    ),
  malformedCsv: (line: number | null, detail: string) =>
    new RosterFileError(
      'malformed-csv',
      `Berkas CSV tidak dapat dibaca${line ? ` di sekitar baris ${line} berkas` : ''}: ${detail} ${SAVE_AS_HINT}`,
    ),
  unreadableXlsx: (detail: string) =>
    new RosterFileError(
      'unreadable-xlsx',
      `Berkas XLSX tidak dapat dibaca: ${detail}. Buka berkas di Excel lalu simpan ulang sebagai .xlsx atau CSV UTF-8.`,
    ),
}
