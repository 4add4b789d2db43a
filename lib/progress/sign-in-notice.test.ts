import { describe, expect, it } from 'vitest'
import { signInNoticeFor } from './sign-in-notice'

describe('signInNoticeFor', () => {
  it('says why when a lesson sent the visitor to sign in', () => {
    expect(signInNoticeFor('/belajar/aspek-etika')).toBe('Masuk untuk melanjutkan pelajaran ini.')
    expect(signInNoticeFor('/belajar/aspek-etika#bagian-awal')).toBe('Masuk untuk melanjutkan pelajaran ini.')
  })

  it('says nothing for other return paths or none', () => {
    expect(signInNoticeFor(null)).toBeNull()
    expect(signInNoticeFor('/dasbor')).toBeNull()
    expect(signInNoticeFor('/belajar/')).toBeNull()
  })
})
