import { GeistSans } from 'geist/font/sans'
import { Head, Html, Main, NextScript } from 'next/document'

// The document of the Pages Router routes (only the lesson pages: docs/decisions/008); the same
// language, font and theme as app/layout.tsx.
export default function Document() {
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
      </body>
    </Html>
  )
}
