/** One cookie's value from a request's Cookie header (first occurrence), decoded; undefined when absent. */
export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    if (part.slice(0, index).trim() !== name) continue
    const raw = part.slice(index + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}

export type CookieToSet = {
  name: string
  value: string
  options: { httpOnly: boolean; sameSite: 'lax' | 'strict'; secure: boolean; path: string; maxAge: number }
}
