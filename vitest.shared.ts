import { defineConfig } from 'vitest/config';

// Tests import sibling packages from source (the "@gongwen/source" export condition),
// so a change in one package is tested in its dependents without a rebuild.
export default defineConfig({
  resolve: { conditions: ['@gongwen/source'] },
  ssr: { resolve: { conditions: ['@gongwen/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // No wall-clock limit that a slow or busy machine could hit: rendering with real fonts and LibreOffice is
    // legitimately long there. Ten minutes only stops a hung test; CPU-time limits live in the tests that need one.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
