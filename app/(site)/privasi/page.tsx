import type { Metadata } from 'next'
import Link from 'next/link'
import { PRIVACY_NOTICE_VERSION } from '@/lib/privacy/notice'

export const metadata: Metadata = { title: 'Pemberitahuan Privasi' }

// The notice people accept at registration and activation (the version is recorded). The
// processing register behind it, for operators and auditors, is docs/privacy.md.
export default function PrivacyNoticePage() {
  return (
    <div className="narrow">
      <h1>Pemberitahuan Privasi</h1>
      <p className="muted">Versi {PRIVACY_NOTICE_VERSION}. Berdasarkan UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.</p>

      <h2>Siapa yang memproses data Anda</h2>
      <p>
        Instansi tempat Anda bekerja adalah pengendali data pribadi Anda di kursus ini: instansi menugaskan kursus dan memakai hasilnya
        untuk catatan pengembangan kompetensi ASN. Pengelola aplikasi memproses data atas nama instansi.
      </p>

      <h2>Data apa, dan untuk apa</h2>
      <ul>
        <li>Nama, email, NIP atau NI PPPK, jenis kepegawaian, instansi dan unit kerja: untuk mengenali Anda, mencetak sertifikat, dan laporan kepegawaian.</li>
        <li>Kemajuan belajar, waktu belajar, jawaban dan nilai tes: sebagai bukti penyelesaian kursus dan untuk memperbaiki mutu soal.</li>
        <li>Sertifikat: dapat diperiksa siapa pun yang memegang kodenya (nama, nomor, masa berlaku; NIP tidak ditampilkan utuh).</li>
        <li>Sesi masuk (alamat IP, peramban) dan catatan audit: untuk melindungi akun Anda dan mencatat siapa melakukan apa.</li>
        <li>Email yang dikirim kepada Anda: undangan, pengingat tenggat, sertifikat, dan atur ulang kata sandi.</li>
      </ul>
      <p>
        Dasar pemrosesan: pelaksanaan tugas dan kewenangan instansi dalam pengembangan kompetensi ASN serta kewajiban hukumnya untuk
        mencatatnya, bukan persetujuan.
      </p>

      <h2>Siapa yang dapat melihatnya</h2>
      <p>
        Anda sendiri; admin kepegawaian instansi Anda; operator dan pimpinan unit kerja Anda (hanya unit mereka); dan admin platform.
        Setiap kali petugas membuka halaman riwayat Anda atau mengunduh laporan, hal itu dicatat.
      </p>

      <h2>Berapa lama</h2>
      <p>
        Selama akun Anda ada. Sertifikat dan catatan penyelesaian disimpan sebagai arsip kepatuhan selama masa yang ditetapkan instansi;
        jawaban tes mentah disimpan selama diperlukan untuk statistik soal (bawaan 5 tahun).
      </p>

      <h2>Hak Anda</h2>
      <ul>
        <li>
          Melihat dan mengunduh semua data Anda: <Link href="/akun/data-saya">Data saya</Link> (setelah masuk).
        </li>
        <li>Meminta perbaikan data yang salah, misalnya nama: hubungi admin kepegawaian instansi Anda.</li>
        <li>Mengakhiri semua sesi dan mengganti kata sandi: halaman Akun.</li>
      </ul>
      <p>
        Jika terjadi kegagalan pelindungan data pribadi, instansi memberi tahu Anda secara tertulis paling lambat 3 × 24 jam setelah
        mengetahuinya.
      </p>
    </div>
  )
}
