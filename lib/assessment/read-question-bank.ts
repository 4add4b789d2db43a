import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { createBank, parseBankFile, parseCoverageMap, type Bank, type CoverageMap } from '@/lib/quiz'

/**
 * The scenario bank and coverage map of a content directory (rules.yaml, sources.yaml,
 * scenarios/*.yaml). Not server-only: the app caches it once per process (bank.server.ts) and
 * the SCORM/cmi5 export reads it in a plain CLI process. The content check (part of the build)
 * guarantees the files parse; a failure here names the file.
 */
export function readQuestionBank(contentDir: string): { bank: Bank; coverage: CoverageMap } {
  const coverage = parseCoverageMap(fs.readFileSync(path.join(contentDir, 'rules.yaml'), 'utf8'))
  const ruleIds = coverage.rules.map((rule) => rule.id)
  const sourceIds = Object.keys(parse(fs.readFileSync(path.join(contentDir, 'sources.yaml'), 'utf8')) ?? {})
  const dir = path.join(contentDir, 'scenarios')
  const items = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const result = parseBankFile(`content/scenarios/${file}`, fs.readFileSync(path.join(dir, file), 'utf8'), ruleIds, sourceIds)
      if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
      return [...result.items]
    })
  return { bank: createBank(items, coverage), coverage }
}
