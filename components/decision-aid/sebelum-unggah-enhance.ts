/**
 * The script that turns the aid's prerendered list (./sebelum-unggah-markup.tsx) into the
 * step-by-step flow: one question at a time with "Ya" and "Tidak", "Kembali" and "Ulangi", the
 * answers so far, focus on the next question or the outcome, the outcome in a polite live region.
 * It reads the flow from the markup (no text of its own) and runs on lesson 4 only, inline,
 * before React hydrates the page (pages/_document.tsx); React never touches the island's inside.
 * Nothing is saved: it is an aid, not a graded check.
 */
type Answer = 'ya' | 'tidak'
type Step = { id: string; answer: Answer }
type Question = { label: string; text: string; yes: string; no: string; number: number }

export function enhanceDecisionAid(section: HTMLElement): void {
  const list = section.querySelector<HTMLOListElement>('ol[data-start]')
  const steps = section.querySelector<HTMLElement>('[data-aid-steps]')
  const template = section.querySelector<HTMLTemplateElement>('template[data-aid-outcomes]')
  if (!list || !steps || !template || !steps.hidden) return
  const find = <T extends HTMLElement>(selector: string) => steps.querySelector<T>(selector)!
  const questionBox = find('[data-aid-question]')
  const questionNumber = find('[data-aid-number]')
  const questionText = find('#alur-pertanyaan')
  const outcomeSlot = find('[data-aid-outcome]')
  const pathBox = find('[data-aid-path]')
  const pathList = find('[data-aid-path] ol')
  const controls = find('[data-aid-controls]')

  const questions = new Map<string, Question>()
  list.querySelectorAll<HTMLElement>(':scope > li[data-node]').forEach((item, index) => {
    const { node = '', label = '', yes = '', no = '' } = item.dataset
    questions.set(node, { label, text: item.querySelector('.aid-question')?.textContent ?? '', yes, no, number: index + 1 })
  })
  const outcomes = new Map<string, Element>()
  template.content.querySelectorAll<HTMLElement>('[data-node]').forEach((item) => outcomes.set(item.dataset.node ?? '', item))

  let path: Step[] = []
  const currentId = (): string => {
    const last = path.at(-1)
    const question = last && questions.get(last.id)
    return question ? question[last.answer === 'ya' ? 'yes' : 'no'] : (list.dataset.start ?? '')
  }

  const show = (moveFocus: boolean) => {
    const id = currentId()
    const question = questions.get(id)
    const outcome = outcomes.get(id)
    questionBox.hidden = !question
    if (question) {
      questionNumber.textContent = String(question.number)
      questionText.textContent = question.text
    }
    outcomeSlot.replaceChildren(...(question || !outcome ? [] : [outcome.cloneNode(true)]))
    pathList.replaceChildren(
      ...path.map((step) => {
        const item = document.createElement('li')
        const answer = document.createElement('strong')
        answer.textContent = step.answer === 'ya' ? 'Ya' : 'Tidak'
        item.append(`${questions.get(step.id)?.label ?? step.id}: `, answer)
        return item
      }),
    )
    pathBox.hidden = controls.hidden = path.length === 0
    if (moveFocus) (question ? questionText : outcomeSlot.querySelector<HTMLElement>('[tabindex]'))?.focus()
  }

  steps.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button')
    if (!button) return
    const answer = button.dataset.answer as Answer | undefined
    if (answer) path = [...path, { id: currentId(), answer }]
    else if (button.hasAttribute('data-aid-back')) path = path.slice(0, -1)
    else if (button.hasAttribute('data-aid-restart')) path = []
    else return
    show(true)
  })

  section.querySelectorAll<HTMLElement>('[data-aid-static]').forEach((item) => (item.hidden = true))
  steps.hidden = false
  show(false)
}
