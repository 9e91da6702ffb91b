import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore, type CoreHost, type CoreOptions } from '../api/core-host.js';
import { startWebServer, type WebServer } from './server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export interface BrowserMode {
  /** The core, in its own thread. */
  core: CoreHost;
  server: WebServer;
  close(): Promise<void>;
}

/**
 * The desk in a browser: the same core and contract as the Electron shell, served on 127.0.0.1.
 * Used where Electron cannot run, and by the end-to-end tests. This thread serves the pages; the
 * core answers from a worker thread.
 *
 * @throws CoreStartError when the database cannot be opened.
 */
export async function startBrowserMode(options: { port?: number; token?: string; staticDir?: string } & CoreOptions): Promise<BrowserMode> {
  const staticDir = options.staticDir ?? RENDERER_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`L'interface n'est pas construite (${staticDir}) : lancez « npm run build:ui ».`);
  }
  const core = await startCore(options);
  try {
    const server = await startWebServer({ api: core, staticDir, ...(options.port ? { port: options.port } : {}), ...(options.token ? { token: options.token } : {}) });
    return {
      core,
      server,
      close: async () => {
        await server.close();
        await core.close();
      },
    };
  } catch (error) {
    await core.close();
    throw error;
  }
}
