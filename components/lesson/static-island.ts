import { createContext, useContext, type ReactNode } from 'react'

/**
 * Static islands (docs/decisions/025): parts of a lesson page that are rendered into the
 * prerendered HTML only and never hydrated, so their text and code are not in the page's
 * JavaScript. The renderers are given by `pages/_document.tsx` (server only) through this
 * context; in the browser the context is empty.
 */
export type StaticIslandRenderers = Readonly<Record<string, (props: Readonly<Record<string, string>>) => ReactNode>>

/** The name of the lesson page's head (title, description), rendered by pages/_document.tsx. */
export const LESSON_HEAD = 'lesson-head'

export const StaticIslandContext = createContext<StaticIslandRenderers>({})

// React does not compare or patch an element's inner HTML when it hydrates it (and never
// re-renders it while this value stays the same), so the server's content stays as it is.
const KEEP_SERVER_HTML = { __html: '' }

export type StaticIslandProps =
  | { children: ReactNode }
  | { dangerouslySetInnerHTML: { __html: string }; suppressHydrationWarning: true }

/** Props for the island's own element: its content on the server, "keep what is there" in the browser. */
export function useStaticIsland(name: string): StaticIslandProps {
  const render = useContext(StaticIslandContext)[name]
  return render ? { children: render({}) } : { dangerouslySetInnerHTML: KEEP_SERVER_HTML, suppressHydrationWarning: true }
}

/**
 * Something rendered on the server only that leaves nothing in the page's own markup (such as
 * the document head's title and description): in the browser it renders nothing.
 */
export function ServerOnly({ name, ...props }: { name: string } & Readonly<Record<string, string>>): ReactNode {
  const render = useContext(StaticIslandContext)[name]
  return render ? render(props) : null
}
