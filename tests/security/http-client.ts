/**
 * A cookie-keeping HTTP client for the security suite: plain fetch, redirects not followed, so
 * an attack sees exactly what the server answered. Forms are submitted the way a browser
 * without JavaScript submits a React server-action form (the hidden $ACTION_ fields the page
 * renders), which is also how an attacker replays them.
 */
import type { HttpClient } from './attack'

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[entity.toLowerCase()] ?? whole
  })
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of tag.matchAll(/([^\s=/>]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1]!.toLowerCase()
    if (name.startsWith('<')) continue
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

export type ParsedForm = { action: string | null; hidden: Array<[string, string]>; postsServerAction: boolean }

/** The forms of a page with their hidden inputs (in document order). */
export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const formAttributes = attributesOf(match[1] ?? '')
    const hidden: Array<[string, string]> = []
    for (const input of (match[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
      const attributes = attributesOf(input[0].slice(6))
      if (attributes.type === 'hidden' && attributes.name) hidden.push([attributes.name, attributes.value ?? ''])
    }
    forms.push({
      action: formAttributes.action || null,
      hidden,
      postsServerAction: hidden.some(([name]) => name.startsWith('$ACTION_')),
    })
  }
  return forms
}

export function createHttpClient(baseUrl: string, options: { forwardedFor?: string } = {}): HttpClient {
  const jar = new Map<string, string>()

  function remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const separator = pair!.indexOf('=')
      const name = pair!.slice(0, separator).trim()
      const value = pair!.slice(separator + 1).trim()
      const expired = attributes.some((attribute) => {
        const [key, raw] = attribute.split('=').map((part) => part.trim())
        if (key?.toLowerCase() === 'max-age') return Number(raw) <= 0
        if (key?.toLowerCase() === 'expires') return new Date(raw ?? '').getTime() < Date.now()
        return false
      })
      if (expired || value === '') jar.delete(name)
      else jar.set(name, value)
    }
  }

  async function request(method: string, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (jar.size && !headers.has('cookie')) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    if (options.forwardedFor && !headers.has('x-forwarded-for')) headers.set('x-forwarded-for', options.forwardedFor)
    const response = await fetch(new URL(path, baseUrl), { ...init, method, headers, redirect: 'manual' })
    remember(response)
    return response
  }

  const client: HttpClient = {
    get: (path, init) => request('GET', path, init),
    post: (path, init) => request('POST', path, init),
    async submitForm(pagePath, fields, submitOptions = {}) {
      const page = await request('GET', pagePath)
      const html = await page.text()
      const forms = parseForms(html)
      const form =
        submitOptions.formIndex !== undefined ? forms[submitOptions.formIndex] : forms.find((candidate) => candidate.postsServerAction)
      if (!form) throw new Error(`no server-action form on ${pagePath} (HTTP ${page.status})`)
      const body = new FormData()
      for (const [name, value] of form.hidden) if (!(name in fields)) body.append(name, value)
      for (const [name, value] of Object.entries(fields)) body.append(name, value)
      const target = form.action && form.action.startsWith('/') ? form.action : pagePath
      return request('POST', target, { body, headers: { origin: submitOptions.origin ?? new URL(baseUrl).origin } })
    },
    async signIn(identifier, password) {
      const response = await client.submitForm('/masuk', { identifier, password })
      await response.arrayBuffer()
      return response.status >= 300 && response.status < 400 && [...jar.keys()].some((name) => name.includes('session_token'))
    },
    cookies: () => Object.fromEntries(jar),
    setCookie: (name, value) => void jar.set(name, value),
    clearCookies: () => jar.clear(),
  }
  return client
}
