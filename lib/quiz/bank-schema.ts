/**
 * Validation of scenario files (content/scenarios/*.yaml, see docs/content-format.md,
 * "Scenario bank"). `parseBankFile` turns one file into items or into errors that name the
 * file, the line, the item (index and id) and the field path, e.g.
 *
 *   content/scenarios/hoaks.yaml:14: items[2] (id "wa-gaji"): options[1].credit: must be one of 0, 0.5, 1
 *
 * Messages are for content authors and developers (English).
 */
import { LineCounter, parseDocument, isNode } from 'yaml'
import { z } from 'zod'
import type { BankItem } from './types'

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const PLATFORMS = ['WhatsApp', 'Facebook', 'Instagram', 'X', 'TikTok', 'YouTube', 'LinkedIn', 'Threads', 'Telegram'] as const
export const MIN_CHOICES = 3
export const MAX_CHOICES = 5

/** One problem in the content, located as precisely as possible. */
export interface ContentError {
  readonly file: string
  /** 1-based line in the file, when known. */
  readonly line: number | null
  /** 0-based position of the item in the file's list, or null for file-level problems. */
  readonly itemIndex: number | null
  readonly itemId: string | null
  /** Field path inside the item, e.g. "options[1].credit" ("" for the item itself). */
  readonly path: string
  /** Plain message without the location. */
  readonly problem: string
  /** The full line to print: location + problem. */
  readonly message: string
}

export type ParseBankFileResult =
  | { readonly ok: true; readonly items: BankItem[] }
  | { readonly ok: false; readonly errors: ContentError[] }

export interface KnownIds {
  readonly ruleIds: ReadonlySet<string>
  readonly sourceIds: ReadonlySet<string>
}

const required = (what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? 'is required' : what

const nonEmpty = () => z.string({ error: required('must be text') }).trim().min(1, 'must not be empty')

const idSchema = () =>
  z
    .string({ error: required('must be text (quote it if it looks like a number)') })
    .regex(ID_PATTERN, 'must be kebab-case (a-z, 0-9, single hyphens)')

function choices<T extends z.ZodType>(option: T, what: string) {
  return z
    .array(option, { error: required('must be a list') })
    .min(MIN_CHOICES, `needs ${MIN_CHOICES}–${MAX_CHOICES} ${what}`)
    .max(MAX_CHOICES, `needs ${MIN_CHOICES}–${MAX_CHOICES} ${what}`)
}

/** The zod schema of one scenario item, checking rule and source ids against `known`. */
export function createScenarioItemSchema(known: KnownIds) {
  const ruleId = idSchema().refine((id) => known.ruleIds.has(id), {
    error: (iss) => `unknown rule id "${String(iss.input)}" (not in content/rules.yaml)`,
  })
  const sourceId = z.string({ error: 'must be text' }).refine((id) => known.sourceIds.has(id), {
    error: (iss) => `unknown source id "${String(iss.input)}" (not in content/sources.yaml)`,
  })
  const base = {
    id: idSchema(),
    rules: z
      .array(ruleId, { error: required('must be a list of rule ids') })
      .min(1, 'must list at least one rule id')
      .transform((ids) => ids as [string, ...string[]]),
    difficulty: z.literal([1, 2, 3], { error: required('must be 1, 2 or 3') }),
    stem: nonEmpty(),
    explanation: nonEmpty(),
    sources: z.array(sourceId, { error: required('must be a list of source ids') }).min(1, 'must list at least one source id'),
    /** A case where a careful civil servant weighs two values (issue 12: at least a third of the bank). */
    greyZone: z.boolean({ error: 'must be true or false' }).optional(),
  }
  const single = z.strictObject({
    ...base,
    type: z.literal('single'),
    options: choices(
      z.strictObject({
        id: idSchema(),
        text: nonEmpty(),
        credit: z.literal([0, 0.5, 1], { error: required('must be 1 (best), 0.5 (acceptable) or 0') }),
      }),
      'options',
    ),
  })
  const multi = z.strictObject({
    ...base,
    type: z.literal('multi'),
    options: choices(
      z.strictObject({
        id: idSchema(),
        text: nonEmpty(),
        correct: z.boolean({ error: required('must be true or false') }),
      }),
      'options',
    ),
  })
  const judge = z.strictObject({
    ...base,
    type: z.literal('judge'),
    post: z.strictObject(
      {
        platform: z.enum(PLATFORMS, { error: required(`must be one of ${PLATFORMS.join(', ')}`) }),
        author: nonEmpty(),
        text: nonEmpty(),
        time: nonEmpty().optional(),
      },
      { error: required('must be a mapping (platform, author, text, time)') },
    ),
    verdict: z.enum(['ya', 'tidak'], { error: required('must be "ya" or "tidak"') }),
    reasons: choices(
      z.strictObject({
        id: idSchema(),
        text: nonEmpty(),
        correct: z.boolean({ error: required('must be true or false') }).default(false),
      }),
      'reasons',
    ),
  })
  return z
    .discriminatedUnion('type', [single, multi, judge], {
      error: (iss) =>
        iss.code === 'invalid_union'
          ? 'must be one of single, multi, judge'
          : iss.code === 'invalid_type'
            ? 'each item must be a mapping (id, type, rules, difficulty, stem, …)'
            : undefined,
    })
    .superRefine((item, ctx) => {
      duplicates(item.rules, ctx, 'rules', (id) => `rule "${id}" is listed twice`)
      duplicates(item.sources, ctx, 'sources', (id) => `source "${id}" is listed twice`)
      if (item.type === 'judge') {
        duplicates(item.reasons.map((r) => r.id), ctx, 'reasons', (id) => `reason id "${id}" is used twice`, 'id')
        const correct = item.reasons.filter((r) => r.correct).length
        if (correct !== 1) {
          ctx.addIssue({ code: 'custom', path: ['reasons'], message: `exactly one reason must have correct: true (found ${correct})` })
        }
        return
      }
      duplicates(item.options.map((o) => o.id), ctx, 'options', (id) => `option id "${id}" is used twice`, 'id')
      if (item.type === 'single') {
        const best = item.options.filter((o) => o.credit === 1).length
        if (best !== 1) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: `exactly one option must have credit 1 (found ${best})` })
        }
      } else {
        const correct = item.options.filter((o) => o.correct).length
        if (correct === 0) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option must have correct: true' })
        }
        if (correct === item.options.length) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option must have correct: false' })
        }
      }
    })
}

function duplicates(
  ids: readonly string[],
  ctx: z.RefinementCtx,
  field: string,
  message: (id: string) => string,
  subField?: string,
): void {
  const seen = new Set<string>()
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      ctx.addIssue({ code: 'custom', path: subField ? [field, i, subField] : [field, i], message: message(id) })
    }
    seen.add(id)
  })
}

/** Parses and validates one scenario file. */
export function parseBankFile(
  fileName: string,
  yamlText: string,
  knownRuleIds: Iterable<string>,
  knownSourceIds: Iterable<string>,
): ParseBankFileResult {
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false })
  const errors: ContentError[] = []
  const lineOf = (offset: number | undefined): number | null =>
    offset === undefined ? null : lineCounter.linePos(offset).line

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      errors.push(contentError(fileName, lineOf(e.pos[0]), null, null, '', `invalid YAML: ${firstLine(e.message)}`))
    }
    return { ok: false, errors }
  }

  const data: unknown = doc.toJS()
  if (!Array.isArray(data)) {
    const problem =
      data === null || data === undefined
        ? 'the file is empty; it must be a YAML list of items ("- id: …")'
        : 'the file must be a YAML list of items ("- id: …")'
    return { ok: false, errors: [contentError(fileName, data == null ? null : 1, null, null, '', problem)] }
  }
  if (data.length === 0) {
    return { ok: false, errors: [contentError(fileName, null, null, null, '', 'the file has no items')] }
  }

  const schema = createScenarioItemSchema({ ruleIds: new Set(knownRuleIds), sourceIds: new Set(knownSourceIds) })
  const items: BankItem[] = []
  const firstIndexOfId = new Map<string, number>()
  data.forEach((raw: unknown, index) => {
    const rawId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : null
    const result = schema.safeParse(raw)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
        const line = lineOf(nodeOffset(doc, [index, ...path]))
        errors.push(contentError(fileName, line, index, rawId, formatPath(path), problemOf(issue)))
      }
      return
    }
    const item: BankItem = result.data
    const previous = firstIndexOfId.get(item.id)
    if (previous !== undefined) {
      const line = lineOf(nodeOffset(doc, [index, 'id']))
      errors.push(contentError(fileName, line, index, item.id, 'id', `duplicate id "${item.id}" (also items[${previous}])`))
      return
    }
    firstIndexOfId.set(item.id, index)
    items.push(item)
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items }
}

export function contentError(
  file: string,
  line: number | null,
  itemIndex: number | null,
  itemId: string | null,
  path: string,
  problem: string,
): ContentError {
  let where = line === null ? file : `${file}:${line}`
  if (itemIndex !== null) where += `: items[${itemIndex}]${itemId ? ` (id "${itemId}")` : ''}`
  if (path) where += `: ${path}`
  return { file, line, itemIndex, itemId, path, problem, message: `${where}: ${problem}` }
}

function problemOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against docs/content-format.md)`
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'is required'
      return issue.message.replace(/^Invalid input: /, '')
    default:
      return issue.message
  }
}

function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${part}` : part
  }
  return out
}

/** Offset of the deepest existing YAML node along `path`. */
function nodeOffset(doc: ReturnType<typeof parseDocument>, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true)
    if (isNode(node) && node.range) return node.range[0]
  }
  return undefined
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
