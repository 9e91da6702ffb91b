import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { revokeDesk } from '../../src-server/desks.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { readSyncProgress, readSyncStatus } from '../../src-main/core/ledger/sync-progress.js';
import { pushPending, startPushing, type PushOutcome } from '../../src-main/sync/push-client.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { checkServerAddress, retryDelay, type SyncTarget } from '../../src-main/sync/transport.js';
import { addMember, openDrawer, refusal } from '../helpers.js';
import { numbersLeft } from '../../src-main/core/members/member-numbers.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { insertDemoMembers } from '../../src-main/demo/people.js';
import { reserveMemberNumbers } from '../../src-main/sync/number-blocks.js';
import { MAX_PUSH_ENTRIES } from '../../src-shared/sync-protocol.js';
import { DIALECTS, enrolledDesk, testClub, testServerDb } from '../server/harness.js';

describe.each(DIALECTS)('a desk pushing its log to the server on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
    await sdb.close();
  });

  const listen = async (port = 0) => {
    app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port });
    return (app.server.address() as AddressInfo).port;
  };
  /** A desk enrolled in a new club, and the way to that club's server, listening. */
  const deskOnline = async () => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    const a = await enrolledDesk(sdb);
    const port = await listen();
    const target: SyncTarget = { address: `http://127.0.0.1:${port}`, deskId: a.enrollment.desk.id, credential: a.enrollment.credential };
    return { a, target };
  };
  const serverCount = async () => Number((await sdb.db.selectFrom('operation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('records sales all day offline, then sends every one once the server answers, on its retry timer', async () => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    const a = await enrolledDesk(sdb);
    // Find a free port, then leave it closed: the server is « down ».
    const port = await listen();
    await app!.close();
    app = null;
    const target: SyncTarget = { address: `http://127.0.0.1:${port}`, deskId: a.enrollment.desk.id, credential: a.enrollment.credential };

    openDrawer(a.desk, a.admin);
    for (let i = 0; i < 60; i++) {
      const number = addMember(a.desk, a.admin, `Membre${i}`, 'Horsligne');
      checkout(a.desk, a.admin, { memberNumber: number, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    }
    const outcomes: PushOutcome[] = [];
    const pusher = startPushing(a.desk, target, { random: () => 0, intervalMs: 60_000, onOutcome: (o) => outcomes.push(o) });
    await expect.poll(() => readSyncProgress(a.desk.reader).attempts, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(readSyncProgress(a.desk.reader).lastError).toMatch(/^Le serveur du club \(http:\/\/127\.0\.0\.1:\d+\) ne répond pas\./);
    expect(outcomes.every((o) => o.kind === 'retry')).toBe(true);

    await listen(port);
    const last = a.desk.reader.rawGet<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log')!.seq;
    await expect.poll(() => readSyncProgress(a.desk.reader).acknowledgedSeq, { timeout: 15_000 }).toBe(last);
    await pusher.stop();
    expect(await serverCount()).toBe(last);
    expect(readSyncProgress(a.desk.reader)).toMatchObject({ attempts: 0, lastError: null });
    // Again: nothing more to send, nothing doubled.
    expect(await pushPending(a.desk, target)).toEqual({ kind: 'sent', acknowledgedSeq: last });
    expect(await serverCount()).toBe(last);
  }, 30_000);

  it('sends again at once when a connection fails under a call (a kept-alive one the server closed), never after a timeout', async () => {
    const { a, target } = await deskOnline();
    addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    // The first push is taken by the server, then its connection dies before the answer.
    let calls = 0;
    const cutOnce: typeof fetch = async (url, init) => {
      calls++;
      const response = await fetch(url, init);
      if (calls === 1) throw new TypeError('fetch failed', { cause: new Error('other side closed') });
      return response;
    };
    const last = a.desk.reader.rawGet<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log')!.seq;
    expect(await pushPending(a.desk, target, cutOnce)).toEqual({ kind: 'sent', acknowledgedSeq: last });
    expect(calls).toBe(2);
    expect(await serverCount()).toBe(last);
    expect(readSyncProgress(a.desk.reader)).toMatchObject({ attempts: 0, lastError: null });

    // A server that takes too long is not asked twice in a row: the retry timer will.
    addMember(a.desk, a.admin, 'Laurent', 'Poirier');
    let slowCalls = 0;
    const timingOut: typeof fetch = async () => {
      slowCalls++;
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    expect(await pushPending(a.desk, target, timingOut)).toMatchObject({ kind: 'retry' });
    expect(slowCalls).toBe(1);
  });

  it('says it is offline since the server last answered, a push or a pull, whichever came later', async () => {
    const { a, target } = await deskOnline();
    a.clock.set('2026-11-27T13:00:00Z');
    addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    expect((await pushPending(a.desk, target)).kind).toBe('sent');
    // Nothing more to send, but the desk kept pulling until 13 h 05.
    a.clock.set('2026-11-27T13:05:00Z');
    expect((await pullChanges(a.desk, target)).kind).toBe('pulled');
    await app!.close();
    app = null;
    a.clock.set('2026-11-27T13:40:00Z');
    addMember(a.desk, a.admin, 'Laurent', 'Poirier');
    expect((await pushPending(a.desk, target)).kind).toBe('retry');
    expect(readSyncStatus(a.desk.reader)).toMatchObject({ offlineSince: '2026-11-27T13:05:00.000Z', waiting: expect.any(Number), synced: false });
  });

  it('reads the next batch while the server applies one, and still sends what was written meanwhile, or from where the server says it stopped', async () => {
    const { a, target } = await deskOnline();
    await reserveMemberNumbers(a.desk, target, 2 * MAX_PUSH_ENTRIES + 600);
    insertDemoMembers(a.desk, a.admin, MAX_PUSH_ENTRIES + 100);
    const lastSeq = () => a.desk.reader.rawGet<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log')!.seq;
    // Each push's first and last seq; a volunteer's write as some answers come back.
    let pushes: Array<[number, number]> = [];
    const recording =
      (writeOnAnswer: (push: number) => boolean): typeof fetch =>
      async (url, init) => {
        if (!String(url).endsWith('/v1/push')) return fetch(url, init);
        const { entries } = JSON.parse(String(init!.body)) as { entries: Array<{ seq: number }> };
        pushes.push([entries[0]!.seq, entries.at(-1)!.seq]);
        const response = await fetch(url, init);
        if (writeOnAnswer(pushes.length)) addMember(a.desk, a.admin, `Pendant${pushes.length}`, 'Envoi');
        return response;
      };
    const start = readSyncProgress(a.desk.reader).acknowledgedSeq;
    expect(await pushPending(a.desk, target, recording((push) => push <= 2))).toEqual({ kind: 'sent', acknowledgedSeq: lastSeq() });
    expect(pushes[0]).toEqual([start + 1, start + MAX_PUSH_ENTRIES]);
    // One after the other, without a gap or a repeat, the writes made meanwhile included.
    expect(pushes.slice(1).every(([first], i) => first === pushes[i]![1] + 1)).toBe(true);
    expect(pushes.at(-1)![1]).toBe(lastSeq());
    expect(await serverCount()).toBe(lastSeq());

    // A write as the last batch's answer comes back, when the read after it found nothing: read again, and sent.
    addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    const before = lastSeq();
    pushes = [];
    expect(await pushPending(a.desk, target, recording((push) => push === 1))).toEqual({ kind: 'sent', acknowledgedSeq: lastSeq() });
    expect(pushes).toEqual([
      [before, before],
      [before + 1, lastSeq()],
    ]);
    expect(await serverCount()).toBe(lastSeq());

    // A server that says it stopped before the end of a batch gets the rest of it next, not the batch read after it.
    insertDemoMembers(a.desk, a.admin, MAX_PUSH_ENTRIES + 100, 2);
    const from = readSyncProgress(a.desk.reader).acknowledgedSeq;
    const firstSeqs: number[] = [];
    const stoppingShort: typeof fetch = async (url, init) => {
      if (!String(url).endsWith('/v1/push')) return fetch(url, init);
      firstSeqs.push((JSON.parse(String(init!.body)) as { entries: Array<{ seq: number }> }).entries[0]!.seq);
      const response = await fetch(url, init);
      if (firstSeqs.length > 1) return response;
      const answer = (await response.json()) as { acknowledgedSeq: number };
      return Response.json({ ...answer, acknowledgedSeq: from + 500 });
    };
    expect(await pushPending(a.desk, target, stoppingShort)).toEqual({ kind: 'sent', acknowledgedSeq: lastSeq() });
    expect(firstSeqs).toEqual([from + 1, from + 501]);
    expect(await serverCount()).toBe(lastSeq());
    expect(verifyDatabase(a.desk.reader)).toEqual([]);
  }, 60_000);

  it('keeps what a refusal returned on the desk, says why in French, and stops asking', async () => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    const a = await enrolledDesk(sdb);
    const port = await listen();
    addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    await revokeDesk(sdb, { club: 'demo', desk: 'A' });
    const outcome = await pushPending(a.desk, { address: `http://127.0.0.1:${port}`, deskId: a.enrollment.desk.id, credential: a.enrollment.credential });
    expect(outcome).toMatchObject({ kind: 'rejected', status: 403, error: { code: 'DESK_REVOKED' } });
    expect(readSyncProgress(a.desk.reader)).toMatchObject({ acknowledgedSeq: 0, attempts: 0 });
    const status = readSyncStatus(a.desk.reader);
    expect(status.pushRefusal).toMatch(/^Le poste « Accueil » a été retiré du club/);
    expect(status).toMatchObject({ waiting: 2, synced: false });
    expect(await serverCount()).toBe(0);
  });
});

describe('the server’s address and the retry timer', () => {
  it('talks HTTPS, or plain HTTP on this computer only', () => {
    expect(checkServerAddress('https://club.example.org').host).toBe('club.example.org');
    expect(checkServerAddress('http://127.0.0.1:8787').port).toBe('8787');
    expect(checkServerAddress('http://localhost:8787').hostname).toBe('localhost');
    expect(refusal(() => checkServerAddress('http://club.example.org')).message).toBe(
      "L'adresse http://club.example.org n'est pas sécurisée : le serveur du club doit être joint en https:// (http:// n'est permis que sur cet ordinateur même).",
    );
    expect(refusal(() => checkServerAddress('ftp://127.0.0.1')).code).toBe('SERVER_ADDRESS_INSECURE');
    expect(refusal(() => checkServerAddress('club du coin')).code).toBe('INVALID_INPUT');
  });

  it('waits longer after each failure, up to five minutes, never the same for every desk', () => {
    expect(retryDelay(0, () => 0)).toBe(500);
    expect(retryDelay(0, () => 1)).toBe(1000);
    expect(retryDelay(3, () => 0.5)).toBe(6000);
    expect(retryDelay(30, () => 1)).toBe(300_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelay(5)));
    expect(spread.size).toBeGreaterThan(10);
  });
});

describe.each(DIALECTS)('member numbers for a desk joined to a server on %s', (dialect) => {
  it('asks for the next block while 200 numbers are left, so it never runs out offline', async () => {
    const sdb = await testServerDb(dialect);
    await testClub(sdb);
    const app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      await enrolledDesk(sdb, 'demo', 'Poste 2');
      const target = { address: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, deskId: a.enrollment.desk.id, credential: a.enrollment.credential };
      for (let i = 0; i < 801; i++) addMember(a.desk, a.admin, `Membre${i}`, 'Nombreux');
      expect(numbersLeft(a.desk.reader)).toBe(199);
      await pushPending(a.desk, target);
      const blocks = a.desk.reader.rawAll<{ first_number: number; source: string }>('SELECT first_number, source FROM member_number_block ORDER BY first_number');
      expect(blocks).toEqual([
        { first_number: 100_000, source: 'local' },
        { first_number: 102_000, source: 'server' },
      ]);
      for (let i = 0; i < 250; i++) addMember(a.desk, a.admin, `Suite${i}`, 'Nombreux');
      expect(a.desk.reader.rawGet<{ n: number }>('SELECT max(number) AS n FROM member')!.n).toBe(102_050);
      expect(verifyDatabase(a.desk.reader)).toEqual([]);
    } finally {
      await app.close();
      await sdb.close();
    }
  });
});
