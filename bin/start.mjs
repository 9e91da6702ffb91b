#!/usr/bin/env node
// `npm start`: the demo club's central server on an embedded SQLite file, and a desk enrolled to
// it with a demo club's data. The Electron app where its binary is installed; otherwise the
// browser mode, whose address is printed. `npm start -- --desk 2` starts a second desk beside
// the first, on the same server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { desk: { type: 'string', default: '1' } } });
const deskNumber = /^[1-9]$/.test(values.desk) ? values.desk : '1';
const data = join(root, 'data');
const file = process.env.COMPTOIR_DB ?? join(data, `poste-${deskNumber}.sqlite`);
// The demo desk's file is encrypted like a real desk's; its key sits beside it (a real desk's key
// is kept by the keychain, or on a key file away from the laptop).
const keyFile = process.env.COMPTOIR_KEY_FILE ?? join(dirname(file), `poste-${deskNumber}.key`);
const serverFile = process.env.COMPTOIR_SERVER_DB ?? join(data, 'serveur.sqlite');
const serverPort = Number(process.env.COMPTOIR_SERVER_PORT ?? 8787);
const serverUrl = `http://127.0.0.1:${serverPort}`;
const { runCli } = await import('../src-main/cli/main.ts');
const { runServerCli } = await import('../src-server/cli.ts');
const { openServerDb } = await import('../src-server/db/open.ts');
const { createClub } = await import('../src-server/clubs.ts');
const { createEnrollmentCode } = await import('../src-server/desks.ts');

mkdirSync(data, { recursive: true });

/** The demo club's server: started here unless another `npm start` already runs it. */
/* global fetch */
async function ensureServer() {
  const running = await fetch(`${serverUrl}/v1/health`).then((r) => r.ok, () => false);
  if (running) return null;
  if (!existsSync(serverFile)) {
    const sdb = await openServerDb(serverFile);
    await createClub(sdb, { slug: 'demo', name: 'Club de l’âge d’or de Montréal' });
    await sdb.close();
  }
  // The demo's emails (receipts, membership confirmations) are written as .eml files a mail program opens.
  const mailFolder = join(dirname(serverFile), 'courriels');
  const { code, stop } = await runServerCli(['serve', '--port', String(serverPort), '--database', serverFile, '--mail-dir', mailFolder, '--mail-from', 'courriel@club-demo.invalid'], { stdout: () => {}, stderr: (t) => process.stderr.write(t) });
  if (code !== 0 || !stop) process.exit(code || 1);
  console.log(`Serveur du club de démonstration : ${serverUrl} (base ${serverFile}) ; ses courriels vont dans ${mailFolder}`);
  return stop;
}

const stopServer = await ensureServer();

if (!existsSync(keyFile) && !process.env.COMPTOIR_DB_KEY) {
  const code = await runCli(['--db', file, 'key', 'new', keyFile]);
  if (code !== 0) process.exit(code);
}
if (!existsSync(file)) {
  console.log(`Mise en route du poste ${deskNumber}, joint au serveur du club, dans ${file}…`);
  const sdb = await openServerDb(serverFile);
  // « Poste » already stands before the name in the header: the desk's own name says which one.
  const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: deskNumber === '1' ? 'Accueil' : `Salle ${deskNumber}` });
  await sdb.close();
  const joined = await runCli(['--db', file, '--key-file', keyFile, 'join', '--server', serverUrl, '--code', code]);
  if (joined !== 0) process.exit(joined);
  // The first desk brings the demo club's members; the next ones receive them from the server.
  if (deskNumber === '1') {
    // More numbers than the first block holds: reserved from the server before the demo needs them.
    const { openDesk } = await import('../src-main/core/desk/desk.ts');
    const { keyFromEnvironment } = await import('../src-main/db/key.ts');
    const { readSyncTarget } = await import('../src-main/core/ledger/sync-progress.ts');
    const { reserveMemberNumbers } = await import('../src-main/sync/number-blocks.ts');
    const desk = openDesk(file, { key: keyFromEnvironment(process.env, keyFile) });
    try {
      await reserveMemberNumbers(desk, readSyncTarget(desk.reader), Number(process.env.COMPTOIR_DEMO_MEMBERS ?? 3000) + 500);
    } finally {
      desk.close();
    }
    const demo = await runCli(['--db', file, '--key-file', keyFile, 'demo', '--members', process.env.COMPTOIR_DEMO_MEMBERS ?? '3000']);
    if (demo !== 0) process.exit(demo);
    // « Synchronisé » above was the empty club, right after joining: say what happens to the demo's data.
    console.log('Le poste envoie ce club de démonstration au serveur dès qu’il démarre ; son en-tête dit « Synchronisé à … » une fois tout reçu.');
  }
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
  const run = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, COMPTOIR_DB: file, COMPTOIR_KEY_FILE: keyFile } });
  run.on('exit', (code) => void (stopServer?.() ?? Promise.resolve()).then(() => process.exit(code ?? 0)));
} else {
  console.log('Electron n’est pas installé ici : Comptoir démarre dans le navigateur.');
  const ui = spawnSync('npm', ['run', '--silent', 'build:ui'], { cwd: root, stdio: 'inherit' });
  if (ui.status !== 0) process.exit(ui.status ?? 1);
  const desk = spawn(process.execPath, [join(root, 'out', 'web', 'launch.mjs'), '--db', file, '--key-file', keyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  desk.stdout.on('data', (chunk) => {
    const url = /http:\/\/127\.0\.0\.1:\d+\/\?t=\S+/.exec(String(chunk))?.[0];
    if (!url) return;
    console.log(`
Comptoir (poste ${deskNumber}) est prêt : ouvrez ${url}
(base ${file} ; bénévoles de démonstration : Lise Bouchard, NIP 1234)
${deskNumber === '1' ? 'Un deuxième poste à côté : npm start -- --desk 2\n' : ''}Ctrl+C pour arrêter.`);
  });
  desk.on('exit', (code) => void (stopServer?.() ?? Promise.resolve()).then(() => process.exit(code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => desk.kill(signal));
}
