import { courseSettingsSchema, type CourseSettings } from '@/lib/settings/course-settings'
import type { FieldErrors } from '@/lib/validation/field-errors'

export type SettingKey = keyof CourseSettings

type NumberField = { key: SettingKey; kind: 'integer' | 'decimal'; label: string; hint: string; min: number; max: number; unit?: string }
type TextField = { key: SettingKey; kind: 'text' | 'url' | 'nip'; label: string; hint: string; min: number; max: number; unit?: undefined }
export type SettingField = NumberField | TextField

/**
 * The course settings form: Bahasa labels, hints and the bounds the messages quote. The bounds
 * mirror courseSettingsSchema (a unit test checks they agree); the schema stays the judge.
 */
export const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'passMark', kind: 'decimal', label: 'Nilai kelulusan', hint: 'Nilai minimal uji akhir untuk lulus, 50–100.', min: 50, max: 100 },
  { key: 'postTestItems', kind: 'integer', label: 'Jumlah soal uji akhir', hint: 'Soal yang diambil dari bank soal untuk setiap percobaan, 6–40.', min: 6, max: 40, unit: 'soal' },
  { key: 'preTestItems', kind: 'integer', label: 'Jumlah soal uji awal', hint: 'Soal uji awal (tidak dinilai untuk kelulusan), 3–20.', min: 3, max: 20, unit: 'soal' },
  { key: 'attemptLimit', kind: 'integer', label: 'Batas percobaan uji akhir', hint: 'Percobaan paling banyak dalam satu jendela waktu, 1–20.', min: 1, max: 20, unit: 'kali' },
  { key: 'attemptWindowHours', kind: 'integer', label: 'Jendela waktu percobaan (jam)', hint: 'Batas percobaan dihitung dalam jendela ini, 1–336 jam (14 hari).', min: 1, max: 24 * 14, unit: 'jam' },
  { key: 'attemptMinutes', kind: 'integer', label: 'Waktu mengerjakan (menit)', hint: 'Lama satu percobaan sebelum ditutup otomatis, 5–1440 menit.', min: 5, max: 24 * 60, unit: 'menit' },
  { key: 'minReadingShare', kind: 'integer', label: 'Waktu baca minimal (%)', hint: 'Pelajaran tercatat selesai setelah waktu baca aktif mencapai persentase ini dari perkiraan menit pelajaran, 0–100; 0 mematikan pemeriksaan.', min: 0, max: 100, unit: '%' },
  { key: 'jp', kind: 'decimal', label: 'Jam pelajaran (JP) yang diakui', hint: 'Dicetak di sertifikat dan dilaporkan ke SIASN, 0,5–40 (boleh pecahan, mis. 1,5).', min: 0.5, max: 40, unit: 'JP' },
  { key: 'validityMonths', kind: 'integer', label: 'Masa berlaku sertifikat (bulan)', hint: 'Dihitung dari tanggal lulus, 1–60 bulan.', min: 1, max: 60, unit: 'bulan' },
  { key: 'courseTitle', kind: 'text', label: 'Judul kursus', hint: 'Dicetak di sertifikat, 3–200 karakter.', min: 3, max: 200 },
  { key: 'signerName', kind: 'text', label: 'Nama penanda tangan', hint: 'Nama pejabat yang menandatangani sertifikat, dengan gelar.', min: 1, max: 200 },
  { key: 'signerTitle', kind: 'text', label: 'Jabatan penanda tangan', hint: 'Jabatan yang dicetak di bawah nama penanda tangan.', min: 1, max: 200 },
  {
    key: 'signerNip',
    kind: 'nip',
    label: 'NIP penanda tangan',
    hint: 'NIP 18 angka pejabat penanda tangan, dicetak di bawah namanya. Selama kosong, sertifikat belum diterbitkan (kelulusan menunggu).',
    min: 0,
    max: 18,
  },
  { key: 'organiserName', kind: 'text', label: 'Penyelenggara pelatihan', hint: 'Nama instansi penyelenggara yang dicantumkan dalam ekspor SIASN, 3–200 karakter.', min: 3, max: 200 },
  { key: 'staffIdleMinutes', kind: 'integer', label: 'Sesi admin: batas menganggur (menit)', hint: 'Sesi admin kepegawaian dan admin platform berakhir setelah tidak dipakai selama ini, 5–480 menit.', min: 5, max: 8 * 60, unit: 'menit' },
  { key: 'staffAbsoluteHours', kind: 'integer', label: 'Sesi admin: batas total (jam)', hint: 'Sesi admin kepegawaian dan admin platform berakhir selama ini setelah masuk, 1–72 jam. Peserta tetap 7 hari.', min: 1, max: 72, unit: 'jam' },
  { key: 'auditIpRetentionDays', kind: 'integer', label: 'Retensi alamat IP di catatan audit (hari)', hint: 'Alamat IP dihapus dari catatan audit yang lebih tua dari ini; catatannya sendiri tetap, 30–3650 hari.', min: 30, max: 3650, unit: 'hari' },
  { key: 'outboxRetentionDays', kind: 'integer', label: 'Retensi email terkirim (hari)', hint: 'Email yang sudah terkirim, gagal atau kedaluwarsa dihapus dari kotak keluar setelah ini; yang masih menunggu tidak, 7–3650 hari.', min: 7, max: 3650, unit: 'hari' },
  { key: 'quizAnswerRetentionYears', kind: 'integer', label: 'Retensi jawaban tes (tahun)', hint: 'Jawaban butir demi butir dari percobaan yang selesai lebih lama dari ini dirangkum untuk statistik soal (tanpa nama), lalu dihapus; nilainya tetap, 1–30 tahun.', min: 1, max: 30, unit: 'tahun' },
  { key: 'complianceRetentionYears', kind: 'integer', label: 'Retensi sertifikat setelah masa berlaku (tahun)', hint: 'Sertifikat dan catatan kelulusan dianonimkan (nama, NIP, email dihapus; nomor, masa berlaku dan instansi tetap) selama ini setelah masa berlakunya habis, 1–30 tahun.', min: 1, max: 30, unit: 'tahun' },
  { key: 'publicBaseUrl', kind: 'url', label: 'Alamat publik untuk verifikasi', hint: 'Alamat situs ini, dipakai pada kode QR sertifikat, mis. https://bijak.contoh.go.id', min: 1, max: 200 },
]

export const SETTING_KEYS = SETTING_FIELDS.map((field) => field.key)

const decimalFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 })

/** A real-looking example in messages (structure of a NIP: birth date, appointment, gender, sequence). */
const NIP_EXAMPLE = '197304121998032002'

function messageFor(field: SettingField, value: unknown): string {
  if (field.kind === 'nip') {
    const typed = typeof value === 'string' ? value : ''
    if (/\D/.test(typed)) return `${field.label} hanya berisi angka, mis. ${NIP_EXAMPLE}.`
    return `${field.label} harus tepat 18 angka (terisi ${typed.length}), mis. ${NIP_EXAMPLE}.`
  }
  if (field.kind === 'url') return `${field.label} harus alamat lengkap yang diawali http:// atau https://, mis. https://bijak.contoh.go.id.`
  if (field.kind === 'text') {
    const length = typeof value === 'string' ? value.length : 0
    if (length === 0) return `Isi ${field.label.toLowerCase()}.`
    if (length < field.min) return `${field.label} minimal ${field.min} karakter.`
    return `${field.label} paling panjang ${field.max} karakter.`
  }
  if (typeof value === 'number' && field.kind === 'integer' && !Number.isInteger(value)) return `${field.label} harus bilangan bulat.`
  return `${field.label} harus antara ${decimalFormat.format(field.min)} dan ${decimalFormat.format(field.max)}${field.unit ? ` ${field.unit}` : ''}.`
}

/** A number as typed in Indonesia ("1,5" or "1.5"); NaN when it is not one. */
export function parseLocalNumber(raw: string): number {
  const cleaned = raw.trim().replace(/\s/g, '')
  if (!/^-?\d+(?:[.,]\d+)?$/.test(cleaned)) return Number.NaN
  return Number(cleaned.replace(',', '.'))
}

export type SettingsParse = { ok: true; settings: CourseSettings } | { ok: false; fieldErrors: FieldErrors }

/**
 * The settings form (strings per key) validated by courseSettingsSchema, with its errors
 * re-worded in Bahasa Indonesia per field.
 */
export function parseSettingsForm(raw: Record<string, string | undefined>): SettingsParse {
  const fieldErrors: FieldErrors = {}
  const candidate: Record<string, unknown> = {}
  for (const field of SETTING_FIELDS) {
    const typed = (raw[field.key] ?? '').trim()
    if (field.kind === 'integer' || field.kind === 'decimal') {
      if (typed === '') {
        fieldErrors[field.key] = `Isi ${field.label.toLowerCase()}.`
        continue
      }
      const value = parseLocalNumber(typed)
      if (Number.isNaN(value)) {
        fieldErrors[field.key] = `${field.label} harus berupa angka.`
        continue
      }
      candidate[field.key] = value
    } else if (field.kind === 'url') {
      const value = typed.replace(/\/+$/, '')
      if (!/^https?:\/\/[^\s/]/i.test(value)) {
        fieldErrors[field.key] = messageFor(field, value)
        continue
      }
      candidate[field.key] = value
    } else if (field.kind === 'nip') {
      // Typed as printed ("19730412 199803 2 002"): spaces go; '' keeps the signer unset.
      candidate[field.key] = typed.replace(/\s+/g, '')
    } else {
      candidate[field.key] = typed.replace(/\s+/g, ' ')
    }
  }
  const parsed = courseSettingsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      const field = SETTING_FIELDS.find((candidateField) => candidateField.key === key)
      if (fieldErrors[key]) continue
      fieldErrors[key] = field ? messageFor(field, candidate[key]) : 'Isian tidak valid.'
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) return { ok: false, fieldErrors }
  return { ok: true, settings: parsed.data }
}

/** The keys whose value differs, with old and new: what the audit entry records. */
export function changedSettings(current: CourseSettings, next: CourseSettings): Partial<Record<SettingKey, { old: unknown; new: unknown }>> {
  const changed: Partial<Record<SettingKey, { old: unknown; new: unknown }>> = {}
  for (const key of SETTING_KEYS) {
    if (current[key] !== next[key]) changed[key] = { old: current[key], new: next[key] }
  }
  return changed
}

/** The value as the form shows it ("1,5" for 1.5 JP). */
export function formatSettingValue(field: SettingField, value: CourseSettings[SettingKey]): string {
  if (typeof value === 'number') return field.kind === 'decimal' ? String(value).replace('.', ',') : String(value)
  return value
}
