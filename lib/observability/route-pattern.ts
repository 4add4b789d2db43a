/**
 * Names the route a request reached by its pattern (`/sertifikat/[id]`), never by its path:
 * paths carry ids and codes, which must not reach logs, and metrics labelled by path would grow
 * without bound. The patterns come from the build's `routes-manifest.json` (every page and route
 * handler of both routers, with the regex Next itself matches), read once per process.
 */

export type RoutesManifest = {
  staticRoutes?: { page: string; regex: string }[]
  dynamicRoutes?: { page: string; regex: string }[]
  dataRoutes?: { page: string; dataRouteRegex: string }[]
}

/** A request matched by no page, route handler or known static folder (404s, probes). */
export const UNMATCHED_ROUTE = '(unmatched)'

export type RouteResolver = (path: string) => string

/**
 * `publicFolders`: top-level folders of `public/` (their files are served as `/<folder>/*`);
 * `publicFiles`: top-level files of `public/`.
 */
export function createRouteResolver(
  manifest: RoutesManifest | null,
  publicEntries: { folders: readonly string[]; files: readonly string[] } = { folders: [], files: [] },
): RouteResolver {
  const exact = new Map<string, string>()
  const patterns: { page: string; regex: RegExp }[] = []
  for (const route of manifest?.staticRoutes ?? []) exact.set(route.page, route.page)
  for (const route of manifest?.dynamicRoutes ?? []) patterns.push({ page: route.page, regex: new RegExp(route.regex) })
  const data = (manifest?.dataRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.dataRouteRegex) }))
  const folders = new Set(publicEntries.folders)
  const files = new Set(publicEntries.files)

  return (rawPath) => {
    const path = rawPath.split('?')[0] ?? ''
    if (path.startsWith('/_next/')) {
      if (path.startsWith('/_next/data/')) {
        for (const route of data) if (route.regex.test(path)) return `/_next/data${route.page}`
        return UNMATCHED_ROUTE
      }
      const area = /^\/_next\/([^/]+)/.exec(path)?.[1]
      return area === 'static' || area === 'image' ? `/_next/${area}` : UNMATCHED_ROUTE
    }
    // A client navigation's or prefetch's React Server Components payload: the page's own route.
    const page = path.replace(/\.segments\/.*$/, '').replace(/\.rsc$/, '') || '/'
    const trimmed = page === '/index' ? '/' : page.length > 1 && page.endsWith('/') ? page.slice(0, -1) : page
    const known = exact.get(trimmed)
    if (known) return known
    for (const route of patterns) if (route.regex.test(trimmed)) return route.page
    const top = /^\/([^/]+)(\/)?/.exec(trimmed)
    if (top?.[1] && top[2] && folders.has(top[1])) return `/${top[1]}/*`
    if (top?.[1] && !top[2] && files.has(top[1])) return `/${top[1]}`
    return UNMATCHED_ROUTE
  }
}
