import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildServer } from '../src-server/app.js';
import { createClub } from '../src-server/clubs.js';
import { openServerDb, type Dialect, type ServerDb } from '../src-server/db/open.js';
import { createEnrollmentCode } from '../src-server/desks.js';
import { buildInWorker } from '../src-server/snapshots.js';
import { newDatabaseKey, type DatabaseKey } from '../src-main/db/key.js';
import type { Desk } from '../src-main/core/desk/desk.js';
import { systemUserId } from '../src-main/core/desk/setup.js';
import { readSyncTarget } from '../src-main/core/ledger/sync-progress.js';
import { createMember } from '../src-main/core/members/members.js';
import { insertDemoMembers } from '../src-main/demo/people.js';
import { reserveMemberNumbers } from '../src-main/sync/number-blocks.js';
import { startSync } from '../src-main/sync/engine.js';
import { joinClubServer } from '../src-main/sync/join.js';
import { pushPending } from '../src-main/sync/push-client.js';
import type { SyncTarget } from '../src-main/sync/transport.js';
import { formatFigure, percentile, progress, type Figure } from './figures.js';

/** How many pushes of 10,000 operations `sync_push_10k_ops_ms` is the median of. */
const PUSH_ROUNDS = 3;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A club's server on loopback, on a fresh SQLite file or PostgreSQL schema, and desks joining it over HTTP. */
async function benchServer(dialect: Dialect) {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-bench-sync-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const sdb: ServerDb = dialect === 'sqlite' ? await openServerDb(join(folder, 'server.sqlite')) : await openServerDb(POSTGRES_URL, { schema });
  const club = await createClub(sdb, { slug: 'bench', name: 'Club du banc d’essai' });
  const app = await buildServer(sdb, { ratePerMinute: 1_000_000, enrollPerMinute: 1_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  let desks = 0;
  // A second club for the 50 desks pushing at once: they need not receive the big club first.
  await createClub(sdb, { slug: 'bench-50', name: 'Club des 50 postes' });
  const join_ = async (key?: DatabaseKey, club = 'bench'): Promise<Desk> => {
    const { code } = await createEnrollmentCode(sdb, { club, deskName: `Poste ${++desks}` });
    return joinClubServer(join(folder, `poste-${desks}.sqlite`), { address, code }, key ? { key } : {});
  };
  return {
    sdb,
    where: dialect === 'sqlite' ? { location: join(folder, 'server.sqlite') } : { location: POSTGRES_URL, schema },
    clubId: club.id,
    join: join_,
    close: async () => {
      await app.close();
      await sdb.close();
      if (dialect === 'postgres') {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Pushes everything, trying again (as the sync engine would) when a batch finds no answer, or
 * says why not: a bench on a club half sent would measure nothing.
 */
async function pushAll(desk: Desk, target: SyncTarget): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await pushPending(desk, target);
    if (outcome.kind === 'sent') return;
    if (outcome.kind !== 'retry' || attempt === 5) throw new Error(`push stopped: ${JSON.stringify(outcome)}`);
    progress(`  (envoi interrompu, nouvel essai : ${outcome.reason})`);
  }
}

const elapsed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

/**
 * The sync figures of docs/SYNC.md, on SQLite and PostgreSQL: pushing 10,000 operations, building
 * the club's snapshot, a new desk receiving a 100,000-member club from it (and, with
 * BENCH_SYNC_REPLAY=1, without it), how soon another online desk shows a write, and (on
 * PostgreSQL) what the server takes from 50 desks pushing at once.
 */
export async function benchSync(members = Number(process.env.BENCH_SYNC_MEMBERS ?? 100_000)): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Told as they come too: a long run stopped half-way still shows what it measured.
  const measured = figures.push.bind(figures);
  figures.push = (...more: Figure[]) => {
    for (const figure of more) progress(`  ${formatFigure(figure)}`);
    return measured(...more);
  };
  const label = members % 1000 === 0 ? `${members / 1000}k` : String(members);
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const server = await benchServer(dialect);
    try {
      progress(`Synchronisation (${dialect}) : 10 000 opérations envoyées, trois fois…`);
      const a = await server.join();
      await reserveMemberNumbers(a, readSyncTarget(a.reader)!, members + 200);
      const target = readSyncTarget(a.reader)!;
      // Three pushes of 10,000 new members (the set-up entries with the first), their median
      // reported: one sample on a shared machine says more about its neighbours than about the push.
      const pushes: number[] = [];
      for (let round = 0; round < PUSH_ROUNDS; round++) {
        insertDemoMembers(a, { userId: systemUserId(a) }, round === 0 ? 10_000 - 1 : 10_000, 3 + 10 * round);
        pushes.push(await elapsed(() => pushAll(a, target)));
      }
      progress(`  (${pushes.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
      figures.push({ name: `sync_push_10k_ops_ms_${dialect}`, value: percentile(pushes, 50), unit: 'ms' });

      progress(`Synchronisation (${dialect}) : un club de ${members} membres reçu par un nouveau poste…`);
      insertDemoMembers(a, { userId: systemUserId(a) }, Math.max(0, members - PUSH_ROUNDS * 10_000 + 1), 4);
      await pushAll(a, target);
      if (process.env.BENCH_SYNC_REPLAY === '1') {
        // The way without a snapshot (every entry through the handlers): slow, so only on request.
        const replaying = performance.now();
        (await server.join()).close();
        figures.push({ name: `sync_bootstrap_${label}_members_no_snapshot_ms_${dialect}`, value: performance.now() - replaying, unit: 'ms' });
      }
      progress(`Synchronisation (${dialect}) : l’instantané du club de ${members} membres…`);
      // As `serve` builds it: on a thread of its own, while the serving thread goes on (how long it
      // ever waited is measured by a 10 ms timer).
      let last = performance.now();
      let longestWait = 0;
      const ticking = setInterval(() => {
        longestWait = Math.max(longestWait, performance.now() - last);
        last = performance.now();
      }, 10);
      const built = await buildInWorker({ ...server.where, clubId: server.clubId }).finally(() => clearInterval(ticking));
      if (!built.built) throw new Error(`no snapshot built: ${built.reason}`);
      figures.push({ name: `sync_snapshot_build_${label}_ms_${dialect}`, value: built.ms, unit: 'ms' });
      figures.push({ name: `sync_snapshot_build_server_wait_ms_max_${dialect}`, value: Math.max(longestWait, performance.now() - last), unit: 'ms' });
      figures.push({ name: `sync_snapshot_${label}_mb_${dialect}`, value: built.bytes / 1e6, unit: 'MB' });
      figures.push({ name: `sync_snapshot_${label}_gzip_mb_${dialect}`, value: built.gzippedBytes / 1e6, unit: 'MB' });
      // A little tail after the snapshot, as a real club would have.
      insertDemoMembers(a, { userId: systemUserId(a) }, 100, 5);
      await pushAll(a, target);
      // Joining is the bootstrap: the new desk is set up from the snapshot (encrypted with its
      // key, like every desk), sends its set-up and receives the tail.
      const joining = performance.now();
      const b = await server.join(newDatabaseKey());
      figures.push({ name: `sync_bootstrap_${label}_members_ms_${dialect}`, value: performance.now() - joining, unit: 'ms' });
      if (b.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM pulled_entry WHERE after_local_seq = 0')!.n === 0) throw new Error('the new desk did not start from the snapshot');
      const membersOf = (desk: Desk) => desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM member')!.n;
      if (membersOf(b) !== membersOf(a)) throw new Error(`the new desk holds ${membersOf(b)} members, the club ${membersOf(a)}`);

      progress(`Synchronisation (${dialect}) : délai avant qu’un autre poste voie une écriture…`);
      const engine = startSync(b, readSyncTarget(b.reader)!);
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const start = performance.now();
        const result = createMember(a, { userId: systemUserId(a) }, { firstName: `Vu${i}`, lastName: 'Ailleurs', force: true });
        const number = result.created ? result.member.number : 0;
        await pushPending(a, target);
        while (!b.reader.rawGet('SELECT 1 AS here FROM member WHERE number = ?', number)) await new Promise((resolve) => setTimeout(resolve, 2));
        seen.push(performance.now() - start);
      }
      await engine.stop();
      figures.push({ name: `sync_change_seen_ms_p95_${dialect}`, value: percentile(seen, 95), unit: 'ms' });
      a.close();
      b.close();

      if (dialect === 'postgres') {
        progress('Synchronisation (postgres) : 50 postes qui envoient en même temps…');
        const desks: Desk[] = [];
        for (let i = 0; i < 50; i++) {
          const desk = await server.join(undefined, 'bench-50');
          await reserveMemberNumbers(desk, readSyncTarget(desk.reader)!, 200);
          insertDemoMembers(desk, { userId: systemUserId(desk) }, 200, 10 + i);
          desks.push(desk);
        }
        const ops = desks.reduce((sum, desk) => sum + desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM outbox')!.n, 0);
        const ms = await elapsed(() => Promise.all(desks.map((desk) => pushPending(desk, readSyncTarget(desk.reader)!))));
        figures.push({ name: 'server_ops_per_s_50_desks', value: (ops / ms) * 1000, unit: 'ops/s' });
        for (const desk of desks) desk.close();
      }
    } finally {
      await server.close();
    }
  }
  return figures;
}
