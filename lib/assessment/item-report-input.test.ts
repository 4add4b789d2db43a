import { describe, expect, it } from 'vitest'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { itemDecisionSchema, itemReportSchema, REPORT_REASON_MAX } from './item-report-input'

const report = { attemptId: 'a1', itemId: 'i1', reason: 'Pilihan B juga benar menurut SE 137.' }

describe('itemReportSchema', () => {
  it('accepts a reason of 10–1000 characters, trimmed, and an optional suggested option', () => {
    expect(itemReportSchema.parse({ ...report, reason: `  ${report.reason}  `, suggestedOptionId: '' })).toEqual({ ...report, suggestedOptionId: undefined })
    expect(itemReportSchema.parse({ ...report, suggestedOptionId: 'b' }).suggestedOptionId).toBe('b')
    expect(itemReportSchema.safeParse({ ...report, reason: 'x'.repeat(REPORT_REASON_MAX) }).success).toBe(true)
  })

  it('refuses a reason too short or too long, in Bahasa Indonesia, per field', () => {
    const short = itemReportSchema.safeParse({ ...report, reason: '  salah   ' })
    expect(short.success).toBe(false)
    expect(fieldErrorsOf(short.error!).reason).toMatch(/minimal 10 karakter/)
    const long = itemReportSchema.safeParse({ ...report, reason: 'x'.repeat(REPORT_REASON_MAX + 1) })
    expect(fieldErrorsOf(long.error!).reason).toBe('Alasan paling panjang 1000 karakter.')
    expect(fieldErrorsOf(itemReportSchema.safeParse({ reason: report.reason }).error!)).toMatchObject({
      attemptId: 'Percobaan tidak valid.',
      itemId: 'Soal tidak valid.',
    })
  })
})

describe('itemDecisionSchema', () => {
  it('needs a note to record a correction or to dismiss, not to review or withdraw', () => {
    expect(itemDecisionSchema.safeParse({ decision: 'tinjau', itemId: 'i1' }).success).toBe(true)
    expect(itemDecisionSchema.safeParse({ decision: 'tarik', itemId: 'i1', note: '' }).success).toBe(true)
    const dismissed = itemDecisionSchema.safeParse({ decision: 'tolak', itemId: 'i1', note: 'ok' })
    expect(fieldErrorsOf(dismissed.error!).note).toMatch(/balasan untuk pelapor/)
    const corrected = itemDecisionSchema.safeParse({ decision: 'koreksi', itemId: 'i1' })
    expect(fieldErrorsOf(corrected.error!).note).toMatch(/apa yang diperbaiki/)
    expect(itemDecisionSchema.parse({ decision: 'tolak', itemId: 'i1', note: ' Kunci sudah benar. ' }).note).toBe('Kunci sudah benar.')
  })

  it('refuses an unknown decision', () => {
    expect(itemDecisionSchema.safeParse({ decision: 'hapus', itemId: 'i1' }).success).toBe(false)
  })
})
