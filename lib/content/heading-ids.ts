/**
 * A rehype plugin that gives every h2/h3 of a lesson an id (bagian-<slug of its text>), so the
 * page can remember the last section a learner reached and resume there.
 */
type HastNode = {
  type: string
  tagName?: string
  value?: string
  properties?: Record<string, unknown>
  children?: HastNode[]
}

export function slugifyHeading(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}

const textOf = (node: HastNode): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('')

export function rehypeHeadingIds() {
  return (tree: HastNode) => {
    const used = new Set<string>()
    const visit = (node: HastNode) => {
      if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
        const base = `bagian-${slugifyHeading(textOf(node)) || 'tanpa-judul'}`
        let id = base
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`
        used.add(id)
        node.properties = { ...node.properties, id }
      }
      node.children?.forEach(visit)
    }
    visit(tree)
  }
}
