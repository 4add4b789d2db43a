import { describe, expect, it } from 'vitest'
import { nextStep, pretestNote, type NextStepFacts } from './next-step'

const base: NextStepFacts = {
  lessonsDone: 3,
  lessonsTotal: 7,
  resume: { title: 'Jejak digital', href: '/belajar/jejak-digital#bagian-2', started: true },
  posttest: { passed: false, blockedReason: 'Selesaikan semua pelajaran dulu (3 dari 7 selesai).', openAttemptId: null, lastResult: null },
  pendingCertificates: 0,
  latestCertificate: null,
}
const allDone: NextStepFacts = { ...base, lessonsDone: 7, resume: null, posttest: { ...base.posttest, blockedReason: null } }
const passed: NextStepFacts = {
  ...allDone,
  posttest: { passed: true, blockedReason: 'Anda sudah lulus uji akhir.', openAttemptId: null, lastResult: { score: 93.3, passed: true } },
}

describe('nextStep: the dashboard main button follows the learner', () => {
  it('continues the lesson to resume while lessons remain', () => {
    expect(nextStep(base)).toMatchObject({
      kind: 'lesson',
      action: { label: 'Lanjutkan belajar: Jejak digital', href: '/belajar/jejak-digital#bagian-2' },
    })
    expect(nextStep({ ...base, resume: { ...base.resume!, started: false } }).action?.label).toBe('Mulai belajar: Jejak digital')
  })

  it('offers the post-test once every lesson is done, and resumes an open attempt', () => {
    expect(nextStep(allDone)).toMatchObject({ kind: 'posttest', action: { label: 'Kerjakan uji akhir', href: '/uji/akhir' } })
    expect(nextStep({ ...allDone, posttest: { ...allDone.posttest, openAttemptId: 'abc' } })).toMatchObject({
      kind: 'attempt',
      action: { label: 'Lanjutkan uji akhir', href: '/uji/percobaan/abc' },
    })
  })

  it('after a failed attempt shows the score in Indonesian format, and no button while the limit holds', () => {
    const failed = { ...allDone, posttest: { ...allDone.posttest, lastResult: { score: 33.3, passed: false } } }
    expect(nextStep(failed).message).toBe('Nilai terakhir 33,3 (belum lulus). Anda siap mengerjakan uji akhir untuk mendapatkan sertifikat.')
    const limited = { ...failed, posttest: { ...failed.posttest, blockedReason: 'Batas 3 percobaan per 24 jam sudah tercapai.' } }
    expect(nextStep(limited)).toEqual({
      kind: 'posttest-blocked',
      message: 'Nilai terakhir 33,3 (belum lulus). Batas 3 percobaan per 24 jam sudah tercapai.',
      action: null,
    })
  })

  it('offers the certificate of a pass, with the score as 80,0', () => {
    const certificate = { number: 'BBS/2026/000001', score: 80, status: 'berlaku' as const }
    const step = nextStep({ ...passed, posttest: { ...passed.posttest, lastResult: { score: 80, passed: true } }, latestCertificate: certificate })
    expect(step).toEqual({ kind: 'certificate', message: 'Lulus dengan nilai 80,0.', action: { label: 'Unduh sertifikat', href: '/sertifikat' } })
  })

  it('shows a revoked certificate as revoked, never "Lulus … unduh sertifikat" (issue 11)', () => {
    const step = nextStep({ ...passed, latestCertificate: { number: 'BBS/2026/000002', score: 93.3, status: 'dicabut' } })
    expect(step.kind).toBe('certificate-revoked')
    expect(step.message).toBe('Sertifikat BBS/2026/000002 telah dicabut dan tidak berlaku. Hubungi admin kepegawaian instansi Anda.')
    expect(step.message).not.toMatch(/Lulus/)
    expect(step.action?.label).not.toMatch(/Unduh/)
  })

  it('says an expired certificate has expired', () => {
    expect(nextStep({ ...passed, latestCertificate: { number: 'BBS/2024/000003', score: 90, status: 'kedaluwarsa' } }).kind).toBe('certificate-expired')
  })

  it('says a certificate not yet issued is being prepared', () => {
    const step = nextStep({ ...passed, pendingCertificates: 1 })
    expect(step).toEqual({
      kind: 'certificate-pending',
      message: 'Lulus dengan nilai 93,3. Sertifikat Anda sedang disiapkan; periksa lagi halaman sertifikat nanti.',
      action: { label: 'Lihat halaman sertifikat', href: '/sertifikat' },
    })
  })
})

describe('pretestNote', () => {
  it('offers the pre-test "before learning" only before any lesson is done', () => {
    expect(pretestNote({ lessonsDone: 0, lessonsTotal: 7, pretestScore: null })).toBe(
      'Belum dikerjakan. Kerjakan sebelum belajar untuk melihat kemajuan Anda.',
    )
    expect(pretestNote({ lessonsDone: 2, lessonsTotal: 7, pretestScore: null })).toBe('Belum dikerjakan. Uji awal bersifat opsional.')
    const done = pretestNote({ lessonsDone: 7, lessonsTotal: 7, pretestScore: null })
    expect(done).not.toMatch(/Kerjakan sebelum belajar/)
    expect(done).toMatch(/^Tidak dikerjakan/)
    expect(pretestNote({ lessonsDone: 7, lessonsTotal: 7, pretestScore: 33.333 })).toBe('Nilai 33,3.')
  })
})
