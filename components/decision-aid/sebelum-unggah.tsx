import { useStaticIsland } from '@/components/lesson/static-island'

/** The name under which pages/_document.tsx renders the aid's markup and adds its script. */
export const SEBELUM_UNGGAH_ISLAND = 'sebelum-unggah'

/**
 * "Sebelum unggah" (issue 12, decision 021) as a static island (decision 025): its questions,
 * outcomes and step-by-step controls are in the prerendered HTML only (./sebelum-unggah-markup.tsx),
 * made interactive by a small script of its own (./sebelum-unggah-enhance.ts) on lesson 4 alone.
 * This component, which every lesson's bundle carries, holds none of the flow's text.
 */
export function SebelumUnggah() {
  return <section className="aid" aria-label="Alur keputusan sebelum unggah" data-aid="" {...useStaticIsland(SEBELUM_UNGGAH_ISLAND)} />
}
