import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/node-bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { mulberry32 } from '../../src-main/demo/people.js';
import { addMember, newDesk, openDrawer } from '../helpers.js';

/**
 * Power-cut test: a child process sells through checkout() and is killed with SIGKILL at a
 * random moment, again and again, on the same database file. After each kill the file must pass
 * every integrity check, hold every sale the child acknowledged, and the next child must carry
 * on the receipt sequence without a gap. CRASH_KILLS sets the number of kills (1,000 for
 * `npm run test:crash`); CRASH_SEED replays a run.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
/** A fresh database every so many kills keeps verifyDatabase (which hashes the whole chain) quick. */
const KILLS_PER_DATABASE = 200;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the repository, so the bundle finds better-sqlite3-multiple-ciphers (kept external: it is native).
const bundleFolder = join(repo, 'node_modules', '.cache', `comptoir-crash-${process.pid}`);
const bundle = join(bundleFolder, 'checkout-writer.mjs');

beforeAll(async () => {
  // Bundled once: `node --import tsx` would spend ~0.5 s compiling on every start.
  mkdirSync(bundleFolder, { recursive: true });
  await bundleForNode({ entryPoints: [join(repo, 'test/crash/checkout-writer.ts')], outfile: bundle, logLevel: 'silent' });
});
afterAll(() => rmSync(bundleFolder, { recursive: true, force: true }));

interface Run {
  /** Receipt numbers the child printed, i.e. acknowledged, in order. */
  acknowledged: string[];
  startedWriting: boolean;
  /** The kill landed inside a checkout or void call (after its "?" line, before its receipt). */
  inFlight: boolean;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts a child on `file`, kills it with SIGKILL `delayMs` after it is ready (or after spawn). */
async function runAndKill(file: string, seed: number, delayMs: number, duringStartup: boolean): Promise<Run> {
  const child = spawn(process.execPath, [bundle, file, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((done) => (signalReady = done));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) signalReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  if (!duringStartup) await Promise.race([ready, closed]);
  await sleep(delayMs);
  child.kill('SIGKILL');
  const { code, signal } = await closed;
  if (signal !== 'SIGKILL') throw new Error(`the writer stopped by itself (code ${code}):\n${stderr}`);
  const lines = stdout.split('\n');
  // A line cut by the kill has no newline yet: it was not acknowledged.
  lines.pop();
  return {
    acknowledged: lines.filter((line) => line !== 'ready' && line !== '?'),
    startedWriting: lines[0] === 'ready',
    inFlight: lines.at(-1) === '?',
  };
}

function freshDatabase(): string {
  const { desk, admin, file } = newDesk();
  for (const [first, last] of [['Thérèse', 'Gagnon'], ['Réal', 'Tremblay'], ['Gisèle', 'Côté'], ['Normand', 'Roy'], ['Marie-Josée', 'Lévesque']]) {
    addMember(desk, admin, first!, last!);
  }
  openDrawer(desk, admin);
  desk.close();
  return file;
}

const seqOf = (receipt: string) => Number(receipt.split('-')[1]);

describe('a desk killed at any moment (SIGKILL)', () => {
  it(
    `keeps the database sound and every acknowledged sale, with gap-free receipts, over ${KILLS} kills`,
    async () => {
      const random = mulberry32(SEED);
      const stats = { acknowledged: 0, startupKills: 0, inFlightRolledBack: 0, inFlightCommitted: 0 };
      let file = '';
      let lastSeq = 0;
      for (let kill = 1; kill <= KILLS; kill++) {
        if ((kill - 1) % KILLS_PER_DATABASE === 0) {
          file = freshDatabase();
          lastSeq = 0;
        }
        const where = `kill ${kill}/${KILLS} (CRASH_SEED=${SEED})`;
        // Mostly while selling (0–120 ms in, so kills fall in and between transactions), sometimes
        // while the child is still opening the file and recovering the previous crash's WAL.
        const duringStartup = random() < 0.1;
        const delay = Math.floor(random() * (duringStartup ? 170 : 120));
        const run = await runAndKill(file, Math.floor(random() * 2 ** 31), delay, duringStartup);
        if (!run.startedWriting) stats.startupKills++;
        stats.acknowledged += run.acknowledged.length;

        const desk = openDesk(file);
        try {
          expect(verifyDatabase(desk.reader), where).toEqual([]);
          const present = desk.connection.rawDatabase.prepare('SELECT 1 FROM sale_order WHERE receipt_number = ?');
          const missing = run.acknowledged.filter((receipt) => present.get(receipt) === undefined);
          expect(missing, `${where}: acknowledged but lost`).toEqual([]);
          // The child's receipts follow on from the last one on file, one after the other.
          const seqs = run.acknowledged.map(seqOf);
          expect(seqs, `${where}: receipt sequence`).toEqual(seqs.map((_, i) => lastSeq + 1 + i));
          const highest = desk.reader.rawGet<{ hi: number | null }>('SELECT max(receipt_seq) AS hi FROM sale_order')!.hi ?? 0;
          const unacknowledged = highest - (seqs.at(-1) ?? lastSeq);
          expect(unacknowledged, `${where}: sales on file beyond the last acknowledged one`).toBeLessThanOrEqual(run.inFlight ? 1 : 0);
          if (run.inFlight) stats[unacknowledged === 1 ? 'inFlightCommitted' : 'inFlightRolledBack']++;
          lastSeq = highest;
        } finally {
          desk.close();
        }
      }
      process.stderr.write(
        `crash test: ${KILLS} kills (seed ${SEED}), ${stats.acknowledged} acknowledged sales, ` +
          `${stats.startupKills} kills before the first sale; ${stats.inFlightRolledBack + stats.inFlightCommitted} inside a sale ` +
          `(${stats.inFlightRolledBack} rolled back, ${stats.inFlightCommitted} already on disk, unacknowledged)\n`,
      );
    },
    60_000 + KILLS * 3_000,
  );
});
