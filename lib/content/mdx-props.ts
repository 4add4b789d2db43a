/**
 * Reads the props of a component used in a lesson's MDX source, without compiling the MDX:
 * `<Name a="text" b={1} c={[{ … }]} />` → `{ a: 'text', b: 1, c: [{ … }] }`. Expression props
 * are our own content (literal arrays and objects), evaluated here at build or check time only.
 * The content check uses it to validate components it cannot see through types (warm-ups,
 * worked examples).
 */
export type ComponentUse = { index: number; props: Record<string, unknown> }

const NAME_CHAR = /[A-Za-z0-9_-]/

/** Index just past the `}` that closes the `{` at `open`, skipping strings; -1 if unclosed. */
export function closeBrace(text: string, open: number): number {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < text.length; i++) {
    const char = text[i]
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = null
      continue
    }
    if (char === '"' || char === "'" || char === '`') quote = char
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i + 1
  }
  return -1
}

/** Every use of `<name …>` in `body`, with its props, or the first problem found. */
export function readComponentProps(body: string, name: string): { uses: ComponentUse[] } | { error: string } {
  const uses: ComponentUse[] = []
  const tag = new RegExp(`<${name}(?![A-Za-z0-9])`, 'g')
  for (const match of body.matchAll(tag)) {
    const props: Record<string, unknown> = {}
    let i = match.index + match[0].length
    for (;;) {
      while (i < body.length && /\s/.test(body[i]!)) i++
      if (i >= body.length) return { error: `<${name}> is not closed` }
      if (body.startsWith('/>', i) || body[i] === '>') break
      const start = i
      while (i < body.length && NAME_CHAR.test(body[i]!)) i++
      const prop = body.slice(start, i)
      if (!prop) return { error: `<${name}> has an unreadable attribute near "${body.slice(start, start + 20)}"` }
      if (body[i] !== '=') {
        props[prop] = true
        continue
      }
      i++
      const opener = body[i]
      if (opener === '"' || opener === "'") {
        const end = body.indexOf(opener, i + 1)
        if (end < 0) return { error: `<${name}> ${prop}: the string is not closed` }
        props[prop] = body.slice(i + 1, end)
        i = end + 1
      } else if (opener === '{') {
        const end = closeBrace(body, i)
        if (end < 0) return { error: `<${name}> ${prop}={…} is not closed` }
        try {
          props[prop] = new Function(`"use strict"; return (${body.slice(i + 1, end - 1)});`)()
        } catch (error) {
          return { error: `<${name}> ${prop} is not a literal value: ${(error as Error).message}` }
        }
        i = end
      } else {
        return { error: `<${name}> ${prop}: a value must be "text" or {…}` }
      }
    }
    uses.push({ index: match.index, props })
  }
  return { uses }
}
