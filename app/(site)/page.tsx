import Link from 'next/link'
import { CourseOutline } from '@/components/course-outline'
import { getLessonOutline, getSampleLesson } from '@/lib/content/lessons.server'

export default function LandingPage() {
  const lessons = getLessonOutline()
  const sample = getSampleLesson()
  const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0)
  return (
    <>
      <section className="hero">
        <h1>Bijak Bermedia Sosial bagi ASN</h1>
        <p className="lead">
          Kursus daring singkat tentang etika bermedia sosial untuk PNS, CPNS dan PPPK: pahami aturannya, latih
          keputusan Anda dengan kasus sehari-hari, dan dapatkan sertifikat yang dapat diverifikasi.
        </p>
        <div className="actions">
          <Link href="/daftar" className="button">
            Mulai belajar
          </Link>
          <Link href="/masuk" className="button secondary">
            Saya sudah punya akun
          </Link>
        </div>
      </section>

      <section aria-labelledby="cara-kerja" className="grid grid-3">
        <h2 id="cara-kerja" className="visually-hidden">
          Cara kerja kursus
        </h2>
        <div className="card">
          <h3>1. Pelajari</h3>
          <p>
            {lessons.length} pelajaran singkat (± {totalMinutes} menit) tentang delapan poin SE MenPAN-RB No. 137/2018,
            etika ASN, dan cara aman mengunggah. Bisa dibaca di ponsel, kemajuan tersimpan.
          </p>
        </div>
        <div className="card">
          <h3>2. Uji diri</h3>
          <p>
            Studi kasus dari grup WhatsApp kantor, linimasa, dan masa kampanye. Setiap jawaban dijelaskan dengan
            aturannya.
          </p>
        </div>
        <div className="card">
          <h3>3. Dapatkan sertifikat</h3>
          <p>
            Lulus uji akhir untuk mendapat sertifikat PDF dengan JP dan kode QR yang dapat diperiksa atasan atau
            auditor.
          </p>
        </div>
      </section>

      <section aria-labelledby="materi">
        <h2 id="materi">Materi kursus</h2>
        <div className="card">
          <CourseOutline lessons={lessons} linkLessons={false} />
        </div>
        <p>
          Ingin melihat dulu? <Link href={`/belajar/${sample.slug}`}>Baca contoh pelajaran: {sample.title}</Link> — tanpa
          perlu mendaftar.
        </p>
      </section>

      <section aria-labelledby="untuk-hr">
        <h2 id="untuk-hr">Untuk admin kepegawaian</h2>
        <p>
          Unggah daftar pegawai, tetapkan orientasi atau penyegaran tahunan dengan tenggat, pantau kemajuan per unit
          kerja, dan unduh laporan penyelesaian untuk instansi Anda.
        </p>
      </section>
    </>
  )
}
