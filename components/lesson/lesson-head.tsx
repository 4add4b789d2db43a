import Head from 'next/head'

/**
 * A lesson's title, description and viewport. Rendered by `pages/_document.tsx` inside the page
 * tree on the server only (decision 025), so `next/head` never reaches the lesson's browser
 * bundle; the title never changes after the page loads.
 */
export function LessonHead({ title, description }: { title: string; description: string }) {
  return (
    <Head>
      <title>{title}</title>
      <meta name="description" content={description} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
    </Head>
  )
}
