// Used by pages/_document.tsx at build time (when the lesson pages are prerendered); no
// 'server-only' marker, which the Pages Router's server build refuses. esbuild is a dependency
// (mdx-bundler runs it in the same place).
import path from 'node:path'
import { buildSync } from 'esbuild'

let compiled: string | null = null

/**
 * The aid's script (./sebelum-unggah-enhance.ts) bundled and minified for an inline `<script>`
 * on the one lesson that shows the aid (decision 025). Compiled once per process.
 */
export function sebelumUnggahScript(): string {
  if (compiled !== null) return compiled
  const result = buildSync({
    stdin: {
      contents: "import { enhanceDecisionAid } from './sebelum-unggah-enhance'\ndocument.querySelectorAll('section[data-aid]').forEach((section) => enhanceDecisionAid(section as HTMLElement))\n",
      resolveDir: path.join(process.cwd(), 'components/decision-aid'),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text.trim() ?? ''
  // Inline in the HTML: it must not be able to end its own <script> element.
  if (!code || /<\/script/i.test(code)) throw new Error('the decision aid script could not be compiled for inline use')
  compiled = code
  return compiled
}
