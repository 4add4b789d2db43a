import dynamic from 'next/dynamic'
import { Checklist } from './checklist'
import { DoDont } from './do-dont'
import { KnowledgeCheck } from './knowledge-check'
import { MockPost } from './mock-post'
import { PlatformComparison } from './platform-comparison'
import { RuleCard } from './rule-card'
import { WarmUp } from './warm-up'
import { WorkedExample } from './worked-example'

// The "Sebelum unggah" decision aid is used by one lesson: loaded as its own chunk (still rendered
// into the static HTML), so the other lessons' pages do not carry its code and text.
const SebelumUnggah = dynamic(() => import('@/components/decision-aid/sebelum-unggah').then((module) => module.SebelumUnggah))

/**
 * The one map of components available in lesson MDX (see docs/content-format.md). A plain
 * module: server components render on the server, the client ones are client references.
 */
export const lessonComponents = { RuleCard, DoDont, Checklist, PlatformComparison, MockPost, KnowledgeCheck, WarmUp, WorkedExample, SebelumUnggah }
