/**
 * Reading the coverage map (content/rules.yaml) into the shape the quiz needs. Extra
 * fields (titles, sources) are kept or ignored; the content check validates the file fully.
 */
import { parse } from 'yaml'
import { z } from 'zod'
import type { CoverageMap } from './types'

export const coverageMapSchema = z.object({
  areas: z.array(z.object({ id: z.string().min(1), title: z.string().optional() })).min(1),
  rules: z.array(z.object({ id: z.string().min(1), area: z.string().min(1), title: z.string().optional() })).min(1),
})

/** Parses rules.yaml text; throws a readable Error naming the file and field on bad input. */
export function parseCoverageMap(yamlText: string, fileName = 'content/rules.yaml'): CoverageMap {
  const result = coverageMapSchema.safeParse(parse(yamlText))
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${fileName}: ${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    throw new Error(lines.join('\n'))
  }
  const { areas, rules } = result.data
  return {
    areas: areas.map((a) => (a.title === undefined ? { id: a.id } : { id: a.id, title: a.title })),
    rules: rules.map((r) => (r.title === undefined ? { id: r.id, area: r.area } : { id: r.id, area: r.area, title: r.title })),
  }
}
