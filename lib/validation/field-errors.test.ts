import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fieldErrorsOf } from './field-errors'

describe('fieldErrorsOf', () => {
  it('keeps the first message per top-level field and puts path-less issues under form', () => {
    const schema = z
      .object({ name: z.string().min(3, 'terlalu pendek').regex(/^[a-z]+$/, 'huruf kecil saja'), tags: z.array(z.string().min(2, 'tag pendek')) })
      .refine(() => false, 'formulir salah')
    const result = schema.safeParse({ name: 'A1', tags: ['ok', 'x'] })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(fieldErrorsOf(result.error)).toEqual({ name: 'terlalu pendek', tags: 'tag pendek', form: 'formulir salah' })
    const formOnly = z.string().refine(() => false, 'formulir salah').safeParse('x')
    expect(!formOnly.success && fieldErrorsOf(formOnly.error)).toEqual({ form: 'formulir salah' })
  })
})
