// How Comptoir bundles TypeScript for Node with esbuild: one ES module per entry, better-sqlite3-multiple-ciphers
// kept outside (native). Used by the browser-mode build and by the crash test's writer.
import { build } from 'esbuild';

/** @param {import('esbuild').BuildOptions} options entry points and where to write */
export function bundleForNode(options) {
  return build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
    ...options,
  });
}
