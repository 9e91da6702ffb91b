import { keyFromEnvironment } from '../db/key.js';
import { startBrowserMode } from './main.js';

/**
 * `node out/web/launch.mjs --db FILE [--key-file FILE] [--port N]`: the browser mode as a process of
 * its own (what `npm start` runs where Electron is not installed). Prints the address to open,
 * token included. An encrypted database's key comes from --key-file, COMPTOIR_KEY_FILE or
 * COMPTOIR_DB_KEY.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const file = option('--db') ?? process.env.COMPTOIR_DB;
if (!file) {
  console.error('Indiquez la base de données : --db FICHIER');
  process.exit(2);
}
const port = Number(option('--port') ?? process.env.PORT ?? 0) || undefined;
try {
  const key = keyFromEnvironment(process.env, option('--key-file'));
  const mode = await startBrowserMode({ file, key, ...(port ? { port } : {}) });
  console.log(mode.server.url);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void mode.close().then(() => process.exit(0)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
