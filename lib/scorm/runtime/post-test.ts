/**
 * The package's post-test page (decision 051): drawn in the browser from the bank with the hosted
 * course's own draw (lib/quiz/draw.ts, same blueprint) and scored with its own scoring
 * (lib/quiz/score.ts, same pass mark). The keys are in this page: an LMS package cannot hide them.
 */
import { createBank } from '@/lib/quiz/bank'
import { courseForm, draw } from '@/lib/quiz/draw'
import { toPublicItems } from '@/lib/quiz/public-view'
import { score } from '@/lib/quiz/score'
import type { BankItem, CoverageMap, PublicItem, Responses } from '@/lib/quiz/types'
import { recordPostTest, type PostTestState } from '../state'
import type { CourseHandle } from './shell'

type Response = PostTestState['responses'][string]

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  element.append(...children)
  return element
}

function choice(type: 'radio' | 'checkbox', name: string, value: string, text: string, checked: boolean, onChange: (input: HTMLInputElement) => void) {
  const input = el('input', { type, name, value })
  input.checked = checked
  input.addEventListener('change', () => onChange(input))
  return el('label', { class: 'lesson-choice' }, input, el('span', {}, text))
}

function renderItem(item: PublicItem, index: number, count: number, saved: Response | undefined, save: (response: Response) => void): HTMLElement {
  const fieldset = el('fieldset', { class: 'lesson-question', 'data-item': item.itemId, 'data-type': item.type })
  fieldset.append(el('legend', {}, el('span', { class: 'lesson-question-number' }, `Soal ${index + 1} dari ${count}`), el('span', { class: 'lesson-question-prompt' }, item.stem)))
  if (item.type === 'judge') {
    fieldset.append(
      el('figure', { class: 'lesson-worked-post' }, el('figcaption', {}, `${item.post.platform} · ${item.post.author}`), el('blockquote', {}, el('p', {}, item.post.text))),
    )
    let current: Response = { ...saved }
    const verdicts = el('div', { class: 'lesson-choices lesson-choices-row', role: 'radiogroup', 'aria-label': 'Boleh diunggah?' })
    for (const verdict of item.verdicts) {
      verdicts.append(
        choice('radio', `${item.itemId}-putusan`, verdict, verdict === 'ya' ? 'Ya, boleh' : 'Tidak', saved?.verdict === verdict, () => {
          current = { ...current, verdict }
          save(current)
        }),
      )
    }
    const reasons = el('div', { class: 'lesson-choices', role: 'radiogroup', 'aria-label': 'Alasannya' })
    for (const reason of item.reasons) {
      reasons.append(
        choice('radio', `${item.itemId}-alasan`, reason.id, reason.text, saved?.reasonId === reason.id, () => {
          current = { ...current, reasonId: reason.id }
          save(current)
        }),
      )
    }
    fieldset.append(el('p', {}, 'Boleh diunggah?'), verdicts, el('p', {}, 'Alasannya:'), reasons)
  } else if (item.type === 'single') {
    const box = el('div', { class: 'lesson-choices' })
    for (const option of item.options) box.append(choice('radio', item.itemId, option.id, option.text, saved?.optionId === option.id, () => save({ optionId: option.id })))
    fieldset.append(box)
  } else if (item.type === 'multi') {
    fieldset.append(el('p', { class: 'muted' }, 'Pilih semua yang tepat.'))
    const box = el('div', { class: 'lesson-choices' })
    for (const option of item.options) {
      box.append(
        choice('checkbox', item.itemId, option.id, option.text, saved?.optionIds?.includes(option.id) ?? false, () => {
          save({ optionIds: [...box.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value) })
        }),
      )
    }
    fieldset.append(box)
  }
  return fieldset
}

export function startPostTest(): void {
  const root = document.getElementById('bbs-post-test')!
  const course = window.parent !== window ? window.parent.bbsCourse : undefined
  if (!course) {
    root.replaceChildren(el('p', {}, 'Buka post-test dari halaman awal paket (index.html) agar hasilnya tercatat.'))
    return
  }
  course.visit(document.body.dataset.path!)
  const data = JSON.parse(document.getElementById('bbs-bank')!.textContent!) as { items: BankItem[]; coverage: CoverageMap }
  const bank = createBank(data.items, data.coverage)
  const blueprint = courseForm(course.data.postTestItems)
  const handle: CourseHandle = course

  const showStart = () => {
    const state = handle.state()
    const missing = handle.data.lessons.filter((lesson) => !state.done.includes(lesson.slug))
    const nodes: Node[] = []
    if (state.result) {
      nodes.push(el('p', { 'data-bbs-result': state.result.passed ? 'lulus' : 'belum-lulus' }, `Hasil terbaik Anda: ${state.result.score.toLocaleString('id-ID')} (${state.result.passed ? 'lulus' : 'belum lulus'}; batas lulus ${handle.passMark}).`))
    }
    if (missing.length > 0) {
      nodes.push(el('p', {}, 'Post-test terbuka setelah semua pelajaran selesai (semua pertanyaan Uji pemahaman terjawab). Belum selesai:'))
      nodes.push(el('ul', {}, ...missing.map((lesson) => el('li', {}, el('a', { href: lesson.file }, lesson.title)))))
    } else {
      const button = el('button', { type: 'button', class: 'button' }, state.result ? 'Ulangi post-test' : 'Mulai post-test')
      button.addEventListener('click', () => {
        const bytes = crypto.getRandomValues(new Uint8Array(12))
        const seed = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
        handle.update((current) => ({ ...current, test: { seed, responses: {} } }))
        showTest()
      })
      nodes.push(el('p', {}, `${blueprint.size} soal; batas lulus ${handle.passMark}.`), button)
    }
    root.replaceChildren(...nodes)
  }

  const showTest = () => {
    const test = handle.state().test
    if (!test) return showStart()
    const attempt = draw(bank, blueprint, test.seed)
    const items = toPublicItems(bank, attempt)
    const form = el('form', { class: 'lesson-check', novalidate: '' })
    items.forEach((item, index) => {
      form.append(
        renderItem(item, index, items.length, test.responses[item.itemId], (response) => {
          handle.update((current) => (current.test ? { ...current, test: { ...current.test, responses: { ...current.test.responses, [item.itemId]: response } } } : current))
        }),
      )
    })
    form.append(el('button', { type: 'submit', class: 'button' }, 'Kirim jawaban'))
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const responses = (handle.state().test?.responses ?? {}) as Responses
      const result = score(bank, attempt, responses, { passMark: handle.passMark })
      handle.update((current) => recordPostTest(current, { score: result.total, passed: result.passed }))
      const list = el('ol', {})
      for (const feedback of result.items) {
        const outcome = feedback.outcome === 'full' ? 'Benar' : feedback.outcome === 'partial' ? 'Sebagian benar' : 'Belum benar'
        list.append(el('li', {}, el('p', {}, el('strong', {}, `${outcome}. `), feedback.stem), el('p', { class: 'muted' }, feedback.explanation)))
      }
      root.replaceChildren(
        el('h2', { tabindex: '-1', id: 'bbs-hasil' }, 'Hasil post-test'),
        el('p', { 'data-bbs-score': String(result.total) }, `Skor Anda ${result.total.toLocaleString('id-ID')} dari 100: ${result.passed ? 'lulus' : 'belum lulus'} (batas lulus ${handle.passMark}).`),
        list,
      )
      document.getElementById('bbs-hasil')?.focus()
    })
    root.replaceChildren(form)
  }

  showTest()
}
