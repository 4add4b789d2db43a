import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))

// Two projects: pure unit tests beside the code, and integration tests that
// open a real database (a fresh SQLite file per worker, or PostgreSQL when
// TEST_POSTGRES_URL is set).
export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': `${root}/tests/setup/server-only-stub.ts`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/integration-setup.ts'],
          globalSetup: ['tests/setup/integration-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
