'use client'

import { useId } from 'react'
import { useLearningStore } from './learning-store'
import { useCurrentLessonState } from './lesson-context'

export type ChecklistItem = { id: string; label: string }
export type ChecklistProps = { id: string; title: string; items?: ChecklistItem[] }

/** A list of real checkboxes; ticks are saved per lesson and survive a reload. */
export function Checklist({ id, title, items = [] }: ChecklistProps) {
  const { slug, state, hydrated } = useCurrentLessonState()
  const toggle = useLearningStore((store) => store.toggleChecklistItem)
  const prefix = useId()
  const ticked = state.checklists[id] ?? []
  const count = items.filter((item) => ticked.includes(item.id)).length
  const done = items.length > 0 && count === items.length

  return (
    <fieldset className="lesson-checklist">
      <legend>{title}</legend>
      <ul>
        {items.map((item) => {
          const inputId = `${prefix}-${item.id}`
          return (
            <li key={item.id}>
              <input
                type="checkbox"
                id={inputId}
                checked={ticked.includes(item.id)}
                onChange={() => toggle(slug, id, item.id)}
              />
              <label htmlFor={inputId}>{item.label}</label>
            </li>
          )
        })}
      </ul>
      <p className={`lesson-checklist-count${done ? ' lesson-done' : ''}`} aria-live={hydrated ? 'polite' : 'off'}>
        {count} dari {items.length} sudah dicentang{done ? ' — semua beres.' : '.'}
      </p>
    </fieldset>
  )
}
