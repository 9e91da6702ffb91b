import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createClub } from '../../src-server/clubs.js';
import { openServerDb } from '../../src-server/db/open.js';
import { entriesToPush } from '../../src-main/sync/outgoing.js';
import type { PullResponse, PushResponse } from '../../src-shared/sync-protocol.js';
import { addMember } from '../helpers.js';
import { enrolledDesk, freshLocation } from './harness.js';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGTERM')));

/** `npm run server -- serve` as a real process on a free port; resolves with its address. */
function startServer(database: string, schema: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts', 'serve', '--port', '0', '--database', database, '--schema', schema], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      const address = /http:\/\/\S+/.exec(String(chunk))?.[0];
      if (address) resolve(address);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

describe('two server processes on one PostgreSQL', () => {
  it('serve the same club at once: a push to one is pulled from the other, sequences stay gap-free', async () => {
    const { location, schema } = freshLocation('postgres');
    const sdb = await openServerDb(location, { schema: schema! });
    await createClub(sdb, { slug: 'demo', name: 'Club demo' });
    const a = await enrolledDesk(sdb, 'demo', 'Accueil');
    const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
    const [first, second] = await Promise.all([startServer(location, schema!), startServer(location, schema!)]);

    const call = async <T>(base: string, path: string, authorization: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as T;
    };

    // B waits on the second process while A pushes to the first.
    const waiting = call<PullResponse>(second, '/v1/pull?after=0&wait=10', b.authorization);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 5; i++) addMember(a.desk, a.admin, `Membre${i}`, 'Accueil');
    const pushed = entriesToPush(a.desk.reader, 0, 500);
    await call<PushResponse>(first, '/v1/push', a.authorization, pushed);
    expect((await waiting).entries.map((e) => e.operationId)).toEqual(pushed.entries.map((e) => e.operationId));

    // Both desks push at once, each through both processes in turn.
    for (let i = 0; i < 10; i++) {
      addMember(a.desk, a.admin, `A${i}`, 'Suite');
      addMember(b.desk, b.admin, `B${i}`, 'Suite');
    }
    const pushAll = async (desk: typeof a, servers: string[]) => {
      let acknowledged = (await call<PushResponse>(servers[0]!, '/v1/push', desk.authorization, entriesToPush(desk.desk.reader, 0, 3))).acknowledgedSeq;
      for (let turn = 1; ; turn++) {
        const batch = entriesToPush(desk.desk.reader, acknowledged, 3);
        if (batch.entries.length === 0) return acknowledged;
        acknowledged = (await call<PushResponse>(servers[turn % 2]!, '/v1/push', desk.authorization, batch)).acknowledgedSeq;
      }
    };
    const [ackA, ackB] = await Promise.all([pushAll(a, [first, second]), pushAll(b, [second, first])]);
    const seqs = (await sdb.db.selectFrom('operation').select('server_seq').orderBy('server_seq').execute()).map((row) => Number(row.server_seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(seqs).toHaveLength(ackA + ackB);
    await sdb.close();
  }, 60_000);
});
