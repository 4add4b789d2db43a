/**
 * Checks all course content: lessons (frontmatter, rule anchors, components, MDX compiles),
 * the scenario bank (format, ids, every rule tested by at least three scenarios, the
 * item-writing rules of lib/quiz/item-writing-rules.ts) and that every rule of the coverage map
 * is taught. Exits 1 with one line per problem, naming the file.
 *   npm run content:check
 *   npm run content:check -- --json   one JSON object: {"rules": {"<id>": {"lessons": [...], "scenarios": [...]}},
 *                                     "bank": <figures of lib/quiz/item-writing-rules.ts bankFigures, plus minScenariosPerRule>}
 * The JSON shape only grows: fields are added, never removed or renamed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleMDX } from 'mdx-bundler'
import { parse } from 'yaml'
import { checkContentEdition, checkLessons } from '../lib/content/check-lessons'
import { checkKnowledgeKeyLength, extractKnowledgeQuestions } from '../lib/content/knowledge-check'
import { checkSources } from '../lib/content/sources'
import { extractWarmUp, warmUpAsKnowledge } from '../lib/content/warm-up'
import { checkBank, parseBankFile, parseCoverageMap, type BankItem } from '../lib/quiz'
import { bankFigures } from '../lib/quiz/item-writing-rules'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const json = process.argv.includes('--json')
const rel = (file: string) => path.relative(root, file)
const errors: string[] = []
const warnings: string[] = []

const listFiles = (dir: string, ext: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f)) : []

let coverage
try {
  coverage = parseCoverageMap(fs.readFileSync(path.join(root, 'content/rules.yaml'), 'utf8'))
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
const ruleIds = new Set(coverage.rules.map((rule) => rule.id))
const sourcesData: unknown = parse(fs.readFileSync(path.join(root, 'content/sources.yaml'), 'utf8'))
errors.push(...checkSources('content/sources.yaml', sourcesData))
const sourceIds = new Set(Object.keys(sourcesData ?? {}))

// Lessons
const lessonFiles = listFiles(path.join(root, 'content/lessons'), '.mdx').map((file) => ({
  file: rel(file),
  text: fs.readFileSync(file, 'utf8'),
}))
const lessonResult = checkLessons(lessonFiles, ruleIds, sourceIds)
errors.push(...lessonResult.errors)
errors.push(
  ...checkKnowledgeKeyLength(
    lessonResult.lessons.flatMap((lesson) => {
      // Warm-ups are answered like knowledge checks (same component, same shuffle): same share rule.
      const knowledge = extractKnowledgeQuestions(lesson.body)
      const warmUp = extractWarmUp(lesson.body)
      const questions = [
        ...('warmUp' in warmUp && warmUp.warmUp ? warmUpAsKnowledge(warmUp.warmUp.questions) : []),
        ...('questions' in knowledge ? knowledge.questions : []),
      ]
      return questions.length ? [{ file: lesson.file, questions }] : []
    }),
  ),
)
for (const { file, text } of lessonFiles) {
  try {
    await bundleMDX({ source: text, cwd: path.join(root, 'content/lessons') })
  } catch (error) {
    errors.push(`${file}: MDX does not compile: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`)
  }
}

// The edition printed on certificates
const editionFile = path.join(root, 'content/edition.yaml')
errors.push(...checkContentEdition(rel(editionFile), fs.existsSync(editionFile) ? fs.readFileSync(editionFile, 'utf8') : null))

// Scenario bank
const bankFiles: { file: string; items: BankItem[] }[] = []
for (const file of listFiles(path.join(root, 'content/scenarios'), '.yaml')) {
  const result = parseBankFile(rel(file), fs.readFileSync(file, 'utf8'), ruleIds, sourceIds)
  if (result.ok) bankFiles.push({ file: rel(file), items: [...result.items] })
  else errors.push(...result.errors.map((error) => error.message))
}
const bank = checkBank(bankFiles, coverage)
errors.push(...bank.errors.map((error) => error.message))
warnings.push(...bank.warnings.map((warning) => warning.message))

const scenarioCount = bankFiles.reduce((sum, file) => sum + file.items.length, 0)
const figures = bankFigures(bankFiles)
const minScenariosPerRule = bank.rules.length ? Math.min(...bank.rules.map((r) => r.scenarioIds.length)) : 0
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`
if (json) {
  const rules: Record<string, { lessons: string[]; scenarios: string[] }> = {}
  for (const rule of coverage.rules) {
    rules[rule.id] = {
      lessons: lessonResult.lessons.filter((lesson) => lesson.rules.includes(rule.id)).map((lesson) => lesson.slug),
      scenarios: [...(bank.rules.find((r) => r.ruleId === rule.id)?.scenarioIds ?? [])],
    }
  }
  console.log(JSON.stringify({ rules, bank: { ...figures, minScenariosPerRule } }))
} else {
  for (const warning of warnings) console.warn(`warning: ${warning}`)
  if (!errors.length) {
    console.log(
      `content: ${lessonResult.lessons.length} lessons, ${scenarioCount} scenarios; all ${ruleIds.size} rules taught and tested by at least ${minScenariosPerRule} scenarios`,
    )
  }
  const { byType, byDifficulty, greyZone, singleKeyLongest, multiCorrectCounts, judgePlatforms } = figures
  const list = (counts: Readonly<Record<string, number>>) => Object.entries(counts).map(([k, n]) => `${k}: ${n}`).join(', ')
  console.log(
    [
      `bank: ${figures.items} items (single ${byType.single}, multi ${byType.multi}, judge ${byType.judge}); difficulty 1/2/3: ${byDifficulty[1]}/${byDifficulty[2]}/${byDifficulty[3]}`,
      `bank: grey zone ${greyZone.count} of ${figures.items} (${pct(greyZone.share)}; at least 33.3%); single key strictly longest in ${singleKeyLongest.count} of ${singleKeyLongest.of} (${pct(singleKeyLongest.share)}; at most 35%)`,
      `bank: multi items by correct options ${list(multiCorrectCounts)}; judge posts by platform ${list(judgePlatforms)}; fewest scenarios for a rule: ${minScenariosPerRule}`,
    ].join('\n'),
  )
}
for (const error of errors) console.error(error)
process.exit(errors.length ? 1 : 0)
