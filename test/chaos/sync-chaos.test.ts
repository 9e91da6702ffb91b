import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../scripts/node-bundle.mjs';
import { openServerDb, type ServerDb } from '../../src-server/db/open.js';
import { createClub } from '../../src-server/clubs.js';
import { mulberry32 } from '../../src-main/demo/people.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { addMember, openDrawer } from '../helpers.js';
import { DIALECTS, enrolledDesk, freshLocation } from '../server/harness.js';

/**
 * Sync under faults (docs/SYNC.md): the server killed at a random moment during pushes and
 * pulls, the connection cut after the server committed a batch but before the desk heard, a desk
 * killed in the middle of its sync — round after round, then everything restarted and synced.
 * Nothing may be lost, nothing applied twice, and every desk must end verify-clean with every
 * other desk's work. CHAOS_ROUNDS per engine (200 for `npm run test:chaos`), CHAOS_SEED replays.
 */
const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 20);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundles = join(repo, 'node_modules', '.cache', `comptoir-chaos-${process.pid}`);
const children = new Set<ChildProcess>();

beforeAll(async () => {
  // Bundled once: a restart must take a fraction of a second, not tsx's compile.
  mkdirSync(bundles, { recursive: true });
  await bundleForNode({ entryPoints: { server: join(repo, 'src-server/main.ts'), desk: join(repo, 'test/chaos/desk-sync.ts') }, outdir: bundles, outExtension: { '.js': '.mjs' }, packages: 'external', logLevel: 'silent' });
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(bundles, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function startServer(location: string, schema: string | undefined, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(bundles, 'server.mjs'), 'serve', '--port', String(port), '--database', location, ...(schema ? ['--schema', schema] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk) => /à l'écoute/.test(String(chunk)) && done(child));
    child.once('exit', (code, signal) => fail(new Error(`server exited (${code ?? signal})`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

/**
 * A TCP proxy in front of the server. `cutAfterCommit` lets requests through but drops the
 * server's answers: the server commits, the desk never hears.
 */
function proxy(upstreamPort: () => number): Promise<{ server: Server; port: number; mode: { cutAfterCommit: boolean } }> {
  const mode = { cutAfterCommit: false };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(upstreamPort(), '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => (mode.cutAfterCommit ? (client.destroy(), upstream.destroy()) : client.write(chunk)));
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as { port: number }).port, mode })));
}

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

describe.each(DIALECTS)('sync under faults on %s', (dialect) => {
  it(`loses nothing and doubles nothing over ${ROUNDS} rounds of killed servers, cut connections and killed desks (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const { location, schema } = freshLocation(dialect);
    const sdb: ServerDb = await openServerDb(location, schema ? { schema } : {});
    await createClub(sdb, { slug: 'demo', name: 'Club demo' });
    const serverPort = await freePort();
    const front = await proxy(() => serverPort);
    const address = `http://127.0.0.1:${front.port}`;
    const desks = [await enrolledDesk(sdb, 'demo', 'Accueil'), await enrolledDesk(sdb, 'demo', 'Salle 2')];
    for (const d of desks) openDrawer(d.desk, d.admin);
    const targetOf = (d: (typeof desks)[number]) => ({ address, deskId: d.enrollment.desk.id, credential: d.enrollment.credential });
    const syncAll = () => Promise.all(desks.map(async (d) => [await pushPending(d.desk, targetOf(d)), await pullChanges(d.desk, targetOf(d))]));
    let server = await startServer(location, schema, serverPort);
    const faults: Record<string, number> = {};

    for (let round = 0; round < ROUNDS; round++) {
      for (const d of desks) {
        for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++) {
          const number = addMember(d.desk, d.admin, `M${round}x${i}`, d.desk.name);
          if (random() < 0.6) checkout(d.desk, d.admin, { memberNumber: number, lines: [{ kind: 'donation', amountCents: 100 + 5 * round }], payments: [{ method: 'cash', tenderedCents: 100 + 5 * round }] });
        }
      }
      const fault = pick(['kill-server', 'cut-after-commit', 'kill-desk'] as const);
      faults[fault] = (faults[fault] ?? 0) + 1;
      if (fault === 'kill-server') {
        const syncing = syncAll();
        await sleep(random() * 40);
        await stop(server);
        await syncing;
        server = await startServer(location, schema, serverPort);
      } else if (fault === 'cut-after-commit') {
        front.mode.cutAfterCommit = true;
        await syncAll();
        front.mode.cutAfterCommit = false;
      } else {
        const d = pick(desks);
        const target = targetOf(d);
        const child = spawn(process.execPath, [join(bundles, 'desk.mjs'), d.file, target.address, target.deskId, target.credential], { stdio: ['ignore', 'pipe', 'inherit'] });
        children.add(child);
        await new Promise((done) => child.stdout!.once('data', done));
        await sleep(random() * 60);
        await stop(child);
      }
    }

    // Everything back up: sync until quiet.
    for (let pass = 0; pass < 3; pass++) await syncAll();
    const held = await sdb.db.selectFrom('operation').select(['desk_id', 'desk_seq', 'operation_id']).execute();
    expect(new Set(held.map((op) => op.operation_id)).size).toBe(held.length);
    for (const d of desks) {
      const own = d.desk.reader.rawGet<{ n: number }>('SELECT max(seq) AS n FROM audit_log')!.n;
      const atServer = held.filter((op) => op.desk_id === d.desk.id).map((op) => Number(op.desk_seq)).sort((x, y) => x - y);
      expect(atServer, `${d.desk.name}: every entry once, in order (faults ${JSON.stringify(faults)})`).toEqual(Array.from({ length: own }, (_, i) => i + 1));
      const fromOthers = held.filter((op) => op.desk_id !== d.desk.id).length;
      expect(d.desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM pulled_entry WHERE problem IS NULL')!.n).toBe(fromOthers);
      expect(verifyDatabase(d.desk.reader)).toEqual([]);
    }
    const members = desks.map((d) => d.desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM member')!.n);
    expect(members[0]).toBe(members[1]);
    await stop(server);
    front.server.close();
    await sdb.close();
  }, 600_000);
});
