import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { createBank, parseBankFile, parseCoverageMap, type Bank, type CoverageMap } from '@/lib/quiz'

const CONTENT_DIR = path.join(process.cwd(), 'content')

let loaded: { bank: Bank; coverage: CoverageMap } | null = null

/**
 * The scenario bank and coverage map, read from content/ once per process. The content check
 * (part of the build) guarantees the files parse; a failure here names the file.
 */
export function getQuestionBank(): { bank: Bank; coverage: CoverageMap } {
  if (loaded) return loaded
  const coverage = parseCoverageMap(fs.readFileSync(path.join(CONTENT_DIR, 'rules.yaml'), 'utf8'))
  const ruleIds = coverage.rules.map((rule) => rule.id)
  const sourceIds = Object.keys(parse(fs.readFileSync(path.join(CONTENT_DIR, 'sources.yaml'), 'utf8')) ?? {})
  const dir = path.join(CONTENT_DIR, 'scenarios')
  const items = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const result = parseBankFile(`content/scenarios/${file}`, fs.readFileSync(path.join(dir, file), 'utf8'), ruleIds, sourceIds)
      if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
      return [...result.items]
    })
  loaded = { bank: createBank(items, coverage), coverage }
  return loaded
}
