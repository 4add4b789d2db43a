import { getMDXComponent } from 'mdx-bundler/client'
import { useMemo } from 'react'
import { lessonComponents } from './mdx-components'

/**
 * Renders a compiled lesson: into the static HTML at build time, then again in the browser to
 * hydrate it (the compiled code travels in the page's data, ~5 kB gzip per lesson).
 */
export function LessonBody({ code }: { code: string }) {
  // The bundle is evaluated once per code (memoised), so there is no state to lose; the rule
  // cannot see that a compiled MDX bundle is the component here.
  const Content = useMemo(() => getMDXComponent(code), [code])
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={lessonComponents} />
}
