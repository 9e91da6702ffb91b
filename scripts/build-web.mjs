// Bundles the browser mode into one file (out/web/launch.mjs): it starts in a fraction of the
// time that compiling the TypeScript sources on the fly takes. better-sqlite3 stays outside (native).
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/web/launch.ts'],
  outfile: 'out/web/launch.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
