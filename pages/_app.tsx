import type { AppProps } from 'next/app'
import '@/app/globals.css'
import '@/components/lesson/lesson.css'

export default function LessonApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />
}
