import { describe, expect, it } from 'vitest'
import { dueReminderMail } from './due-reminder'

const base = { name: 'Siti <i>Aminah</i>', cohortName: 'Orientasi "Gel. 1" & Co', dueDate: new Date('2027-03-20T23:59:59+07:00'), baseUrl: 'https://bijak.contoh.go.id' }

describe('dueReminderMail', () => {
  it('says how far the due date is, in Bahasa Indonesia, with the Jakarta date', () => {
    expect(dueReminderMail({ ...base, stage: { kind: 'h-7' } }).subject).toBe('Pengingat: tenggat kursus Bijak Bermedia Sosial 7 hari lagi')
    expect(dueReminderMail({ ...base, stage: { kind: 'h-7' } }).text).toContain('adalah 20 Maret 2027, 7 hari lagi')
    expect(dueReminderMail({ ...base, stage: { kind: 'h-1' } }).text).toContain('adalah besok, 20 Maret 2027')
    const overdue = dueReminderMail({ ...base, stage: { kind: 'lewat', weeks: 2 } })
    expect(overdue.subject).toBe('Tenggat kursus Bijak Bermedia Sosial sudah lewat')
    expect(overdue.text).toContain('sudah lewat 2 minggu (20 Maret 2027)')
  })

  it('links to the dashboard on PUBLIC_BASE_URL in both parts', () => {
    const mail = dueReminderMail({ ...base, baseUrl: 'https://x.go.id/bijak', stage: { kind: 'h-1' } })
    expect(mail.text).toContain('https://x.go.id/bijak/dasbor')
    expect(mail.html).toContain('href="https://x.go.id/bijak/dasbor"')
  })

  it('escapes the name and cohort name in HTML', () => {
    const mail = dueReminderMail({ ...base, stage: { kind: 'h-7' } })
    expect(mail.html).toContain('Siti &lt;i&gt;Aminah&lt;/i&gt;')
    expect(mail.html).toContain('&quot;Orientasi &quot;Gel. 1&quot; &amp; Co&quot;')
    expect(mail.html).not.toContain('<i>Aminah')
    expect(mail.text).toContain('Yth. Siti <i>Aminah</i>,')
  })

  it('says a hand-sent reminder came from HR or the unit, with the days left, today, overdue or no due date', () => {
    const manual = (daysLeft: number | null, dueDate: Date | null = base.dueDate) => dueReminderMail({ ...base, dueDate, stage: { kind: 'manual', daysLeft } })
    expect(manual(12).subject).toBe('Pengingat dari unit kerja Anda: selesaikan kursus Bijak Bermedia Sosial')
    expect(manual(12).text).toContain('adalah 20 Maret 2027, 12 hari lagi')
    expect(manual(1).text).toContain('adalah besok, 20 Maret 2027')
    expect(manual(0).text).toContain('adalah hari ini, 20 Maret 2027')
    expect(manual(-3).text).toContain('sudah lewat 3 hari (20 Maret 2027)')
    expect(manual(null, null).text).toContain('terdaftar di kelompok "Orientasi "Gel. 1" & Co" dan belum lulus kursus wajib ini')
    expect(manual(5).text).toContain('atas permintaan HR atau operator unit kerja Anda')
    expect(dueReminderMail({ ...base, stage: { kind: 'h-7' } }).text).not.toContain('atas permintaan')
  })
})
