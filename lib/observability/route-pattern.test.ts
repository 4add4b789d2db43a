import { describe, expect, it } from 'vitest'
import { createRouteResolver, UNMATCHED_ROUTE, type RoutesManifest } from './route-pattern'

// The shapes of Next 16's routes-manifest.json (regexes as the build writes them).
const manifest: RoutesManifest = {
  staticRoutes: [
    { page: '/', regex: '^/(?:/)?$' },
    { page: '/api/health', regex: '^/api/health(?:/)?$' },
    { page: '/sertifikat', regex: '^/sertifikat(?:/)?$' },
    { page: '/hr/orang/baru', regex: '^/hr/orang/baru(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/api/attempts/[id]/submit', regex: '^/api/attempts/([^/]+?)/submit(?:/)?$' },
    { page: '/hr/orang/[id]', regex: '^/hr/orang/([^/]+?)(?:/)?$' },
    { page: '/sertifikat/[id]/pdf', regex: '^/sertifikat/([^/]+?)/pdf(?:/)?$' },
    { page: '/verify/[code]', regex: '^/verify/([^/]+?)(?:/)?$' },
  ],
  dataRoutes: [{ page: '/belajar/[slug]', dataRouteRegex: '^/_next/data/BUILD/belajar/([^/]+?)\\.json$' }],
}
const resolve = createRouteResolver(manifest, { folders: ['fonts'], files: ['robots.txt'] })

describe('createRouteResolver', () => {
  it('names static and dynamic routes by their pattern, never with the ids or codes of the path', () => {
    expect(resolve('/')).toBe('/')
    expect(resolve('/api/health')).toBe('/api/health')
    expect(resolve('/sertifikat/')).toBe('/sertifikat')
    expect(resolve('/api/attempts/ckabc123/submit')).toBe('/api/attempts/[id]/submit')
    expect(resolve('/verify/7k3m9qxdh2c4a8ty5nw0b6rz?x=1')).toBe('/verify/[code]')
    expect(resolve('/sertifikat/abc/pdf')).toBe('/sertifikat/[id]/pdf')
    // A static route wins over a dynamic one that would also match.
    expect(resolve('/hr/orang/baru')).toBe('/hr/orang/baru')
    expect(resolve('/hr/orang/u1')).toBe('/hr/orang/[id]')
  })

  it("gives a client navigation's RSC payload and prefetch segments their page's route", () => {
    expect(resolve('/hr/orang/u1.rsc')).toBe('/hr/orang/[id]')
    expect(resolve('/index.rsc')).toBe('/')
    expect(resolve('/sertifikat.segments/_tree.segment.rsc')).toBe('/sertifikat')
  })

  it("groups Next's own files, the lesson pages' data and public files", () => {
    expect(resolve('/_next/static/chunks/abc.js')).toBe('/_next/static')
    expect(resolve('/_next/image?url=x')).toBe('/_next/image')
    expect(resolve('/_next/data/BUILD/belajar/hoaks.json')).toBe('/_next/data/belajar/[slug]')
    expect(resolve('/_next/data/OTHER/belajar/hoaks.json')).toBe(UNMATCHED_ROUTE)
    expect(resolve('/fonts/geist.woff2')).toBe('/fonts/*')
    expect(resolve('/robots.txt')).toBe('/robots.txt')
  })

  it('puts everything else, whatever its path, in one bucket', () => {
    for (const path of ['/wp-login.php', '/hr/orang/u1/x/y', '/fonts', '/robots.txt/x', '/_next/whatever']) expect(resolve(path)).toBe(UNMATCHED_ROUTE)
    expect(createRouteResolver(null)('/api/health')).toBe(UNMATCHED_ROUTE)
  })
})
