/**
 * Why the sign-in page is shown, when a lesson sent the visitor there (issue 11 §3): proxy.ts
 * sends visitors without a session to `/masuk?kembali=/belajar/<slug>`. `returnTo` is the
 * already-checked return path (lib/safe-return-path.ts).
 */
export function signInNoticeFor(returnTo: string | null): string | null {
  if (returnTo && /^\/belajar\/[^/?#]+/.test(returnTo)) return 'Masuk untuk melanjutkan pelajaran ini.'
  return null
}
