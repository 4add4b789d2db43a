/**
 * The package's launch page (decision 051): connects to the LMS once, keeps the learner's state,
 * and shows the lessons and the post-test in a frame. The pages in the frame reach it as
 * `window.parent.bbsCourse`.
 */
import { decodeCourseState, encodeCourseState, lmsStatus, type CourseState } from '../state'
import { connectLms, type Lms } from './lms'

export type CourseData = {
  title: string
  mode: 'scorm12' | 'cmi5'
  passMark: number
  postTestItems: number
  lessons: { slug: string; title: string; file: string; checkId: string; questionIds: string[] }[]
  postTestFile: string
}

export type CourseHandle = {
  data: CourseData
  /** The pass mark in force: the LMS's (cmi5 masteryScore) or the package's. */
  passMark: number
  /** Seeds the learner's option order (knowledge checks) the same on every visit. */
  learnerSeed: string
  state(): CourseState
  update(change: (state: CourseState) => CourseState): void
  visit(path: string): void
}

declare global {
  interface Window {
    bbsCourse?: CourseHandle
  }
}

function readJson<T>(id: string): T {
  const element = document.getElementById(id)
  if (!element?.textContent) throw new Error(`#${id} hilang`)
  return JSON.parse(element.textContent) as T
}

export async function startShell(): Promise<void> {
  const data = readJson<CourseData>('bbs-course')
  const frame = document.getElementById('bbs-frame') as HTMLIFrameElement
  const status = document.getElementById('bbs-status')!
  const start = data.lessons[0]!.file
  let lms: Lms
  try {
    lms = await connectLms(data.mode, window)
  } catch (error) {
    status.textContent = `Tidak dapat terhubung ke LMS: ${error instanceof Error ? error.message : String(error)}. Kemajuan tidak akan tersimpan.`
    return
  }
  let state = decodeCourseState(lms.suspendData, start)
  if (lms.location && /^[\w./-]+$/.test(lms.location)) state = { ...state, at: lms.location }
  const lessonSlugs = data.lessons.map((lesson) => lesson.slug)
  let reported = ''
  if (lms.kind === 'preview') document.getElementById('bbs-preview')?.removeAttribute('hidden')

  const render = () => {
    for (const lesson of data.lessons) {
      const mark = document.querySelector(`[data-bbs-mark="${lesson.slug}"]`)
      if (mark) mark.textContent = state.done.includes(lesson.slug) ? '✓ selesai' : ''
    }
    const testMark = document.querySelector('[data-bbs-mark="post-test"]')
    if (testMark) testMark.textContent = state.result ? `${state.result.passed ? 'lulus' : 'belum lulus'}, skor ${state.result.score.toLocaleString('id-ID')}` : ''
    status.textContent = `${state.done.length} dari ${data.lessons.length} pelajaran selesai.`
  }

  const report = () => {
    const courseStatus = lmsStatus(state, lessonSlugs)
    const key = `${courseStatus}|${state.result?.score ?? ''}`
    if (key === reported) return
    reported = key
    const sent = lms.report(courseStatus, state.result?.score ?? null, state.sent)
    if (sent.length !== state.sent.length) state = { ...state, sent }
  }

  const save = () => lms.save(encodeCourseState(state), state.at)

  window.bbsCourse = {
    data,
    passMark: lms.masteryScore ?? data.passMark,
    learnerSeed: `pengguna:${lms.learnerId}`,
    state: () => state,
    update(change) {
      state = change(state)
      report()
      save()
      render()
    },
    visit(path) {
      if (state.at === path) return
      state = { ...state, at: path }
      save()
    },
  }
  report()
  render()
  frame.src = state.at

  let finished = false
  const finish = () => {
    if (finished) return
    finished = true
    save()
    // Only a passed course with no post-test under way is over; anything else resumes next time.
    lms.finish(!(lmsStatus(state, lessonSlugs) === 'passed' && !state.test))
  }
  window.addEventListener('pagehide', finish)
  document.getElementById('bbs-exit')?.addEventListener('click', () => {
    finish()
    if (lms.returnUrl) window.location.assign(lms.returnUrl)
    else status.textContent = 'Kemajuan Anda tersimpan. Anda dapat menutup jendela ini.'
  })
}
