'use client'

import type { NavCapabilities } from '@/lib/auth/capabilities'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { setReader, useSessionHint } from '@/components/layout/lesson-reader'
import { formatNumber } from '@/lib/format/indonesian'
import { progressBody } from '@/lib/progress/pending-saves'
import { HEARTBEAT_INTERVAL_SECONDS, remainingReadingMinutes } from '@/lib/progress/reading-time'
import { useLearningStore, useLessonState, type LessonState } from './learning-store'
import { postProgress } from './progress-client'

type Props = {
  slug: string
  knowledgeQuestionIds: string[]
  /** The next lesson; none after the last one, where the next step is the post-test. */
  next: { href: string; title: string } | null
}

const POST_TEST_HREF = '/uji/akhir'

type Connection = 'checking' | 'signed-in' | 'anonymous'
/** Active reading time the server recorded, and the minimum it requires (issue 10 §3). */
type Reading = { activeSeconds: number; requiredSeconds: number }
type ServerProgress = Partial<Reading> & { completed: boolean }

const readingOf = (data: ServerProgress): Reading | null =>
  typeof data.activeSeconds === 'number' && typeof data.requiredSeconds === 'number'
    ? { activeSeconds: data.activeSeconds, requiredSeconds: data.requiredSeconds }
    : null

const SYNC_DELAY_MS = 600
const RETRY_DELAY_MS = 4_000
const noopSubscribe = () => () => {}

/**
 * The end of a lesson page: notices when the learner reaches it and which section they are
 * reading, sends their state to the server (retrying until it is stored), brings in what they
 * did on another device, and says what is still needed to complete the lesson. While the page is
 * visible it sends a reading heartbeat every HEARTBEAT_INTERVAL_SECONDS (a `start` when it opens
 * or becomes visible again): the server measures the reading time with its own clock and
 * completes the lesson once the minimum is reached.
 *
 * Nothing done is lost by leaving at once (issue 11 §1): unsent state is flushed with a
 * keepalive request when the page is hidden or left and when "Lanjut" is followed, and a save
 * that never got through stays in localStorage and is sent by the next page that loads (other
 * lessons' pending saves here, App Router pages in components/layout/pending-progress-retry.tsx).
 * A visitor without a session (the sample lesson) never calls the progress API.
 */
export function LessonProgressSync({ slug, knowledgeQuestionIds, next }: Props) {
  const mounted = useSyncExternalStore(noopSubscribe, () => true, () => false)
  const state = useLessonState(slug)
  const hint = useSessionHint()
  const [serverConnection, setConnection] = useState<Connection>('checking')
  // No session hint: a visitor of the sample lesson, who never calls the progress API.
  const connection: Connection = hint === false ? 'anonymous' : serverConnection
  const [pending, setPending] = useState(false)
  const [failed, setFailed] = useState(false)
  const [retryTick, setRetryTick] = useState(0)
  const [reading, setReading] = useState<Reading | null>(null)
  // Responses may arrive out of order; the server's count only grows, so the largest is the newest.
  const keepNewestReading = (data: ServerProgress) => {
    const next = readingOf(data)
    if (next) setReading((current) => (current && current.activeSeconds > next.activeSeconds ? { ...current, requiredSeconds: next.requiredSeconds } : next))
  }
  const endRef = useRef<HTMLDivElement>(null)

  // What the server already has for this learner (possibly from another device).
  useEffect(() => {
    if (hint !== true) return
    let cancelled = false
    const { adoptOwner, mergeFromServer } = useLearningStore.getState()
    fetch(`/api/progress/${slug}`, { cache: 'no-store' })
      .then(async (response) => {
        if (cancelled) return
        if (response.status === 401) {
          setReader({ status: 'anonymous', nav: null })
          return setConnection('anonymous')
        }
        if (!response.ok) throw new Error(String(response.status))
        const data = (await response.json()) as ServerProgress & { userId: string; nav: NavCapabilities; state: Partial<LessonState> }
        adoptOwner(data.userId)
        mergeFromServer(slug, { ...data.state, completed: data.completed })
        keepNewestReading(data)
        setReader({ status: 'signed-in', nav: data.nav })
        setConnection('signed-in')
      })
      .catch(() => !cancelled && setFailed(true))
    return () => {
      cancelled = true
    }
  }, [slug, hint])

  // The section being read, and reaching the end of the page.
  useEffect(() => {
    const { setPosition, markReachedEnd } = useLearningStore.getState()
    const headings = Array.from(document.querySelectorAll<HTMLElement>('.lesson-content h2[id^="bagian-"], .lesson-content h3[id^="bagian-"]'))
    const sections = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target.id)
        if (visible[0]) setPosition(slug, visible[0])
      },
      { rootMargin: '0px 0px -60% 0px' },
    )
    headings.forEach((heading) => sections.observe(heading))
    const end = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) markReachedEnd(slug)
    })
    if (endRef.current) end.observe(endRef.current)
    return () => {
      sections.disconnect()
      end.disconnect()
    }
  }, [slug])

  // Send what changed; on failure keep it locally and try again. `inFlight` is the revision being
  // sent, so a flush does not send the same state twice.
  const inFlight = useRef(0)
  const save = useRef<(keepalive: boolean) => Promise<void>>(async () => {})
  useEffect(() => {
    save.current = async (keepalive: boolean) => {
      const { lessons, owner, markSynced } = useLearningStore.getState()
      const current = lessons[slug]
      if (connection === 'anonymous' || !current || current.revision <= current.syncedRevision || current.revision <= inFlight.current) return
      const revision = current.revision
      inFlight.current = revision
      setPending(true)
      try {
        const response = await postProgress(slug, progressBody(current, owner), keepalive)
        if (response.status === 401) return setConnection('anonymous')
        // A refused body will be refused again: keep it on this device, do not retry.
        if (response.status >= 400 && response.status < 500) return setFailed(true)
        if (!response.ok) throw new Error(String(response.status))
        const data = (await response.json()) as ServerProgress
        markSynced(slug, revision, data.completed)
        keepNewestReading(data)
        setFailed(false)
      } catch {
        setFailed(true)
        window.setTimeout(() => setRetryTick((tick) => tick + 1), RETRY_DELAY_MS)
      } finally {
        if (inFlight.current === revision) inFlight.current = 0
        setPending(false)
      }
    }
  })
  const dirty = state.revision > state.syncedRevision
  useEffect(() => {
    if (connection !== 'signed-in' || !dirty) return
    const timer = window.setTimeout(() => void save.current(false), SYNC_DELAY_MS)
    return () => window.clearTimeout(timer)
    // retryTick re-runs this effect after a failure.
  }, [connection, dirty, state, slug, retryTick])

  // Leaving or hiding the page must not lose the last change: send it at once, in a request
  // that outlives the page.
  useEffect(() => {
    if (connection === 'anonymous') return
    const flush = () => void save.current(true)
    const onVisibilityChange = () => document.visibilityState === 'hidden' && flush()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibilityChange)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibilityChange)
    }
  }, [connection])

  // Other lessons' saves that never got through (left at once, or failed): send them now.
  useEffect(() => {
    if (connection !== 'signed-in') return
    const { lessons, owner, markSynced } = useLearningStore.getState()
    for (const [other, saved] of Object.entries(lessons)) {
      if (other === slug || saved.revision <= saved.syncedRevision) continue
      postProgress(other, progressBody(saved, owner))
        .then(async (response) => {
          if (response.ok) markSynced(other, saved.revision, ((await response.json()) as ServerProgress).completed)
        })
        .catch(() => {}) // still pending: the next page load tries again
    }
  }, [connection, slug])

  // Reading heartbeats, only while the page is visible.
  useEffect(() => {
    if (connection !== 'signed-in') return
    let timer: number | undefined
    const send = async (heartbeat: 'start' | 'beat') => {
      try {
        const response = await fetch(`/api/progress/${slug}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ heartbeat }),
        })
        if (!response.ok) return
        const data = (await response.json()) as ServerProgress
        keepNewestReading(data)
        if (data.completed) useLearningStore.getState().markCompleted(slug)
      } catch {
        // The next heartbeat tries again; a lost one only loses its own interval.
      }
    }
    const stop = () => {
      window.clearInterval(timer)
      timer = undefined
    }
    const start = () => {
      stop()
      if (document.visibilityState !== 'visible') return
      void send('start')
      timer = window.setInterval(() => {
        if (document.visibilityState === 'visible') void send('beat')
        else stop()
      }, HEARTBEAT_INTERVAL_SECONDS * 1000)
    }
    const onVisibilityChange = () => (document.visibilityState === 'visible' ? start() : stop())
    start()
    document.addEventListener('visibilitychange', onVisibilityChange)
    return () => {
      stop()
      document.removeEventListener('visibilitychange', onVisibilityChange)
    }
  }, [connection, slug])

  useEffect(() => {
    const retry = () => setRetryTick((tick) => tick + 1)
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [])

  const flushNow = () => void save.current(true)
  const answered = new Set(Object.values(state.answers).flatMap((byQuestion) => Object.keys(byQuestion)))
  const answeredCount = mounted ? knowledgeQuestionIds.filter((id) => answered.has(id)).length : 0
  const reachedEnd = mounted && state.reachedEnd
  const completed = mounted && state.completed && !dirty
  const allAnswered = answeredCount === knowledgeQuestionIds.length
  const needsTime = reading !== null && reading.requiredSeconds > 0
  const readEnough = !needsTime || reading.activeSeconds >= reading.requiredSeconds
  const tooQuick = needsTime && !readEnough && reachedEnd && allAnswered && connection === 'signed-in'

  return (
    <section className="lesson-status card" aria-labelledby="status-pelajaran">
      <div ref={endRef} aria-hidden="true" />
      <h2 className="flush-top" id="status-pelajaran">
        {completed ? 'Pelajaran selesai' : 'Menyelesaikan pelajaran'}
      </h2>
      <div aria-live="polite">
        {completed ? (
          <p>Kemajuan Anda sudah tersimpan. Anda dapat membuka pelajaran ini lagi kapan saja.</p>
        ) : (
          <ul className="lesson-status-list">
            <li data-done={reachedEnd}>
              {reachedEnd ? '✓' : '○'} Baca sampai akhir halaman
            </li>
            <li data-done={allAnswered}>
              {allAnswered ? '✓' : '○'} Jawab semua pertanyaan uji pemahaman ({formatNumber(answeredCount)} dari{' '}
              {formatNumber(knowledgeQuestionIds.length)})
            </li>
            {needsTime && (
              <li data-done={readEnough}>
                {readEnough ? '✓' : '○'} Membaca paling sedikit ± {formatNumber(Math.ceil(reading.requiredSeconds / 60))} menit
              </li>
            )}
          </ul>
        )}
        {!completed && tooQuick && (
          <p className="alert info">
            Anda membaca lebih cepat dari waktu minimal pelajaran ini (± {formatNumber(Math.ceil(reading.requiredSeconds / 60))} menit). Lanjutkan
            membaca; pelajaran tercatat selesai setelah sekitar {formatNumber(remainingReadingMinutes(reading.activeSeconds, reading.requiredSeconds))}{' '}
            menit lagi selama halaman ini terbuka.
          </p>
        )}
        {connection === 'anonymous' && (
          <p className="alert info">
            Ini contoh pelajaran. <a href="/daftar">Daftar</a> atau <a href={`/masuk?kembali=/belajar/${slug}`}>masuk</a>{' '}
            agar kemajuan Anda tersimpan dan dapat dilanjutkan di perangkat lain.
          </p>
        )}
        {connection === 'signed-in' && failed && (
          <p className="alert error">
            Kemajuan belum tersimpan di server; kami mencoba lagi otomatis. Jawaban Anda aman di perangkat ini.
          </p>
        )}
        {connection === 'signed-in' && pending && <p className="muted">Menyimpan…</p>}
      </div>
      <div className="actions">
        {next ? (
          <a href={next.href} className={completed ? 'button' : 'button secondary'} onClick={flushNow}>
            Lanjut: {next.title}
          </a>
        ) : (
          <a href={POST_TEST_HREF} className={completed ? 'button' : 'button secondary'} onClick={flushNow}>
            Lanjut ke uji akhir
          </a>
        )}
      </div>
    </section>
  )
}
