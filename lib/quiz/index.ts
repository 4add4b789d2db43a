/**
 * Quiz domain: scenario bank validation, seeded drawing of attempts, the browser-safe view
 * and scoring. Plain TypeScript, no framework or database imports.
 */
export type * from './types'
export { createBank, primaryArea } from './bank'
export {
  parseBankFile,
  createScenarioItemSchema,
  ID_PATTERN,
  PLATFORMS,
  type ContentError,
  type KnownIds,
  type ParseBankFileResult,
} from './bank-schema'
export {
  checkBank,
  MIN_SCENARIOS_PER_RULE,
  type AreaCoverage,
  type BankCheckOptions,
  type BankCheckResult,
  type BankFile,
  type RuleCoverage,
} from './bank-check'
export { parseCoverageMap, coverageMapSchema } from './coverage-map'
export { apportion, COURSE_BLUEPRINT, courseForm, draw, POST_TEST_BLUEPRINT, PRE_TEST_BLUEPRINT } from './draw'
export { toPublicItems } from './public-view'
export { toResultView, type ResultItemView, type ResultView } from './result-view'
export { score, findResponseProblems, DEFAULT_PASS_MARK, type ResponseProblems } from './score'
export { checkAttempt } from './attempt-check'
export { attemptSchema, responsesSchema, itemResponseSchema } from './wire-schema'
export { AttemptError, BankError, DrawError, ResponseError } from './errors'
