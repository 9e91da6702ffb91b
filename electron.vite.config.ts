import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const here = (path: string) => resolve(import.meta.dirname, path);

// The Electron app: main process, preload and renderer, built into out/ (`npx electron-vite build`).
// The renderer is the same as vite.config.ts builds for the browser mode.
export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      // The native module (rebuilt for Electron at packaging, unpacked from the asar) and the
      // updater load from node_modules; the core, its migrations and zod/kysely are bundled.
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rolldownOptions: {
        // The core runs in a worker thread of its own (src-main/api/core-host.ts finds it next to index.js).
        input: { index: here('src-main/electron/main.ts'), 'core-worker': here('src-main/api/core-worker.ts') },
        external: ['better-sqlite3-multiple-ciphers', 'electron-updater'],
      },
      sourcemap: false,
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      // A sandboxed preload can only require('electron'): one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: here('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
      sourcemap: false,
    },
  },
  renderer: {
    root: here('src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: here('out/renderer'),
      emptyOutDir: true,
      // The strict CSP allows no inline script: no module-preload polyfill injected in the page.
      modulePreload: { polyfill: false },
      rolldownOptions: { input: { index: here('src-renderer/index.html') } },
      minify: true,
      sourcemap: false,
    },
  },
});
