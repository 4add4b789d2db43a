'use client'

import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import {
  DECISION_AID_PDF_HREF,
  type DecisionFlow,
  type DecisionNode,
  findNode,
  OUTCOME_LABELS,
  questionNumber,
  RULE_REFERENCES,
  ruleHref,
  SEBELUM_UNGGAH,
} from '@/lib/decision-aid/flow'
import styles from './sebelum-unggah.module.css'

type Answer = 'ya' | 'tidak'
type Step = { id: string; answer: Answer }

const noopSubscribe = () => () => {}
const anchor = (id: string) => `alur-${id}`

/** Where a branch leads, as the static list says it: a link to the next question, or the outcome itself. */
function Branch({ flow, answer, target }: { flow: DecisionFlow; answer: string; target: string }) {
  const node = findNode(flow, target)
  if (!node) return null
  return (
    <li>
      <span className={styles.answer}>{answer} →</span>{' '}
      {node.kind === 'question' ? (
        <a href={`#${anchor(node.id)}`}>lanjut ke pertanyaan {questionNumber(flow, node.id)}</a>
      ) : (
        <>
          <strong className={styles[node.outcome]}>{OUTCOME_LABELS[node.outcome]}.</strong> {node.text}
        </>
      )}
    </li>
  )
}

/** The whole flow as a numbered list: what a reader without JavaScript (or a printout) gets. */
function FlowList({ flow }: { flow: DecisionFlow }) {
  return (
    <ol className={styles.list}>
      {flow.questions.map((item) => (
        <li key={item.id} id={anchor(item.id)} tabIndex={-1}>
          <p className={styles.question}>{item.text}</p>
          <ul className={styles.branches}>
            <Branch flow={flow} answer="Ya" target={item.yes} />
            <Branch flow={flow} answer="Tidak" target={item.no} />
          </ul>
        </li>
      ))}
    </ol>
  )
}

/**
 * "Sebelum unggah" (issue 12): one yes/no question at a time, ending in an outcome with the rules
 * it rests on. The server (and a browser without JavaScript) renders the whole flow as a list;
 * once hydrated it becomes the step-by-step flow. Nothing is saved: it is an aid, not a test.
 */
export function SebelumUnggah() {
  const flow = SEBELUM_UNGGAH
  const interactive = useSyncExternalStore(noopSubscribe, () => true, () => false)
  const [path, setPath] = useState<Step[]>([])
  const focusNext = useRef(false)
  const currentRef = useRef<HTMLParagraphElement>(null)

  const last = path.at(-1)
  const lastNode = last ? findNode(flow, last.id) : undefined
  const currentId = lastNode?.kind === 'question' ? (last!.answer === 'ya' ? lastNode.yes : lastNode.no) : flow.start
  const current: DecisionNode | undefined = findNode(flow, currentId)

  useEffect(() => {
    if (!focusNext.current) return
    focusNext.current = false
    currentRef.current?.focus()
  }, [path])

  const go = (next: Step[]) => {
    focusNext.current = true
    setPath(next)
  }

  const download = (
    <p className={styles.download}>
      <a href={DECISION_AID_PDF_HREF} download="sebelum-unggah.pdf">
        Unduh alur ini (PDF, 1 halaman A4)
      </a>{' '}
      untuk dicetak atau disimpan.
    </p>
  )

  if (!interactive || !current) {
    return (
      <section className={styles.aid} aria-label="Alur keputusan sebelum unggah">
        <p className={styles.hint}>Mulai dari pertanyaan 1 dan ikuti jawaban Anda.</p>
        <FlowList flow={flow} />
        {download}
      </section>
    )
  }

  return (
    <section className={styles.aid} aria-label="Alur keputusan sebelum unggah">
      {current.kind === 'question' ? (
        <div className={styles.step}>
          <p className={styles.counter}>
            Pertanyaan {questionNumber(flow, current.id)} dari {flow.questions.length}
          </p>
          <p id="alur-pertanyaan" className={styles.question} tabIndex={-1} ref={currentRef}>
            {current.text}
          </p>
          <div role="group" aria-labelledby="alur-pertanyaan" className={styles.choices}>
            <button type="button" className="button" onClick={() => go([...path, { id: current.id, answer: 'ya' }])}>
              Ya
            </button>
            <button type="button" className="button" onClick={() => go([...path, { id: current.id, answer: 'tidak' }])}>
              Tidak
            </button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite" className={styles.outcomeSlot}>
        {current.kind === 'outcome' && (
          <div className={`${styles.outcome} ${styles[`outcome-${current.outcome}`]}`} data-testid="hasil-alur">
            <p className={styles.outcomeLabel} tabIndex={-1} ref={currentRef}>
              Hasil: {OUTCOME_LABELS[current.outcome]}
            </p>
            <p>{current.text}</p>
            <p className={styles.basis}>
              Dasar:{' '}
              {current.rules.map((rule, index) => (
                <span key={rule}>
                  {index > 0 && ' · '}
                  <a href={ruleHref(rule)}>{RULE_REFERENCES[rule]?.label ?? rule}</a>
                </span>
              ))}
            </p>
          </div>
        )}
      </div>
      {path.length > 0 && (
        <div className={styles.path}>
          <p className={styles.pathTitle} id="alur-jawaban">
            Jawaban Anda
          </p>
          <ol aria-labelledby="alur-jawaban">
            {path.map((step) => {
              const node = findNode(flow, step.id)
              return (
                <li key={step.id}>
                  {node?.kind === 'question' ? node.label : step.id}: <strong>{step.answer === 'ya' ? 'Ya' : 'Tidak'}</strong>
                </li>
              )
            })}
          </ol>
        </div>
      )}
      {path.length > 0 && (
        <div className={styles.controls}>
          <button type="button" className="button secondary" onClick={() => go(path.slice(0, -1))}>
            Kembali
          </button>
          <button type="button" className="button secondary" onClick={() => go([])}>
            Ulangi
          </button>
        </div>
      )}
      {download}
    </section>
  )
}
