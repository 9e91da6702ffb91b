import { keyFromEnvironment } from '../db/key.js';
import { DEFAULT_PAPER, paperSchema } from '../api/documents.js';
import { startBrowserMode } from './main.js';

/**
 * `node out/web/launch.mjs --db FILE [--key-file FILE] [--port N] [--receipt-paper letter|roll]
 * [--card-paper cr80|letter]`: the browser mode as a process of
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
const paper = paperSchema.safeParse({ receipt: option('--receipt-paper') ?? DEFAULT_PAPER.receipt, card: option('--card-paper') ?? DEFAULT_PAPER.card });
if (!paper.success) {
  console.error('Papier inconnu : --receipt-paper letter|roll (lettre ou rouleau de 80 mm), --card-paper cr80|letter (carte ou feuille à découper).');
  process.exit(2);
}
try {
  const key = keyFromEnvironment(process.env, option('--key-file'));
  const mode = await startBrowserMode({ file, key, paper: paper.data, ...(port ? { port } : {}) });
  console.log(mode.server.url);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void mode.close().then(() => process.exit(0)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
