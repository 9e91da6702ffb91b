#!/usr/bin/env node
// `npm start`: Comptoir on an embedded SQLite file with a demo club. The Electron app where its
// binary is installed; otherwise the browser mode, whose address is printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.env.COMPTOIR_DB ?? join(root, 'data', 'demo.sqlite');
// The demo database is encrypted like a real desk's; its key sits beside it (a real desk's key is
// kept by the keychain, or on a key file away from the laptop).
const keyFile = process.env.COMPTOIR_KEY_FILE ?? join(dirname(file), 'demo.key');
const { runCli } = await import('../src-main/cli/main.ts');

mkdirSync(dirname(file), { recursive: true });
if (!existsSync(keyFile) && !process.env.COMPTOIR_DB_KEY) {
  const code = await runCli(['--db', file, 'key', 'new', keyFile]);
  if (code !== 0) process.exit(code);
}
if (!existsSync(file)) {
  console.log(`Création du club de démonstration dans ${file}…`);
  const code = await runCli(['--db', file, '--key-file', keyFile, 'demo', '--members', process.env.COMPTOIR_DEMO_MEMBERS ?? '3000']);
  if (code !== 0) process.exit(code);
}

/**
 * Electron's binary, when it is installed. Read from the package's own files: since Electron 42,
 * `require('electron')` downloads a missing binary on the spot, which fails where the network is
 * closed (these machines) and prints a stack trace before the browser mode starts.
 */
function electronBinary() {
  try {
    const folder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(folder, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron && !process.env.COMPTOIR_BROWSER) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const run = spawnSync(electron, [root], { stdio: 'inherit', env: { ...process.env, COMPTOIR_DB: file, COMPTOIR_KEY_FILE: keyFile } });
  process.exit(run.status ?? 0);
}

console.log('Electron n’est pas installé ici : Comptoir démarre dans le navigateur.');
const ui = spawnSync('npm', ['run', '--silent', 'build:ui'], { cwd: root, stdio: 'inherit' });
if (ui.status !== 0) process.exit(ui.status ?? 1);
const server = spawn(process.execPath, [join(root, 'out', 'web', 'launch.mjs'), '--db', file, '--key-file', keyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
server.stdout.on('data', (chunk) => {
  const url = /http:\/\/127\.0\.0\.1:\d+\/\?t=\S+/.exec(String(chunk))?.[0];
  if (!url) return;
  console.log(`
Comptoir est prêt : ouvrez ${url}
(base ${file} ; bénévoles de démonstration : Lise Bouchard, NIP 1234)
Ctrl+C pour arrêter.`);
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
