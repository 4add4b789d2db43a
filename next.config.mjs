/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel e2e runs (several developers or agents on one machine) keep
  // separate builds; the default is Next's own .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // prom-client is loaded from node_modules, not bundled into every route (pino already is, by
  // Next's own list); the registry itself is one per process on globalThis (decision 041).
  serverExternalPackages: ['prom-client'],
  reactStrictMode: true,
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403 for a signed-in user with the wrong role.
    authInterrupts: true,
    // Load a route's modules on its first request, not every route's at start-up (Next's default):
    // a fresh instance holds ~20-40 MB less, and the first request of a route measured no slower
    // (decision 054).
    preloadEntriesOnStart: false,
    // NEXT_SERVER_MINIFY=0 keeps server function names readable in a CPU profile (see
    // docs/benchmarks.md, "Where an HR request's time goes"); production builds minify.
    serverMinification: process.env.NEXT_SERVER_MINIFY !== '0',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        // JSON and file answers run nothing. Pages get their policy (with a nonce) and HSTS
        // per request from proxy.ts.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
    ]
  },
}

export default nextConfig
