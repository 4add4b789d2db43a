import { getMDXComponent } from 'mdx-bundler/client'
import { useMemo } from 'react'
import { lessonComponents } from './mdx-components'

/** Renders a compiled lesson on the server (at build time: lesson pages are static). */
export function LessonBody({ code }: { code: string }) {
  // The bundle is evaluated once per code (memoised) and only while prerendering a static page,
  // so there is no state to lose; the rule cannot see that a compiled MDX bundle is the
  // component here.
  const Content = useMemo(() => getMDXComponent(code), [code])
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={lessonComponents} />
}
