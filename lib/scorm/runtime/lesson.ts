/**
 * A lesson page of the package (decision 051): the prerendered lesson made interactive without
 * React — knowledge checks and warm-ups, mock posts, checklists — with the answers kept in the
 * course state of the launch page (window.parent.bbsCourse).
 */
import { orderOptions, type OrderSeed } from '@/lib/content/knowledge-check-order'
import { enhanceDecisionAid } from '@/components/decision-aid/sebelum-unggah-enhance'
import { updateLessonDone } from '../state'
import type { CourseHandle } from './shell'

function feedback(right: boolean, verdictLine: string, explanation: string): HTMLElement {
  const box = document.createElement('div')
  box.className = `lesson-feedback ${right ? 'lesson-right' : 'lesson-wrong'}`
  const verdict = document.createElement('p')
  verdict.className = 'lesson-feedback-verdict'
  const mark = document.createElement('span')
  mark.className = 'lesson-feedback-mark'
  mark.setAttribute('aria-hidden', 'true')
  mark.textContent = right ? '✓' : '!'
  verdict.append(mark, `${right ? 'Tepat.' : 'Belum tepat.'}${verdictLine ? ` ${verdictLine}` : ''}`)
  const text = document.createElement('p')
  text.textContent = explanation
  box.append(verdict, text)
  return box
}

function showChoice(slot: Element | null, right: boolean, verdictLine: string, explanation: string) {
  slot?.replaceChildren(feedback(right, verdictLine, explanation))
}

function enhanceQuestionSet(section: HTMLElement, slug: string, course: CourseHandle | undefined) {
  const setId = section.dataset.bbsCheck!
  const questions = [...section.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')]
  const count = section.querySelector('[data-bbs-count]')
  const all = section.querySelector('[data-bbs-all]')
  const summary = () => {
    const answers = course?.state().answers[slug]?.[setId] ?? {}
    const answered = questions.filter((fieldset) => answers[fieldset.dataset.question!] !== undefined).length
    if (count) count.textContent = `${answered} dari ${questions.length} pertanyaan terjawab.`
    if (all) all.textContent = answered === questions.length ? 'Semua pertanyaan terjawab.' : ''
  }
  for (const fieldset of questions) {
    const questionId = fieldset.dataset.question!
    const choices = fieldset.querySelector('.lesson-choices')!
    const labels = [...choices.querySelectorAll<HTMLLabelElement>('label')].map((label) => ({ id: label.querySelector('input')!.value, label }))
    // The learner's own option order (issue 12), seeded by their LMS id: the same on every visit.
    if (course) choices.replaceChildren(...orderOptions(labels, course.learnerSeed as OrderSeed, slug, questionId).map((item) => item.label))
    const slot = fieldset.querySelector('.lesson-feedback-slot')
    const show = (optionId: string) => showChoice(slot, optionId === fieldset.dataset.correct, '', fieldset.dataset.explanation ?? '')
    const saved = course?.state().answers[slug]?.[setId]?.[questionId]
    for (const { id, label } of labels) {
      const input = label.querySelector('input')!
      if (id === saved) {
        input.checked = true
        show(id)
      }
      input.addEventListener('change', () => {
        show(id)
        course?.update((state) => {
          const lesson = state.answers[slug] ?? {}
          const next = { ...state, answers: { ...state.answers, [slug]: { ...lesson, [setId]: { ...lesson[setId], [questionId]: id } } } }
          const entry = course.data.lessons.find((item) => item.slug === slug)
          return entry ? updateLessonDone(next, slug, entry.checkId, entry.questionIds) : next
        })
        summary()
      })
    }
  }
  summary()
}

function enhanceMockPost(wrapper: HTMLElement, slug: string, course: CourseHandle | undefined) {
  const postId = wrapper.dataset.bbsPost!
  const verdict = wrapper.dataset.verdict as 'ya' | 'tidak'
  const slot = wrapper.querySelector('.lesson-feedback-slot')
  const line = verdict === 'ya' ? 'Unggahan ini boleh.' : 'Unggahan ini tidak boleh.'
  const saved = course?.state().verdicts[slug]?.[postId]
  for (const input of wrapper.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    const value = input.value as 'ya' | 'tidak'
    if (value === saved) {
      input.checked = true
      showChoice(slot, value === verdict, line, wrapper.dataset.explanation ?? '')
    }
    input.addEventListener('change', () => {
      showChoice(slot, value === verdict, line, wrapper.dataset.explanation ?? '')
      course?.update((state) => ({ ...state, verdicts: { ...state.verdicts, [slug]: { ...state.verdicts[slug], [postId]: value } } }))
    })
  }
}

function enhanceChecklist(wrapper: HTMLElement, slug: string, course: CourseHandle | undefined) {
  const listId = wrapper.dataset.bbsChecklist!
  const boxes = [...wrapper.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
  const ids = JSON.parse(wrapper.dataset.items ?? '[]') as string[]
  const count = wrapper.querySelector('.lesson-checklist-count')
  const ticked = new Set(course?.state().ticks[slug]?.[listId] ?? [])
  const refresh = () => {
    const done = boxes.filter((box) => box.checked).length
    if (count) {
      count.textContent = `${done} dari ${boxes.length} sudah dicentang${done === boxes.length ? ' — semua beres.' : '.'}`
      count.classList.toggle('lesson-done', done === boxes.length)
    }
  }
  boxes.forEach((box, index) => {
    box.checked = ticked.has(ids[index] ?? '')
    box.addEventListener('change', () => {
      refresh()
      const items = boxes.flatMap((item, at) => (item.checked && ids[at] ? [ids[at]] : []))
      course?.update((state) => ({ ...state, ticks: { ...state.ticks, [slug]: { ...state.ticks[slug], [listId]: items } } }))
    })
  })
  refresh()
}

export function startLesson(): void {
  const slug = document.body.dataset.slug!
  const course = window.parent !== window ? window.parent.bbsCourse : undefined
  if (!course) document.getElementById('bbs-no-course')?.removeAttribute('hidden')
  course?.visit(document.body.dataset.path!)
  document.querySelectorAll<HTMLElement>('[data-bbs-check]').forEach((section) => enhanceQuestionSet(section, slug, course))
  document.querySelectorAll<HTMLElement>('[data-bbs-post]').forEach((wrapper) => enhanceMockPost(wrapper, slug, course))
  document.querySelectorAll<HTMLElement>('[data-bbs-checklist]').forEach((wrapper) => enhanceChecklist(wrapper, slug, course))
  document.querySelectorAll<HTMLElement>('section[data-aid]').forEach((section) => enhanceDecisionAid(section))
}
