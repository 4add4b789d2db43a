import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/db/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'tests/.data/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The lesson pages (the only Pages Router route, docs/decisions/008) link to App Router pages
    // with plain <a>: between the two routers every navigation is a full page load anyway, and
    // next/link would only add its code and prefetching to the lesson's JavaScript budget.
    files: ['pages/**/*.tsx', 'components/layout/site-frame.tsx', 'components/layout/not-found-message.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { global: 'readonly', require: 'readonly', module: 'writable' } },
  },
]

export default config
