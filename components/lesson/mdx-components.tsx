import { SebelumUnggah } from '@/components/decision-aid/sebelum-unggah'
import { Checklist } from './checklist'
import { DoDont } from './do-dont'
import { KnowledgeCheck } from './knowledge-check'
import { MockPost } from './mock-post'
import { PlatformComparison } from './platform-comparison'
import { RuleCard } from './rule-card'
import { WarmUp } from './warm-up'
import { WorkedExample } from './worked-example'

/**
 * The one map of components available in lesson MDX (see docs/content-format.md). A plain
 * module: server components render on the server, the client ones are client references.
 * `SebelumUnggah` is a static island (decision 025): its text and script are not in this bundle.
 */
export const lessonComponents = { RuleCard, DoDont, Checklist, PlatformComparison, MockPost, KnowledgeCheck, WarmUp, WorkedExample, SebelumUnggah }
