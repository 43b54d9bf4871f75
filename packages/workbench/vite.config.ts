import { defineConfig } from 'vite';

// The page itself; the engine (gongwen's packages) is bundled by esbuild into public/engine/
// (scripts/build-engine.mjs) and runs in a worker, so the page bundle holds only the editor and viewer.
export default defineConfig({
  base: './',
  publicDir: 'public',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { fs: { allow: ['../..'] } },
});
