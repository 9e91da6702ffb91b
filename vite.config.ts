import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer alone, for the browser mode and the tests (electron.vite.config.ts builds the
// same renderer for the Electron shell, with its main process and preload).
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // The strict CSP allows no inline script: no module-preload polyfill injected in the page.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
