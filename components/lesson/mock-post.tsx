'use client'

import { useId, type ReactNode } from 'react'
import { useLearningStore } from './learning-store'
import { useCurrentLessonState } from './lesson-context'

export type Platform = 'WhatsApp' | 'Facebook' | 'Instagram' | 'X' | 'TikTok' | 'YouTube' | 'LinkedIn' | 'Threads' | 'Telegram'
export type Verdict = 'ya' | 'tidak'
export type MockPostProps = {
  id: string
  platform: Platform
  author: string
  time?: string
  /** The post as seen on screen; [square brackets] describe a photo, video or action. */
  text: string
  verdict: Verdict
  explanation: string
}

const CHOICES: { value: Verdict; label: string }[] = [
  { value: 'ya', label: 'Ya, boleh' },
  { value: 'tidak', label: 'Tidak' },
]

/** Up to two initials, from the name after any "Status WhatsApp:"-like prefix. */
function initials(author: string): string {
  const name = (author.split(':').pop() ?? author).replace(/\(.*?\)/g, '')
  const words = name.split(/[\s._-]+/).filter((word) => /\p{L}/u.test(word))
  return words
    .slice(0, 2)
    .map((word) => (word.match(/\p{L}/u)?.[0] ?? '').toUpperCase())
    .join('')
}

/** The text with its [notes] shown as descriptions; a closing note as an attached photo/video. */
function PostText({ text }: { text: string }) {
  const parts = text.trim().split(/(\[[^\]]+\])/g).filter(Boolean)
  const nodes: ReactNode[] = parts.map((part, index) => {
    const note = /^\[([^\]]+)\]$/.exec(part)?.[1]
    if (!note) return <span key={index}>{part}</span>
    const attached = index === parts.length - 1 && parts.length > 1
    return (
      <span key={index} className={attached ? 'lesson-post-media' : 'lesson-post-note'}>
        <span className="visually-hidden">(Keterangan: </span>
        {note}
        <span className="visually-hidden">)</span>
      </span>
    )
  })
  return <p className="lesson-post-text">{nodes}</p>
}

/** A mock social-media post and the question "Boleh diunggah?", answered with two radios. */
export function MockPost({ id, platform, author, time, text, verdict, explanation }: MockPostProps) {
  const { slug, state, hydrated } = useCurrentLessonState()
  const judge = useLearningStore((store) => store.judgePost)
  const name = useId()
  const chosen = state.verdicts[id]
  const right = chosen === verdict
  const key = platform.toLowerCase().replace(/[^a-z]/g, '')

  return (
    <div className={`lesson-post lesson-post-${key}`}>
      <article className="lesson-post-card" aria-label={`Contoh unggahan ${platform} dari ${author}`}>
        <header className="lesson-post-head">
          <span className="lesson-post-avatar" aria-hidden="true">
            {initials(author)}
          </span>
          <span className="lesson-post-who">
            <span className="lesson-post-author">{author}</span>
            <span className="lesson-post-meta">
              {platform}
              {time ? ` · ${time}` : ''}
            </span>
          </span>
        </header>
        <PostText text={text} />
      </article>
      <fieldset className="lesson-post-question">
        <legend>Boleh diunggah?</legend>
        <div className="lesson-choices lesson-choices-row">
          {CHOICES.map((choice) => (
            <label key={choice.value} className="lesson-choice">
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={chosen === choice.value}
                onChange={() => judge(slug, id, choice.value)}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        <div className="lesson-feedback-slot" aria-live={hydrated ? 'polite' : 'off'}>
          {chosen && (
            <div className={`lesson-feedback ${right ? 'lesson-right' : 'lesson-wrong'}`}>
              <p className="lesson-feedback-verdict">
                <span className="lesson-feedback-mark" aria-hidden="true">
                  {right ? '✓' : '!'}
                </span>
                {right ? 'Tepat.' : 'Belum tepat.'}{' '}
                {verdict === 'ya' ? 'Unggahan ini boleh.' : 'Unggahan ini tidak boleh.'}
              </p>
              <p>{explanation}</p>
            </div>
          )}
        </div>
      </fieldset>
    </div>
  )
}
