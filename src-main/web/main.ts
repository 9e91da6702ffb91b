import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreHost, CoreOptions } from '../api/core-host.js';
import { startWebServer, type WebServer } from './server.js';
import { startDesk } from '../api/first-start.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export interface BrowserMode {
  /** The core, in its own thread; null until a desk at its first start is set up. */
  core: CoreHost | null;
  server: WebServer;
  close(): Promise<void>;
}

/**
 * The desk in a browser: the same core and contract as the Electron shell, served on 127.0.0.1.
 * Used where Electron cannot run, and by the end-to-end tests. This thread serves the pages; the
 * core answers from a worker thread. Where the database does not exist yet, the desk starts on its
 * first-start screen (api/first-start.ts) and the core takes over once it is set up.
 *
 * @throws CoreStartError when the database cannot be opened.
 */
export async function startBrowserMode(options: { port?: number; token?: string; staticDir?: string } & CoreOptions): Promise<BrowserMode> {
  const staticDir = options.staticDir ?? RENDERER_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`L'interface n'est pas construite (${staticDir}) : lancez « npm run build:ui ».`);
  }
  const desk = await startDesk(options);
  try {
    const server = await startWebServer({
      api: desk,
      staticDir,
      ...(options.port ? { port: options.port } : {}),
      ...(options.token ? { token: options.token } : {}),
    });
    return {
      get core() {
        return desk.core;
      },
      server,
      close: async () => {
        await server.close();
        await desk.close();
      },
    };
  } catch (error) {
    await desk.close();
    throw error;
  }
}
