import type { BuildOptions, BuildResult } from 'esbuild';

/** See node-bundle.mjs. */
export function bundleForNode(options: BuildOptions): Promise<BuildResult>;
