import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react'

/**
 * A server-rendered tree with no client behaviour, turned into HTML text at once, for the large
 * read-only parts of the HR pages (data tables, charts: decision 039). React would otherwise
 * serialise every element twice per request (once into the page's inline RSC payload, once as
 * HTML) and walk each again to render it; as one string it is one prop of one element. The
 * output is byte-for-byte what `renderToStaticMarkup` gives for the same tree (unit tests), so
 * the page's DOM does not change.
 *
 * Supported: text and numbers, arrays, fragments, host elements with plain attributes
 * (`className`, `htmlFor`, `tabIndex`, `aria-*`, `data-*`, a `style` object, other lower-case
 * names) and synchronous function components without hooks; no `<img>`, `<input>` and other
 * elements React treats specially. Anything else (a client component
 * such as `next/link`, an event handler, an async component) throws `NotStaticError`: such a
 * tree must be rendered by React.
 */
export class NotStaticError extends Error {
  constructor(what: string) {
    super(`not static markup: ${what}`)
    this.name = 'NotStaticError'
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'source', 'track', 'wbr'])
/** Elements React hoists, preloads or gives form state: left to React. */
const SPECIAL = new Set(['img', 'link', 'meta', 'script', 'style', 'title', 'input', 'select', 'option', 'textarea', 'form', 'button'])
const RENAMED: Record<string, string> = { className: 'class', htmlFor: 'for', tabIndex: 'tabindex', colSpan: 'colSpan', rowSpan: 'rowSpan' }
/** React's boolean attributes that matter here: present when true, absent when false. */
const BOOLEAN = new Set(['hidden', 'open', 'disabled', 'checked', 'selected', 'required', 'readOnly', 'multiple'])
const UNITLESS = new Set(['flex', 'flexGrow', 'flexShrink', 'fontWeight', 'lineHeight', 'opacity', 'order', 'zIndex', 'zoom'])
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' }

/** React's escaping of text and attribute values. */
export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text
}

function styleText(style: Record<string, unknown>): string {
  let out = ''
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === 'boolean' || value === '') continue
    const property = name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^ms-/, '-ms-')
    const text = typeof value === 'number' && value !== 0 && !UNITLESS.has(name) && !name.startsWith('--') ? `${value}px` : String(value).trim()
    out += `${out ? ';' : ''}${property}:${text}`
  }
  return out
}

function attributes(type: string, props: Record<string, unknown>): string {
  let out = ''
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'dangerouslySetInnerHTML' || name === 'key' || name === 'suppressHydrationWarning') continue
    if (value === null || value === undefined) continue
    if (/^on[A-Z]/.test(name) || typeof value === 'function') throw new NotStaticError(`<${type} ${name}>`)
    if (name === 'style') {
      const text = styleText(value as Record<string, unknown>)
      if (text) out += ` style="${escapeHtml(text)}"`
      continue
    }
    const isData = name.startsWith('data-') || name.startsWith('aria-')
    if (BOOLEAN.has(name)) {
      if (value === true) out += ` ${name.toLowerCase()}=""`
      continue
    }
    if (typeof value === 'boolean' && !isData) continue
    const attribute = RENAMED[name] ?? name
    if (/[A-Z]/.test(attribute) && !isData && !(name in RENAMED)) throw new NotStaticError(`<${type} ${name}> (an attribute this renderer does not map)`)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new NotStaticError(`<${type} ${name}> of type ${typeof value}`)
    out += ` ${attribute}="${escapeHtml(String(value))}"`
  }
  return out
}

function render(node: ReactNode, out: string[]): void {
  if (node === null || node === undefined || typeof node === 'boolean') return
  if (typeof node === 'string') return void out.push(escapeHtml(node))
  if (typeof node === 'number' || typeof node === 'bigint') return void out.push(String(node))
  if (Array.isArray(node)) {
    for (const child of node) render(child, out)
    return
  }
  if (!isValidElement(node)) throw new NotStaticError(typeof node === 'object' && Symbol.iterator in node ? 'an iterable' : String(node))
  const element = node as ReactElement<Record<string, unknown>>
  const { type, props } = element
  if (type === Fragment) return render(props.children as ReactNode, out)
  if (typeof type === 'string') {
    if (SPECIAL.has(type)) throw new NotStaticError(`<${type}> (React hoists, preloads or controls it)`)
    if (VOID.has(type)) return void out.push(`<${type}${attributes(type, props)}/>`)
    out.push(`<${type}${attributes(type, props)}>`)
    const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined
    if (inner) out.push(String(inner.__html ?? ''))
    else render(props.children as ReactNode, out)
    out.push(`</${type}>`)
    return
  }
  // A plain function component (not a class, not a client reference: those are objects or
  // carry $$typeof). Its result must be synchronous.
  if (typeof type === 'function' && !('$$typeof' in type) && !(type.prototype && 'render' in type.prototype)) {
    const result = (type as (props: Record<string, unknown>) => unknown)(props)
    if (result instanceof Promise) throw new NotStaticError(`async component ${type.name}`)
    return render(result as ReactNode, out)
  }
  throw new NotStaticError(`component ${typeof type === 'function' ? type.name || 'anonymous' : String((type as { $$typeof?: symbol })?.$$typeof?.toString() ?? type)}`)
}

/** The tree as HTML text (what `renderToStaticMarkup` gives), or a `NotStaticError`. */
export function staticMarkup(node: ReactNode): string {
  const out: string[] = []
  render(node, out)
  return out.join('')
}
