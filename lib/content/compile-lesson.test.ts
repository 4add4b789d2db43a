import { describe, expect, it } from 'vitest'
import { compileLesson } from './compile-lesson.server'

describe('compileLesson', () => {
  it('leaves the frontmatter out of the compiled code every lesson page carries (the page has it from the outline)', async () => {
    const { lesson, code } = await compileLesson('delapan-poin-se-137')
    expect(lesson.title).toBe('Delapan poin SE MenPAN-RB 137/2018')
    expect(code).not.toContain(lesson.summary)
    expect(code).not.toContain(`slug:"${lesson.slug}"`)
    // The body is still there.
    expect(code).toContain('Surat Edaran Nomor 137 Tahun 2018')
  }, 60_000)
})
