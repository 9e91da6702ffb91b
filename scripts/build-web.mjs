// Bundles the browser mode (out/web/launch.mjs) and the core's worker (out/web/core-worker.mjs,
// found next to the launcher): they start in a fraction of the time that compiling the TypeScript
// sources on the fly takes.
import { bundleForNode } from './node-bundle.mjs';

await bundleForNode({
  entryPoints: { launch: 'src-main/web/launch.ts', 'core-worker': 'src-main/api/core-worker.ts' },
  outdir: 'out/web',
  outExtension: { '.js': '.mjs' },
});
