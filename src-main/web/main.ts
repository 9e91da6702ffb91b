import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiService, type ApiOptions } from '../api/service.js';
import { openDesk, type Desk } from '../core/desk/desk.js';
import { startWebServer, type WebServer } from './server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export interface BrowserMode {
  desk: Desk;
  server: WebServer;
  close(): Promise<void>;
}

/**
 * The desk in a browser: the same core and contract as the Electron shell, served on 127.0.0.1.
 * Used where Electron cannot run, and by the end-to-end tests.
 */
export async function startBrowserMode(options: { file: string; port?: number; token?: string; staticDir?: string } & ApiOptions): Promise<BrowserMode> {
  const staticDir = options.staticDir ?? RENDERER_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`L'interface n'est pas construite (${staticDir}) : lancez « npm run build:ui ».`);
  }
  const desk = openDesk(options.file);
  const api = createApiService(desk, options);
  const server = await startWebServer({ api, staticDir, ...(options.port ? { port: options.port } : {}), ...(options.token ? { token: options.token } : {}) });
  return {
    desk,
    server,
    close: async () => {
      await server.close();
      desk.close();
    },
  };
}
