import { defineConfig } from 'vitest/config';

// Tests import sibling packages from source (the "@gongwen/source" export condition),
// so a change in one package is tested in its dependents without a rebuild.
export default defineConfig({
  resolve: { conditions: ['@gongwen/source'] },
  ssr: { resolve: { conditions: ['@gongwen/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
