// Bundles the browser mode (out/web/launch.mjs) and the core's worker (out/web/core-worker.mjs,
// found next to the launcher): they start in a fraction of the time that compiling the TypeScript
// sources on the fly takes. better-sqlite3 stays outside (native).
import { build } from 'esbuild';

await build({
  entryPoints: { launch: 'src-main/web/launch.ts', 'core-worker': 'src-main/api/core-worker.ts' },
  outdir: 'out/web',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
