import { GeistSans } from 'geist/font/sans'
import Document, { type DocumentContext, type DocumentInitialProps, Head, Html, Main, NextScript } from 'next/document'
import type { ReactNode } from 'react'
import { SEBELUM_UNGGAH_ISLAND } from '@/components/decision-aid/sebelum-unggah'
import { SebelumUnggahMarkup } from '@/components/decision-aid/sebelum-unggah-markup'
import { sebelumUnggahScript } from '@/components/decision-aid/sebelum-unggah-script'
import { LessonHead } from '@/components/lesson/lesson-head'
import { LESSON_HEAD, StaticIslandContext, type StaticIslandRenderers } from '@/components/lesson/static-island'

/**
 * The static islands of the lesson pages (decision 025): their markup and script. The document is
 * rendered on the server only, so none of this reaches a browser bundle; a page gets an island's
 * script only if it rendered that island.
 */
const ISLANDS: Record<string, { render: () => ReactNode; script: () => string }> = {
  [SEBELUM_UNGGAH_ISLAND]: { render: () => <SebelumUnggahMarkup />, script: sebelumUnggahScript },
}

type Props = DocumentInitialProps & { islandScripts: string[] }

// The document of the Pages Router routes (only the lesson pages: docs/decisions/008); the same
// language, font and theme as app/layout.tsx.
export default class LessonDocument extends Document<Props> {
  static async getInitialProps(ctx: DocumentContext): Promise<Props> {
    const rendered = new Set<string>()
    const renderers: StaticIslandRenderers = Object.fromEntries(
      Object.entries(ISLANDS).map(([name, island]) => [
        name,
        () => {
          rendered.add(name)
          return island.render()
        },
      ]),
    )
    const serverOnly: StaticIslandRenderers = {
      ...renderers,
      [LESSON_HEAD]: ({ title = '', description = '' }) => <LessonHead title={title} description={description} />,
    }
    const renderPage = ctx.renderPage
    ctx.renderPage = () =>
      renderPage({
        enhanceApp: (App) =>
          function AppWithStaticIslands(props) {
            return (
              <StaticIslandContext value={serverOnly}>
                <App {...props} />
              </StaticIslandContext>
            )
          },
      })
    const initial = await Document.getInitialProps(ctx)
    return { ...initial, islandScripts: [...rendered].map((name) => ISLANDS[name]!.script()) }
  }

  render() {
    return (
      <Html lang="id" className={GeistSans.variable}>
        <Head>
          <meta name="theme-color" content="#0b5cab" />
          <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        </Head>
        <body>
          <a className="skip-link" href="#konten">
            Langsung ke konten
          </a>
          <Main />
          <NextScript />
          {/* Runs as the page is parsed, before React hydrates it (allowed by its hash: proxy.ts). */}
          {this.props.islandScripts.map((code) => (
            <script key={code} dangerouslySetInnerHTML={{ __html: code }} />
          ))}
        </body>
      </Html>
    )
  }
}
