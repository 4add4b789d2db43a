import type { MockPost } from '@/lib/quiz/types'
import styles from './quiz-post.module.css'

/** CSS class of a platform: "LinkedIn" → "linkedin" (the styles key on it; no logos, no network). */
export const platformKey = (platform: string) => platform.toLowerCase().replace(/[^a-z]/g, '')

/**
 * The post of a judge item as the learner sees it in the test: a card in the platform's colour
 * whose first words name the platform (a visible label, not a logo), then the author and time.
 */
export function QuizPost({ post }: { post: MockPost }) {
  const key = platformKey(post.platform)
  return (
    <figure className={`quiz-post ${styles.post} ${styles[key] ?? ''}`} data-platform={key} aria-label={`Unggahan di ${post.platform}`}>
      <figcaption className={styles.head}>
        <span className={styles.platform}>{post.platform}</span> <strong>{post.author}</strong>
        {post.time ? <span className={styles.time}> · {post.time}</span> : null}
      </figcaption>
      <p>{post.text}</p>
    </figure>
  )
}
