import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { downloadSnapshot } from '../../src-main/sync/snapshot-client.js';
import { MIN_PULL_GAP_MS, startSync } from '../../src-main/sync/engine.js';
import { SNAPSHOT_SEQ_HEADER, SNAPSHOT_SHA256_HEADER } from '../../src-shared/sync-protocol.js';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createEnrollmentCode } from '../../src-server/desks.js';
import { newId } from '../../src-main/core/ids.js';
import { systemUserId } from '../../src-main/core/desk/setup.js';
import { readSyncProgress, readSyncTarget } from '../../src-main/core/ledger/sync-progress.js';
import { joinClubServer } from '../../src-main/sync/join.js';
import type { Desk } from '../../src-main/core/desk/desk.js';
import { ensureMemberNumbers, reserveMemberNumbers } from '../../src-main/sync/number-blocks.js';
import { MAX_PAGES_PER_PULL, pullChanges } from '../../src-main/sync/pull-client.js';
import { MAX_ANSWER_BYTES, type SyncTarget } from '../../src-main/sync/transport.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { addMember, newDesk, tempFolder } from '../helpers.js';
import { testClub, testServerDb } from '../server/harness.js';

/** What the stand-in in front of the club's server does with a call: its own answer, the real one changed, or the real one cut after its head. */
type Answer = { status: number; type?: string; body: string; headers?: Record<string, string> } | { change: (json: Record<string, unknown>) => unknown } | 'cut' | 'huge' | 'huge-error' | 'silent' | { gzip: Buffer } | null;

/**
 * The club's real server behind a stand-in on loopback that answers some calls its own way
 * (another site at the address, a proxy whose server is down, a connection cut mid-answer) and
 * passes the rest through; it counts the calls by path.
 */
describe('a desk that meets an answer no Comptoir server gives', () => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  let real: string;
  let front: Server;
  let address: string;
  let answerFor: (path: string) => Answer = () => null;
  const calls = new Map<string, number>();
  let hugeClosed = false;

  const body = (request: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    sdb = await testServerDb('sqlite');
    await testClub(sdb);
    app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    real = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    front = createServer(async (request, response) => {
      const path = request.url!.split('?')[0]!;
      calls.set(path, (calls.get(path) ?? 0) + 1);
      const sent = await body(request);
      const answer = answerFor(path);
      if (typeof answer === 'object' && answer && 'status' in answer) return void response.writeHead(answer.status, { 'content-type': answer.type ?? 'text/html', ...answer.headers }).end(answer.body);
      // Never a word back: the desk must stop waiting on its own.
      if (answer === 'silent') return;
      if (typeof answer === 'object' && answer && 'gzip' in answer) {
        return void response.writeHead(200, { [SNAPSHOT_SEQ_HEADER]: '1', [SNAPSHOT_SHA256_HEADER]: createHash('sha256').update(answer.gzip).digest('hex') }).end(answer.gzip);
      }
      if (answer === 'huge' || answer === 'huge-error') {
        // Chunked, without a length: a megabyte at a time until the desk stops reading.
        response.writeHead(answer === 'huge' ? 200 : 500, { 'content-type': 'application/json' });
        const megabyte = Buffer.alloc(1024 * 1024, 0x20);
        const more = () => {
          while (!response.destroyed && response.write(megabyte));
          if (!response.destroyed) response.once('drain', more);
        };
        response.on('close', () => (hugeClosed = true));
        return more();
      }
      const passed = await fetch(`${real}${request.url}`, {
        method: request.method!,
        headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => ['authorization', 'content-type'].includes(name))) as Record<string, string>,
        ...(sent.length ? { body: new Uint8Array(sent) } : {}),
      });
      let text = await passed.text();
      if (typeof answer === 'object' && answer) text = JSON.stringify(answer.change(JSON.parse(text) as Record<string, unknown>));
      response.writeHead(passed.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      if (answer !== 'cut') return void response.end(text);
      // The server took the call; the desk hears its head and half its answer.
      response.write(text.slice(0, text.length / 2));
      response.socket?.destroy();
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    front.closeAllConnections();
    front.close();
    await app.close();
    await sdb.close();
  });

  const code = async () => (await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 5' })).code;
  const invalid = (at: string) => `L'adresse ${at} répond, mais pas comme le serveur d'un club Comptoir (ou d'une autre version) : vérifiez l'adresse du serveur. Rien n'a été enregistré sur ce poste.`;
  /** A desk joined through the club's real server, then pointed at the stand-in; closed after `work`. */
  const withJoinedDesk = async (work: (desk: Desk, front: SyncTarget) => Promise<void>) => {
    answerFor = () => null;
    const desk = await joinClubServer(join(tempFolder(), 'poste.sqlite'), { address: real, code: await code() });
    try {
      await work(desk, { ...readSyncTarget(desk.reader)!, address });
    } finally {
      desk.close();
    }
  };

  it('joins nothing and leaves no file when the address answers as another site, or with values a desk cannot take, asking once', async () => {
    const folder = tempFolder();
    const changed = (change: (answer: { desk: Record<string, unknown>; memberNumbers: Record<string, unknown> }) => void) => ({
      change: (json: Record<string, unknown>) => {
        change(json as { desk: Record<string, unknown>; memberNumbers: Record<string, unknown> });
        return json;
      },
    });
    const answers: [string, Answer][] = [
      ['a web page', { status: 200, body: '<!doctype html><title>Club</title>' }],
      ['a page not found', { status: 404, body: '<h1>Not Found</h1>' }],
      ['a refusal not in Comptoir’s words', { status: 400, type: 'application/json', body: '{"message":"bad"}' }],
      ['a method not allowed', { status: 405, type: 'text/plain', body: 'Method Not Allowed' }],
      ['numbers backwards', changed((a) => (a.memberNumbers.first = Number(a.memberNumbers.last) + 1))],
      ['numbers past nine digits', changed((a) => (a.memberNumbers.last = 1_000_000_000_000))],
      ['a receipt prefix a desk cannot print', changed((a) => (a.desk.receiptPrefix = 'abcdef'))],
      ['a desk with no name', changed((a) => (a.desk.name = ' '))],
    ];
    for (const [what, answer] of answers) {
      answerFor = (path) => (path === '/v1/enroll' ? answer : null);
      calls.clear();
      const file = join(folder, 'poste.sqlite');
      await expect(joinClubServer(file, { address, code: await code() }), what).rejects.toThrow(invalid(address));
      expect(existsSync(file), what).toBe(false);
      expect(calls.get('/v1/enroll'), what).toBe(1);
    }
  });

  it('tries its enrollment again when the answer was cut after its head, and gets the desk the server made', async () => {
    let cuts = 0;
    answerFor = (path) => (path === '/v1/enroll' && cuts++ < 2 ? 'cut' : null);
    calls.clear();
    const desk = await joinClubServer(join(tempFolder(), 'poste.sqlite'), { address, code: await code() });
    try {
      expect(calls.get('/v1/enroll')).toBe(3);
      const target = readSyncTarget(desk.reader)!;
      expect(await sdb.db.selectFrom('desk').select('id').where('id', '=', target.deskId).execute()).toHaveLength(1);
    } finally {
      desk.close();
    }
  }, 15_000);

  it('takes a proxy whose server is down for no answer: tried again, then said to be unreachable, no file left', async () => {
    answerFor = (path) => (path === '/v1/enroll' ? { status: 502, body: '<h1>502 Bad Gateway</h1>' } : null);
    calls.clear();
    const file = join(tempFolder(), 'poste.sqlite');
    await expect(joinClubServer(file, { address, code: await code() })).rejects.toThrow(`Le serveur du club (${address}) ne répond pas.`);
    expect(calls.get('/v1/enroll')).toBe(3);
    expect(existsSync(file)).toBe(false);
  }, 15_000);

  it('keeps out a block of numbers it already has and says why in French, whether it asked on its own or for an import', async () => {
    answerFor = () => null;
    const joined = await joinClubServer(join(tempFolder(), 'poste.sqlite'), { address: real, code: await code() });
    const target = readSyncTarget(joined.reader)!;
    joined.close();
    // The same desk with a small block of its own, so that it asks for the next one when it pushes.
    const { desk, admin } = newDesk({ numbers: { first: 500_000, last: 500_050 }, enrolled: { deskId: target.deskId, numberBlockId: newId() } });
    try {
      addMember(desk, admin, 'Ginette', 'Lachance');
      const blocks = () => desk.reader.rawAll('SELECT * FROM member_number_block');
      const before = blocks();
      answerFor = (path) => (path === '/v1/number-blocks' ? { status: 200, type: 'application/json', body: JSON.stringify({ blockId: newId(), first: 500_040, last: 501_039 }) } : null);
      const front = { ...target, address };
      const overlap = /^Le serveur du club a donné à ce poste les numéros de membre 500040 à 501039, dont certains sont déjà à ce poste/;
      expect(await ensureMemberNumbers(desk, front)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(overlap) });
      await expect(reserveMemberNumbers(desk, front, 5000)).rejects.toThrow(overlap);
      expect(blocks()).toEqual(before);
    } finally {
      desk.close();
    }
  });

  it('neither loops nor marks its work refused when a push or a pull gets an answer no Comptoir server gives', async () => {
    await withJoinedDesk(async (desk, target) => {
    addMember(desk, { userId: systemUserId(desk) }, 'Laurent', 'Poirier');
    const acknowledged = readSyncProgress(desk.reader).acknowledgedSeq;
    for (const answer of [
      { status: 200, type: 'application/json', body: JSON.stringify({ acknowledgedSeq: 0, serverSeq: 0, clockOffsetMs: null }) },
      { status: 404, body: '<h1>Not Found</h1>' },
    ]) {
      answerFor = (path) => (path === '/v1/push' ? answer : null);
      calls.clear();
      expect(await pushPending(desk, target)).toEqual({ kind: 'retry', reason: invalid(address), foreign: true });
      expect(calls.get('/v1/push')).toBe(1);
      expect(readSyncProgress(desk.reader)).toMatchObject({ acknowledgedSeq: acknowledged, lastError: invalid(address) });
    }
    // « More » from a cursor that does not move on.
    answerFor = (path) => (path === '/v1/pull' ? { status: 200, type: 'application/json', body: JSON.stringify({ entries: [], keys: [], cursor: 0, head: 9, more: true }) } : null);
    calls.clear();
    expect(await pullChanges(desk, target)).toEqual({ kind: 'retry', reason: invalid(address), foreign: true });
    expect(calls.get('/v1/pull')).toBe(1);
    });
  });

  it('follows no redirect: a push sent elsewhere would carry members’ keys there, plain HTTP included', async () => {
    await withJoinedDesk(async (desk, target) => {
    addMember(desk, { userId: systemUserId(desk) }, 'Laurent', 'Poirier');
    const pushed = await sdb.db.selectFrom('operation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    // Worded like the server's refusal or not: a redirect is another site's answer, never « à vérifier ».
    const refusal = JSON.stringify({ error: { code: 'CHAIN_BROKEN', message: 'Texte choisi par un autre site', messageEn: 'x' } });
    for (const [status, body] of [[301, ''], [302, refusal], [307, ''], [308, refusal]] as const) {
      answerFor = (path) => (path === '/v1/push' ? { status, type: 'application/json', body, headers: { location: `${real}/v1/push` } } : null);
      expect(await pushPending(desk, target), String(status)).toEqual({ kind: 'retry', reason: invalid(address), foreign: true });
    }
    expect(await sdb.db.selectFrom('operation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(pushed);
    });
    answerFor = (path) => (path === '/v1/enroll' ? { status: 307, body: '', headers: { location: `${real}/v1/enroll` } } : null);
    const file = join(tempFolder(), 'poste.sqlite');
    await expect(joinClubServer(file, { address, code: await code() })).rejects.toThrow(invalid(address));
    expect(existsSync(file)).toBe(false);
  });

  it('stops reading an answer larger than any a Comptoir server gives', async () => {
    answerFor = (path) => (path === '/v1/enroll' ? 'huge' : null);
    hugeClosed = false;
    const file = join(tempFolder(), 'poste.sqlite');
    await expect(joinClubServer(file, { address, code: await code() })).rejects.toThrow(invalid(address));
    expect(existsSync(file)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hugeClosed).toBe(true);
    // Said by its length alone, before any of it is read.
    answerFor = (path) => (path === '/v1/enroll' ? { status: 200, type: 'application/json', body: '{}', headers: { 'content-length': String(MAX_ANSWER_BYTES + 1) } } : null);
    await expect(joinClubServer(file, { address, code: await code() })).rejects.toThrow(invalid(address));
  });

  it('takes an acknowledgement only as far as it sent, so what comes after is still sent and checked', async () => {
    await withJoinedDesk(async (desk, target) => {
    for (let i = 0; i < 3; i++) addMember(desk, { userId: systemUserId(desk) }, `Membre${i}`, 'Suivant');
    const last = desk.reader.rawGet<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log')!.seq;
    // The real server takes what it was sent and says it holds a hundred more.
    answerFor = (path) => (path === '/v1/push' ? { change: (json) => ({ ...json, acknowledgedSeq: Number(json.acknowledgedSeq) + 100 }) } : null);
    expect(await pushPending(desk, target)).toEqual({ kind: 'sent', acknowledgedSeq: last });
    expect(readSyncProgress(desk.reader).acknowledgedSeq).toBe(last);
    });
  });

  it('applies nothing of a page that breaks another desk’s chain, says why in French, and still joins', async () => {
    answerFor = () => null;
    const other = await joinClubServer(join(tempFolder(), 'autre.sqlite'), { address: real, code: await code() });
    const otherId = readSyncTarget(other.reader)!.deskId;
    addMember(other, { userId: systemUserId(other) }, 'Ginette', 'Lachance');
    await pushPending(other, readSyncTarget(other.reader)!);
    other.close();
    answerFor = (path) =>
      path === '/v1/pull' ? { change: (json) => ({ ...json, entries: (json.entries as { deskId: string; seq: number }[]).filter((e) => !(e.deskId === otherId && e.seq === 1)) }) } : null;
    const desk = await joinClubServer(join(tempFolder(), 'poste.sqlite'), { address, code: await code() });
    try {
      expect(readSyncProgress(desk.reader).lastError).toMatch(/^Le serveur du club a envoyé une entrée \(2\) du journal d'un autre poste qui ne suit pas la précédente\. Rien de cette page n'a été appliqué/);
      expect(desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM pulled_entry')!.n).toBe(0);
    } finally {
      desk.close();
    }
  });

  it('keeps out a block whose id it already holds, and pulls no more than a thousand pages in one go', async () => {
    await withJoinedDesk(async (desk, target) => {
    const held = desk.reader.rawGet<{ id: string }>('SELECT id FROM member_number_block')!.id;
    answerFor = (path) => (path === '/v1/number-blocks' ? { status: 200, type: 'application/json', body: JSON.stringify({ blockId: held, first: 900_000, last: 900_999 }) } : null);
    await expect(reserveMemberNumbers(desk, target, 100_000)).rejects.toThrow(/^Le serveur du club a donné à ce poste les numéros de membre 900000 à 900999/);
    // « More » for ever, the cursor a step further each time.
    const from = desk.reader.rawGet<{ c: number }>('SELECT pull_cursor AS c FROM sync_state')!.c;
    let step = from;
    answerFor = (path) => (path === '/v1/pull' ? { status: 200, type: 'application/json', body: JSON.stringify({ entries: [], keys: [], cursor: ++step, head: step + 1, more: true }) } : null);
    calls.clear();
    expect(await pullChanges(desk, target)).toMatchObject({ kind: 'pulled', cursor: from + MAX_PAGES_PER_PULL });
    expect(calls.get('/v1/pull')).toBe(MAX_PAGES_PER_PULL);
    });
  }, 30_000);
  it('gives up a snapshot that never answers, reads no more of a refusal than a refusal holds, stops a gzip that unfolds too far, and still joins', async () => {
    await withJoinedDesk(async (_desk, target) => {
      answerFor = (path) => (path === '/v1/snapshot' ? 'silent' : null);
      const started = performance.now();
      expect(await downloadSnapshot(target, () => {}, fetch, 60_000, { firstAnswerMs: 300 })).toMatchObject({ kind: 'none' });
      expect(performance.now() - started).toBeLessThan(5_000);
      answerFor = (path) => (path === '/v1/snapshot' ? { gzip: gzipSync(Buffer.alloc(8 * 1024 * 1024)) } : null);
      expect(await downloadSnapshot(target, () => {}, fetch, 60_000, { maxBytes: 1024 * 1024 })).toEqual({ kind: 'none', reason: 'more than 1048576 bytes once unzipped' });
    });
    // A refusal that never ends: the join reads a little of it, then takes the club from the log.
    answerFor = (path) => (path === '/v1/snapshot' ? 'huge-error' : null);
    hugeClosed = false;
    const desk = await joinClubServer(join(tempFolder(), 'poste.sqlite'), { address, code: await code() });
    desk.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hugeClosed).toBe(true);
  });
  it('asks a server that answers at once with nothing new again only after a pause, never in a tight loop', async () => {
    await withJoinedDesk(async (desk, target) => {
      const cursor = desk.reader.rawGet<{ c: number }>('SELECT pull_cursor AS c FROM sync_state')!.c;
      answerFor = (path) => (path === '/v1/pull' ? { status: 200, type: 'application/json', body: JSON.stringify({ entries: [], keys: [], cursor, head: cursor, more: false }) } : null);
      calls.clear();
      const engine = startSync(desk, target);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await engine.stop();
      // Some four pulls in two seconds, half a second apart (thousands without the pause).
      expect(calls.get('/v1/pull')).toBeGreaterThanOrEqual(2);
      expect(calls.get('/v1/pull')).toBeLessThanOrEqual(2_000 / MIN_PULL_GAP_MS + 1);
    });
  });
});
