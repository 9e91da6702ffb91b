#!/usr/bin/env node
// `npm start`: Comptoir on an embedded SQLite file with a demo club. The Electron app where its
// binary is installed; otherwise the browser mode, whose address is printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.env.COMPTOIR_DB ?? join(root, 'data', 'demo.sqlite');
const { runCli } = await import('../src-main/cli/main.ts');

if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  console.log(`Création du club de démonstration dans ${file}…`);
  const code = await runCli(['--db', file, 'demo', '--members', process.env.COMPTOIR_DEMO_MEMBERS ?? '3000']);
  if (code !== 0) process.exit(code);
}

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron && !process.env.COMPTOIR_BROWSER) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const run = spawnSync(electron, [root], { stdio: 'inherit', env: { ...process.env, COMPTOIR_DB: file } });
  process.exit(run.status ?? 0);
}

console.log('Electron n’est pas installé ici : Comptoir démarre dans le navigateur.');
const ui = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (ui.status !== 0) process.exit(ui.status ?? 1);
const { startBrowserMode } = await import('../src-main/web/main.ts');
const mode = await startBrowserMode({ file, port: Number(process.env.PORT ?? 0) || undefined });
console.log(`
Comptoir est prêt : ouvrez ${mode.server.url}
(base ${file} ; bénévoles de démonstration : Lise Bouchard, NIP 1234)
Ctrl+C pour arrêter.`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void mode.close().then(() => process.exit(0)));
