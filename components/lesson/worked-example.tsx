import type { WorkedExampleProps } from '@/lib/content/worked-example'

const VERDICT = { ya: 'Boleh diunggah', tidak: 'Sebaiknya tidak diunggah' } as const

/**
 * A worked grey-zone example (issue 12): two versions of one post side by side (stacked on
 * phones), each with its verdict and why, then what changes the verdict. Static HTML, no script.
 * Props are checked by content:check (lib/content/worked-example.ts).
 */
export function WorkedExample({ id, title, platform, context, first, second, change }: WorkedExampleProps) {
  const base = `contoh-${id}`
  return (
    <section id={base} className="lesson-worked" aria-labelledby={`${base}-judul`}>
      <h3 id={`${base}-judul`} className="lesson-worked-title">
        <span className="lesson-worked-kicker">Contoh area abu-abu</span> {title}
      </h3>
      {context && <p className="lesson-worked-context">{context}</p>}
      <div className="lesson-worked-pair">
        {[first, second].map((version, index) => {
          const label = index === 0 ? 'Versi A' : 'Versi B'
          return (
            <article key={label} className={`lesson-worked-version lesson-worked-${version.verdict}`} aria-labelledby={`${base}-${index}`}>
              <h4 id={`${base}-${index}`} className="lesson-worked-verdict">
                <span className="lesson-worked-mark" aria-hidden="true">
                  {version.verdict === 'ya' ? '✓' : '✕'}
                </span>
                {label}: {VERDICT[version.verdict]}
              </h4>
              <figure className="lesson-worked-post">
                <figcaption>
                  {platform} · {version.author}
                </figcaption>
                <blockquote>
                  <p>{version.text}</p>
                </blockquote>
              </figure>
              <p className="lesson-worked-why">{version.why}</p>
            </article>
          )
        })}
      </div>
      <p className="lesson-worked-change">
        <strong>Yang mengubah penilaian:</strong> {change}
      </p>
    </section>
  )
}
