/**
 * The choices of a bank item a learner can point to when they question it ("which option do you
 * think is right?"), and how the key rates each, for the admin's report page (decision 035).
 * single and multi: the options; judge: the reasons (the verdict is shown with the key).
 */
import type { BankItem } from './types'

export type KeyRole = 'terbaik' | 'sebagian benar' | 'benar' | 'salah'

export interface ItemChoice {
  readonly id: string
  readonly text: string
  readonly key: KeyRole
}

export function itemChoices(item: BankItem): ItemChoice[] {
  if (item.type === 'single') {
    return item.options.map((o) => ({ id: o.id, text: o.text, key: o.credit === 1 ? 'terbaik' : o.credit === 0.5 ? 'sebagian benar' : 'salah' }))
  }
  if (item.type === 'multi') return item.options.map((o) => ({ id: o.id, text: o.text, key: o.correct ? 'benar' : 'salah' }))
  return item.reasons.map((r) => ({ id: r.id, text: r.text, key: r.correct ? 'benar' : 'salah' }))
}

/** The judge item's keyed verdict, as the result page words it; null for other types. */
export function keyedVerdict(item: BankItem): string | null {
  if (item.type !== 'judge') return null
  return item.verdict === 'ya' ? 'Boleh diunggah' : 'Tidak boleh diunggah'
}
