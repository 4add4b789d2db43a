/**
 * The dashboard's one main button (issue 11): it follows the learner's state — continue the
 * lesson → take (or resume) the post-test → download the certificate — and never offers a
 * revoked certificate as if it were valid (lib/certificates/certificate-status.ts decides).
 * Pure: the page gathers the facts, this decides what to show.
 */
import type { CertificateStatus } from '@/lib/vocabulary/statuses'
import { formatScore } from '@/lib/format/indonesian'

export type NextStepFacts = {
  lessonsDone: number
  lessonsTotal: number
  /** The lesson to continue (lib/progress resumeTarget), null when every lesson is done. */
  resume: { title: string; href: string; started: boolean } | null
  posttest: {
    passed: boolean
    /** Why a new attempt cannot start now (lessons, limit, no NIP), or null. */
    blockedReason: string | null
    openAttemptId: string | null
    lastResult: { score: number; passed: boolean } | null
  }
  /** Passed post-tests without a certificate yet. */
  pendingCertificates: number
  /** The newest certificate with its status, or null. */
  latestCertificate: { number: string; score: number; status: CertificateStatus } | null
}

export type NextStep = {
  kind: 'lesson' | 'attempt' | 'posttest' | 'posttest-blocked' | 'certificate' | 'certificate-pending' | 'certificate-revoked' | 'certificate-expired'
  /** The sentence shown with the button (the post-test's status on the dashboard). */
  message: string
  /** The main button, or null when there is nothing to click (e.g. the limit is reached). */
  action: { label: string; href: string } | null
}

export function nextStep(facts: NextStepFacts): NextStep {
  const { posttest, latestCertificate: certificate } = facts
  if (posttest.passed) {
    const score = posttest.lastResult?.passed ? posttest.lastResult.score : certificate?.score
    const passedWith = score === undefined ? 'Anda lulus uji akhir.' : `Lulus dengan nilai ${formatScore(score)}.`
    if (facts.pendingCertificates > 0 || !certificate) {
      return {
        kind: 'certificate-pending',
        message: `${passedWith} Sertifikat Anda sedang disiapkan; periksa lagi halaman sertifikat nanti.`,
        action: { label: 'Lihat halaman sertifikat', href: '/sertifikat' },
      }
    }
    if (certificate.status === 'dicabut') {
      return {
        kind: 'certificate-revoked',
        message: `Sertifikat ${certificate.number} telah dicabut dan tidak berlaku. Hubungi admin kepegawaian instansi Anda.`,
        action: { label: 'Lihat status sertifikat', href: '/sertifikat' },
      }
    }
    if (certificate.status === 'kedaluwarsa') {
      return {
        kind: 'certificate-expired',
        message: `Sertifikat ${certificate.number} sudah kedaluwarsa.`,
        action: { label: 'Lihat status sertifikat', href: '/sertifikat' },
      }
    }
    return { kind: 'certificate', message: passedWith, action: { label: 'Unduh sertifikat', href: '/sertifikat' } }
  }
  if (facts.lessonsDone < facts.lessonsTotal && facts.resume) {
    const { title, href, started } = facts.resume
    return {
      kind: 'lesson',
      message: 'Uji akhir terbuka setelah Anda menyelesaikan seluruh pelajaran.',
      action: { label: `${started ? 'Lanjutkan belajar' : 'Mulai belajar'}: ${title}`, href },
    }
  }
  if (posttest.openAttemptId) {
    return {
      kind: 'attempt',
      message: 'Anda punya percobaan uji akhir yang belum dikirim.',
      action: { label: 'Lanjutkan uji akhir', href: `/uji/percobaan/${posttest.openAttemptId}` },
    }
  }
  const last = posttest.lastResult ? `Nilai terakhir ${formatScore(posttest.lastResult.score)} (belum lulus). ` : ''
  if (posttest.blockedReason) {
    return { kind: 'posttest-blocked', message: `${last}${posttest.blockedReason}`, action: null }
  }
  return {
    kind: 'posttest',
    message: `${last}Anda siap mengerjakan uji akhir untuk mendapatkan sertifikat.`,
    action: { label: 'Kerjakan uji akhir', href: '/uji/akhir' },
  }
}

/** The pre-test's line on the dashboard: offered "before learning" only before any lesson is done. */
export function pretestNote(facts: { lessonsDone: number; lessonsTotal: number; pretestScore: number | null }): string {
  if (facts.pretestScore !== null) return `Nilai ${formatScore(facts.pretestScore)}.`
  if (facts.lessonsDone === 0) return 'Belum dikerjakan. Kerjakan sebelum belajar untuk melihat kemajuan Anda.'
  if (facts.lessonsDone >= facts.lessonsTotal) {
    return 'Tidak dikerjakan. Uji awal mengukur pemahaman sebelum belajar; Anda sudah menyelesaikan semua pelajaran.'
  }
  return 'Belum dikerjakan. Uji awal bersifat opsional.'
}
