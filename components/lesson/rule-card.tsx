import type { ReactNode } from 'react'

export type RuleCardProps = {
  /** Rule id from content/rules.yaml; the card is the anchor #aturan-<rule> quizzes link to. */
  rule: string
  title: string
  /** 1–8: the point of SE MenPAN-RB 137/2018 this card explains. */
  point?: number
  /** The point's text, quoted verbatim. */
  quote?: string
  children?: ReactNode
}

/** One rule, explained: the anchor the quiz feedback links to (/belajar/<slug>#aturan-<rule>). */
export function RuleCard({ rule, title, point, quote, children }: RuleCardProps) {
  const id = `aturan-${rule}`
  return (
    <section id={id} tabIndex={-1} className="lesson-rule-card" aria-labelledby={`${id}-judul`}>
      <h3 id={`${id}-judul`} className="lesson-rule-title">
        {title}
      </h3>
      {point !== undefined && <p className="lesson-rule-point">Poin {point} SE MenPAN-RB 137/2018</p>}
      {quote && (
        <figure className="lesson-rule-quote">
          <blockquote>
            <p>{quote}</p>
          </blockquote>
          <figcaption>
            <cite>
              Surat Edaran MenPAN-RB Nomor 137 Tahun 2018{point !== undefined ? `, poin ${point}` : ''}
            </cite>
          </figcaption>
        </figure>
      )}
      <div className="lesson-rule-body">{children}</div>
    </section>
  )
}
