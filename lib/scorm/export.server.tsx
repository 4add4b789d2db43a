/**
 * Builds the course as an LMS package (decision 051): SCORM 1.2 or cmi5. The lessons are the
 * hosted course's compiled MDX rendered to static HTML with the same lesson components; the
 * interactive parts (knowledge checks, mock posts, checklists, the decision aid, the post-test)
 * are made to work by one small bundled script (lib/scorm/runtime). Everything the pages need
 * (CSS, font, script) is inside the package: no network.
 *
 * No 'server-only' marker: it runs in the plain CLI process of scripts/export-package.ts (like
 * lib/content/lessons.server.ts, which the Pages Router loads without that marker).
 */
import fs from 'node:fs'
import path from 'node:path'
import { ZipArchive } from 'archiver'
import { buildSync } from 'esbuild'
import { getMDXComponent } from 'mdx-bundler/client'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { SEBELUM_UNGGAH_ISLAND, SebelumUnggah } from '@/components/decision-aid/sebelum-unggah'
import { SebelumUnggahMarkup } from '@/components/decision-aid/sebelum-unggah-markup'
import { StaticIslandContext } from '@/components/lesson/static-island'
import { Checklist, type ChecklistProps } from '@/components/lesson/checklist'
import { DoDont } from '@/components/lesson/do-dont'
import { LessonProvider } from '@/components/lesson/lesson-context'
import { MockPost, type MockPostProps } from '@/components/lesson/mock-post'
import { PlatformComparison } from '@/components/lesson/platform-comparison'
import { QUESTION_SET_KINDS, QuestionSetMarkup } from '@/components/lesson/question-set-markup'
import { RuleCard } from '@/components/lesson/rule-card'
import { WorkedExample } from '@/components/lesson/worked-example'
import { compileLesson } from '@/lib/content/compile-lesson.server'
import { getContentVersion, getLessonOutline, getSources, type Source } from '@/lib/content/lessons.server'
import type { KnowledgeQuestion } from '@/lib/content/knowledge-check'
import { readQuestionBank } from '@/lib/assessment/read-question-bank'
import { formatLongDate, formatNumber } from '@/lib/format/indonesian'
import { DECISION_AID_PDF_HREF } from '@/lib/decision-aid/flow'
import { drawDecisionAidPdf } from '@/lib/decision-aid/draw-decision-aid-pdf'
import { buildCmi5CourseStructure, buildScorm12Manifest, type PackageCourse } from './manifest'
import type { CourseData } from './runtime/shell'

export type PackageKind = 'scorm12' | 'cmi5'

export type ExportOptions = {
  kind: PackageKind
  title: string
  description: string
  /** Course IRI (cmi5 course id; the SCORM manifest identifier is derived from it). */
  courseId: string
  passMark: number
  postTestItems: number
}

export type ExportResult = { files: number; bytes: number; entries: string[] }

const ROOT = process.cwd()
const SCORM12_XSD_DIR = path.join(ROOT, 'vendor/scorm12-xsd')
export const SCORM12_SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
}

/** JSON inside a `<script type="application/json">`: no `<` can end the element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/**
 * A knowledge check or warm-up in a package: the hosted set's markup (QuestionSetMarkup) with
 * every option in the author's order (the hosted set waits for the learner's own order) and the
 * key and explanation as data attributes for the package script.
 */
function PackageQuestionSet({ id, questions = [], kind }: { id: string; questions?: KnowledgeQuestion[]; kind: keyof typeof QUESTION_SET_KINDS }) {
  const prefix = `cek-${id}`
  return (
    <QuestionSetMarkup
      labelId={`${prefix}-judul`}
      {...QUESTION_SET_KINDS[kind]}
      questions={questions}
      live="polite"
      data={{ 'data-bbs-check': id }}
      questionData={(question) => ({
        'data-question': question.id,
        'data-correct': question.options.find((option) => option.correct)?.id ?? '',
        'data-explanation': question.explanation,
      })}
      choices={(question) => (
        <div className="lesson-choices">
          {question.options.map((option) => (
            <label key={option.id} className="lesson-choice">
              <input type="radio" name={`${prefix}-${question.id}`} value={option.id} />
              <span>{option.text}</span>
            </label>
          ))}
        </div>
      )}
      answered={0}
      countData={{ 'data-bbs-count': '' }}
      allData={{ 'data-bbs-all': '' }}
    />
  )
}

const packageComponents = {
  RuleCard,
  DoDont,
  PlatformComparison,
  WorkedExample,
  // The hosted static island (decision 025), filled the way pages/_document.tsx fills it.
  SebelumUnggah: () => (
    <StaticIslandContext value={{ [SEBELUM_UNGGAH_ISLAND]: () => <SebelumUnggahMarkup /> }}>
      <SebelumUnggah />
    </StaticIslandContext>
  ),
  MockPost: (props: MockPostProps) => (
    <div data-bbs-post={props.id} data-verdict={props.verdict} data-explanation={props.explanation}>
      <MockPost {...props} />
    </div>
  ),
  Checklist: (props: ChecklistProps) => (
    <div data-bbs-checklist={props.id} data-items={JSON.stringify((props.items ?? []).map((item) => item.id))}>
      <Checklist {...props} />
    </div>
  ),
  KnowledgeCheck: (props: { id: string; questions?: KnowledgeQuestion[] }) => <PackageQuestionSet {...props} kind="knowledgeCheck" />,
  WarmUp: (props: { id: string; questions?: KnowledgeQuestion[] }) => <PackageQuestionSet {...props} kind="warmUp" />,
}

function page(options: { title: string; depth: number; body: string; attributes: Record<string, string> }): string {
  const up = '../'.repeat(options.depth)
  const attributes = Object.entries(options.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('')
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${up}aset/kursus.css">
</head>
<body${attributes}>
${options.body}
<script src="${up}aset/kursus.js"></script>
</body>
</html>
`
}

function sourcesList(sources: Source[]): ReactNode {
  return (
    <section aria-labelledby="sumber" className="lesson-sources">
      <h2 id="sumber">Sumber</h2>
      <ol>
        {sources.map((source) => (
          <li key={source.id}>
            <cite>{source.url ? <a href={source.url} target="_blank" rel="noreferrer">{source.title}</a> : source.title}</cite>. {source.publisher}
            {source.date ? `, ${formatLongDate(new Date(source.date))}` : source.year ? `, ${source.year}` : ''}
            {source.kind === 'regulation' ? ' (peraturan)' : ''}.
          </li>
        ))}
      </ol>
    </section>
  )
}

const NO_COURSE_NOTE =
  '<p id="bbs-no-course" class="muted" hidden>Halaman ini dibuka di luar kursus: jawaban tidak disimpan. Buka index.html paket untuk belajar dengan kemajuan tercatat.</p>'

const DECISION_AID_PDF = 'aset/sebelum-unggah.pdf'

/**
 * Links of the hosted site inside a lesson page, made relative to the package: another lesson's
 * rule card (`/belajar/<slug>#…`) and the decision aid's PDF. (A root-relative link would leave
 * the package on the LMS's own server.)
 */
export function packageLinks(html: string): string {
  return html
    .replace(/href="\/belajar\/([a-z0-9-]+)(#[^"]*)?"/g, (_match, slug: string, hash: string | undefined) => `href="${slug}.html${hash ?? ''}"`)
    .replaceAll(`href="${DECISION_AID_PDF_HREF}"`, `href="../${DECISION_AID_PDF}"`)
}

/** The lesson pages: path in the package → HTML. */
async function lessonPages(): Promise<{ files: Map<string, string>; lessons: CourseData['lessons'] }> {
  const outline = getLessonOutline()
  const allSources = getSources()
  const files = new Map<string, string>()
  const lessons: CourseData['lessons'] = []
  for (const [index, summary] of outline.entries()) {
    const { code } = await compileLesson(summary.slug)
    const Content = getMDXComponent(code)
    const file = `pelajaran/${summary.slug}.html`
    const previous = outline[index - 1]
    const next = outline[index + 1]
    const body = renderToStaticMarkup(
      <main id="konten" className="container">
        <LessonProvider slug={summary.slug}>
          <article className="lesson prose">
            <p className="muted">
              Pelajaran {formatNumber(summary.order)} dari {formatNumber(outline.length)}
            </p>
            <header>
              <h1>{summary.title}</h1>
              <p className="lead muted">{summary.summary}</p>
              <p className="muted">± {formatNumber(summary.minutes)} menit membaca</p>
            </header>
            <div className="lesson-content">
              <Content components={packageComponents as never} />
            </div>
            {sourcesList(summary.sources.flatMap((id) => allSources[id] ?? []))}
            <nav aria-label="Pelajaran sebelum dan sesudah" className="actions">
              {previous && (
                <a href={`${previous.slug}.html`} className="button secondary">
                  ‹ {previous.title}
                </a>
              )}
              {next ? (
                <a href={`${next.slug}.html`} className="button secondary">
                  {next.title} ›
                </a>
              ) : (
                <a href="../post-test.html" className="button">
                  Ke post-test ›
                </a>
              )}
            </nav>
          </article>
        </LessonProvider>
      </main>,
    )
    files.set(file, page({ title: summary.title, depth: 1, body: NO_COURSE_NOTE + packageLinks(body), attributes: { 'data-page': 'lesson', 'data-slug': summary.slug, 'data-path': file } }))
    lessons.push({ slug: summary.slug, title: summary.title, file, checkId: knowledgeCheckId(code, summary.slug), questionIds: summary.knowledgeQuestionIds })
  }
  return { files, lessons }
}

/** The `id` of a lesson's <KnowledgeCheck> (the key its answers are kept under). */
function knowledgeCheckId(code: string, slug: string): string {
  const Content = getMDXComponent(code)
  let found: string | null = null
  const spy = { ...packageComponents, KnowledgeCheck: (props: { id: string }) => ((found = props.id), null) }
  renderToStaticMarkup(
    <LessonProvider slug={slug}>
      <Content components={spy as never} />
    </LessonProvider>,
  )
  if (!found) throw new Error(`lesson ${slug} has no <KnowledgeCheck id="…">`)
  return found
}

function shellPage(data: CourseData): string {
  const items = data.lessons
    .map(
      (lesson, index) =>
        `<li><a href="${escapeHtml(lesson.file)}" target="bbs-isi">${index + 1}. ${escapeHtml(lesson.title)}</a> <span class="bbs-mark" data-bbs-mark="${escapeHtml(lesson.slug)}"></span></li>`,
    )
    .join('\n')
  const body = `<header class="site-header"><div class="container"><strong>${escapeHtml(data.title)}</strong><button type="button" id="bbs-exit" class="button secondary">Simpan dan keluar</button></div></header>
<p id="bbs-preview" class="bbs-preview" hidden>Pratinjau tanpa LMS: kemajuan hanya disimpan di peramban ini dan tidak dilaporkan.</p>
<div class="bbs-shell">
<nav aria-label="Daftar isi kursus" class="bbs-toc">
<p id="bbs-status" role="status">Menghubungkan ke LMS…</p>
<ol>
${items}
<li><a href="${escapeHtml(data.postTestFile)}" target="bbs-isi">Post-test</a> <span class="bbs-mark" data-bbs-mark="post-test"></span></li>
</ol>
</nav>
<iframe id="bbs-frame" name="bbs-isi" title="Isi kursus"></iframe>
</div>
<script type="application/json" id="bbs-course">${inlineJson(data)}</script>`
  return page({ title: data.title, depth: 0, body, attributes: { 'data-page': 'shell' } })
}

function postTestPage(): string {
  const { bank, coverage } = readQuestionBank(path.join(ROOT, 'content'))
  const body = `<main id="konten" class="container"><article class="lesson prose">
<h1>Post-test</h1>
<p class="muted">Soal diambil acak dari bank soal kursus; nilai dan kelulusan dilaporkan ke LMS.</p>
<div id="bbs-post-test"><p>Memuat…</p></div>
</article></main>
<script type="application/json" id="bbs-bank">${inlineJson({ items: bank.items, coverage })}</script>`
  return page({ title: 'Post-test', depth: 0, body, attributes: { 'data-page': 'post-test', 'data-path': 'post-test.html' } })
}

const SHELL_CSS = `
@font-face { font-family: 'Geist'; src: url('Geist-Variable.woff2') format('woff2'); font-weight: 100 900; font-display: swap; }
:root { --font-geist-sans: 'Geist'; }
body[data-page='shell'] { height: 100vh; display: flex; flex-direction: column; }
.bbs-shell { flex: 1; display: flex; min-height: 0; }
.bbs-toc { width: 18rem; flex: none; overflow: auto; padding: 1rem; border-right: 1px solid var(--c-border); background: var(--c-surface); }
.bbs-toc ol { padding-left: 0; list-style: none; }
.bbs-toc li { margin-bottom: 0.5rem; }
.bbs-mark { color: var(--c-success); font-size: 0.9em; }
#bbs-frame { flex: 1; border: 0; width: 100%; min-height: 0; background: var(--c-bg); }
body[data-page='lesson'] main, body[data-page='post-test'] main { padding-block: 1.25rem 3rem; }
.bbs-preview { margin: 0; padding: 0.5rem 1rem; background: var(--c-warning-soft); }
@media (max-width: 48rem) { .bbs-shell { flex-direction: column; } .bbs-toc { width: auto; max-height: 30vh; border-right: 0; border-bottom: 1px solid var(--c-border); } }
`

function stylesheet(): string {
  const parts = ['app/globals.css', 'components/lesson/lesson.css', 'components/decision-aid/sebelum-unggah.css'].map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8'))
  return [SHELL_CSS, ...parts].join('\n')
}

function script(): string {
  const result = buildSync({
    entryPoints: [path.join(ROOT, 'lib/scorm/runtime/entry.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  })
  return result.outputFiles[0]!.text
}

/** Every file of the package: path → content. */
export async function buildPackageFiles(options: ExportOptions): Promise<Map<string, string | Buffer>> {
  const { files: lessons, lessons: lessonData } = await lessonPages()
  const data: CourseData = { title: options.title, mode: options.kind, passMark: options.passMark, postTestItems: options.postTestItems, lessons: lessonData, postTestFile: 'post-test.html' }
  const files = new Map<string, string | Buffer>()
  files.set('index.html', shellPage(data))
  for (const [file, html] of lessons) files.set(file, html)
  files.set('post-test.html', postTestPage())
  files.set('aset/kursus.css', stylesheet())
  files.set('aset/kursus.js', script())
  files.set(DECISION_AID_PDF, Buffer.from(await drawDecisionAidPdf()))
  files.set('aset/Geist-Variable.woff2', fs.readFileSync(path.join(ROOT, 'node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2')))
  const course: PackageCourse = {
    id: options.courseId,
    title: options.title,
    description: options.description,
    version: getContentVersion(),
    passMark: options.passMark,
    launch: 'index.html',
    files: [...files.keys()],
  }
  if (options.kind === 'scorm12') {
    files.set('imsmanifest.xml', buildScorm12Manifest(course))
    // SCORM 1.2 packages carry the schemas their manifest names (schemaLocation is relative).
    for (const file of SCORM12_SCHEMA_FILES) files.set(file, fs.readFileSync(path.join(SCORM12_XSD_DIR, file)))
  } else {
    files.set('cmi5.xml', buildCmi5CourseStructure(course))
  }
  return files
}

/** Writes the package as a ZIP (to a temporary file renamed into place: never a half-written package). */
export async function writePackage(options: ExportOptions, outFile: string): Promise<ExportResult> {
  const files = await buildPackageFiles(options)
  const temporary = `${outFile}.${process.pid}.tmp`
  try {
    await new Promise<void>((resolve, reject) => {
      const output = fs.createWriteStream(temporary)
      const zip = new ZipArchive({ zlib: { level: 9 } })
      output.on('close', () => resolve())
      output.on('error', reject)
      zip.on('error', reject)
      zip.pipe(output)
      // A fixed date: the same content gives the same package.
      const date = new Date('2026-01-01T00:00:00Z')
      for (const [name, content] of files) zip.append(content, { name, date })
      void zip.finalize()
    })
    fs.renameSync(temporary, outFile)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
  return { files: files.size, bytes: fs.statSync(outFile).size, entries: [...files.keys()] }
}
