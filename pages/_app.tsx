import type { AppProps } from 'next/app'
import { GeistSans } from 'geist/font/sans'
import '@/app/globals.css'
import '@/components/lesson/lesson.css'
import '@/components/decision-aid/sebelum-unggah.css'

// The font is used here, not only in _document: a next/font used only in _document puts its
// class on <html> but its CSS (the --font-geist-sans variable and @font-face) never reaches the
// page, and the lesson text fell back to the browser's serif font (issue 11 §4). The wrapper
// takes no box (display: contents).
export default function LessonApp({ Component, pageProps }: AppProps) {
  return (
    <div className={GeistSans.variable} style={{ display: 'contents' }}>
      <Component {...pageProps} />
    </div>
  )
}
