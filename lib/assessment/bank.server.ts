import 'server-only'
import path from 'node:path'
import type { Bank, CoverageMap } from '@/lib/quiz'
import { readQuestionBank } from './read-question-bank'

const CONTENT_DIR = path.join(process.cwd(), 'content')

let loaded: { bank: Bank; coverage: CoverageMap } | null = null

/**
 * The scenario bank and coverage map, read from content/ once per process. The content check
 * (part of the build) guarantees the files parse; a failure here names the file.
 */
export function getQuestionBank(): { bank: Bank; coverage: CoverageMap } {
  if (loaded) return loaded
  loaded = readQuestionBank(CONTENT_DIR)
  return loaded
}
