import type { ReactNode } from 'react'
import type { ResultItemView } from '@/lib/quiz/result-view'

const OUTCOME = { full: 'Tepat', partial: 'Sebagian tepat', none: 'Belum tepat' } as const

/**
 * One answered question in a "Pembahasan" list (post-test results and the 30-day follow-up):
 * whether the answer was right, the learner's answer, the key and explanation once revealed, and
 * the sources. `details` adds further terms to the list; `after` goes below it.
 */
export function FeedbackItem({
  item,
  number,
  sourceTitle,
  details,
  after,
}: {
  item: ResultItemView
  number: number
  sourceTitle: (sourceId: string) => string
  details?: ReactNode
  after?: ReactNode
}) {
  return (
    <li className="card feedback-item" data-item={item.itemId}>
      <h3>
        Soal {number}: {item.withdrawn ? 'Ditarik, tidak dihitung' : OUTCOME[item.outcome]}
      </h3>
      <p>{item.stem}</p>
      <dl>
        <dt>Jawaban Anda</dt>
        <dd>{item.yourAnswer}</dd>
        {item.revealed && (
          <>
            <dt>Jawaban terbaik</dt>
            <dd>{item.revealed.bestAnswer}</dd>
            <dt>Penjelasan</dt>
            <dd>{item.revealed.explanation}</dd>
          </>
        )}
        {item.sources.length > 0 && (
          <>
            <dt>Sumber</dt>
            <dd>{item.sources.map(sourceTitle).join('; ')}</dd>
          </>
        )}
        {details}
      </dl>
      {after}
    </li>
  )
}
