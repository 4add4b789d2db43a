// Rendered on the server only (pages/_document.tsx, through the static island of
// ./sebelum-unggah.tsx); no 'server-only' marker, which the Pages Router's server build refuses.
import {
  DECISION_AID_PDF_HREF,
  type DecisionFlow,
  type DecisionOutcome,
  findNode,
  OUTCOME_LABELS,
  questionNumber,
  RULE_REFERENCES,
  ruleHref,
  SEBELUM_UNGGAH,
} from '@/lib/decision-aid/flow'

const anchor = (id: string) => `alur-${id}`

/** Where a branch leads, as the static list says it: a link to the next question, or the outcome itself. */
function Branch({ flow, answer, target }: { flow: DecisionFlow; answer: string; target: string }) {
  const node = findNode(flow, target)
  if (!node) return null
  return (
    <li>
      <span className="aid-answer">{answer} →</span>{' '}
      {node.kind === 'question' ? (
        <a href={`#${anchor(node.id)}`}>lanjut ke pertanyaan {questionNumber(flow, node.id)}</a>
      ) : (
        <>
          <strong className={`aid-${node.outcome}`}>{OUTCOME_LABELS[node.outcome]}.</strong> {node.text}
        </>
      )}
    </li>
  )
}

/** One outcome as the step-by-step flow shows it (cloned from a template by the script). */
function Outcome({ outcome }: { outcome: DecisionOutcome }) {
  return (
    <div className={`aid-outcome aid-outcome-${outcome.outcome}`} data-testid="hasil-alur" data-node={outcome.id}>
      <p className="aid-outcome-label" tabIndex={-1}>
        Hasil: {OUTCOME_LABELS[outcome.outcome]}
      </p>
      <p>{outcome.text}</p>
      <p className="aid-basis">
        Dasar:{' '}
        {outcome.rules.map((rule, index) => (
          <span key={rule}>
            {index > 0 && ' · '}
            <a href={ruleHref(rule)}>{RULE_REFERENCES[rule]?.label ?? rule}</a>
          </span>
        ))}
      </p>
    </div>
  )
}

/**
 * The inside of the aid's `<section>`:
 * - the whole flow as a numbered list ("Ya → lanjut ke pertanyaan N", outcomes in place): what a
 *   reader without JavaScript (or a printout) gets. Each question carries its branches
 *   (`data-yes`, `data-no`) and its short label (`data-label`) for the script;
 * - the step-by-step controls, `hidden` until the script (./sebelum-unggah-enhance.ts) takes
 *   over, and the outcomes in a `<template>` it clones from.
 */
export function SebelumUnggahMarkup({ flow = SEBELUM_UNGGAH }: { flow?: DecisionFlow }) {
  return (
    <>
      <p className="aid-hint" data-aid-static="">
        Mulai dari pertanyaan 1 dan ikuti jawaban Anda.
      </p>
      <ol className="aid-list" data-aid-static="" data-start={flow.start}>
        {flow.questions.map((item) => (
          <li key={item.id} id={anchor(item.id)} tabIndex={-1} data-node={item.id} data-label={item.label} data-yes={item.yes} data-no={item.no}>
            <p className="aid-question">{item.text}</p>
            <ul className="aid-branches">
              <Branch flow={flow} answer="Ya" target={item.yes} />
              <Branch flow={flow} answer="Tidak" target={item.no} />
            </ul>
          </li>
        ))}
      </ol>
      <div className="aid-steps" data-aid-steps="" hidden>
        <div className="aid-step" data-aid-question="">
          <p className="aid-counter">
            Pertanyaan <span data-aid-number="">1</span> dari {flow.questions.length}
          </p>
          <p id="alur-pertanyaan" className="aid-question" tabIndex={-1} />
          <div role="group" aria-labelledby="alur-pertanyaan" className="aid-choices">
            <button type="button" className="button" data-answer="ya">
              Ya
            </button>
            <button type="button" className="button" data-answer="tidak">
              Tidak
            </button>
          </div>
        </div>
        <div aria-live="polite" className="aid-outcome-slot" data-aid-outcome="" />
        <template data-aid-outcomes="">
          {flow.outcomes.map((outcome) => (
            <Outcome key={outcome.id} outcome={outcome} />
          ))}
        </template>
        <div className="aid-path" data-aid-path="" hidden>
          <p className="aid-path-title" id="alur-jawaban">
            Jawaban Anda
          </p>
          <ol aria-labelledby="alur-jawaban" />
        </div>
        <div className="aid-controls" data-aid-controls="" hidden>
          <button type="button" className="button secondary" data-aid-back="">
            Kembali
          </button>
          <button type="button" className="button secondary" data-aid-restart="">
            Ulangi
          </button>
        </div>
      </div>
      <p className="aid-download">
        <a href={DECISION_AID_PDF_HREF} download="sebelum-unggah.pdf">
          Unduh alur ini (PDF, 1 halaman A4)
        </a>{' '}
        untuk dicetak atau disimpan.
      </p>
    </>
  )
}
