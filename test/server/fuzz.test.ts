import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { entriesToPush } from '../../src-main/sync/outgoing.js';
import { serverErrorSchema } from '../../src-shared/sync-protocol.js';
import { addMember } from '../helpers.js';
import { DIALECTS, enrolledDesk, testClub, testServerDb } from './harness.js';

/** A small seeded generator (mulberry32): every run fuzzes the same cases, a failure replays. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const strings = ['', ' ', 'A', 'null', '0', '-1', '1e309', '../../etc/passwd', "'; DROP TABLE operation; --", '<script>', 'é'.repeat(3), '\u0000', 'x'.repeat(5000), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'];
  const value = (depth: number): unknown => {
    switch (int(depth > 2 ? 6 : 9)) {
      case 0: return null;
      case 1: return next() < 0.5;
      case 2: return pick([0, -1, 1, 2 ** 53, -(2 ** 31), 1.5, Number.MAX_SAFE_INTEGER]);
      case 3: return pick(strings);
      case 4: return int(1000);
      case 5: return pick(strings) + String(int(100));
      case 6: return Array.from({ length: int(4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['seq', 'entries', 'keys', 'code', 'hash', 'prevHash', 'deskId', 'after', 'x']), value(depth + 1)]));
    }
  };
  /** A valid body with one thing broken: a field dropped, retyped or replaced. */
  const mutate = (body: unknown): unknown => {
    if (body === null || typeof body !== 'object') return value(0);
    const copy: Record<string, unknown> = Array.isArray(body) ? ([...body] as unknown as Record<string, unknown>) : { ...(body as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length === 0) return value(0);
    const key = pick(keys);
    const roll = int(4);
    if (roll === 0) delete copy[key];
    else if (roll === 1) copy[key] = value(1);
    else if (roll === 2) copy[key] = mutate(copy[key]);
    else copy[`${key}Extra`] = value(1);
    return copy;
  };
  return { next, int, pick, value, mutate };
}

const CASES = 1000;

describe.each(DIALECTS)('every route under 1,000 random and broken requests, on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  let authorization: string;
  let otherAuthorization: string;
  let validPush: ReturnType<typeof entriesToPush>;

  beforeAll(async () => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    app = await buildServer(sdb, { ratePerMinute: 1_000_000, enrollPerMinute: 1_000_000 });
    const a = await enrolledDesk(sdb, 'demo', 'Accueil');
    const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
    addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    authorization = a.authorization;
    otherAuthorization = b.authorization;
    validPush = entriesToPush(a.desk.reader, 0, 500);
  });
  afterAll(async () => {
    await app.close();
    await sdb.close();
  });

  const held = async () => Number((await sdb.db.selectFrom('operation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** No 5xx, ever; every refusal is the catalogue's data with a French message. */
  const expectAnswered = (reply: { statusCode: number; body: string }, what: string) => {
    expect(reply.statusCode, `${what} → ${reply.body.slice(0, 300)}`).toBeLessThan(500);
    if (reply.statusCode >= 400) {
      const parsed = serverErrorSchema.safeParse(JSON.parse(reply.body));
      expect(parsed.success, `${what} → ${reply.body.slice(0, 300)}`).toBe(true);
      expect(parsed.data!.error.message.length).toBeGreaterThan(10);
    }
  };

  it('POST /v1/push: garbage, broken entries, forged desks and credentials change nothing', async () => {
    const g = generator(1);
    const headers = () =>
      g.pick([
        { authorization },
        { authorization: otherAuthorization },
        { authorization: `${authorization}x` },
        { authorization: authorization.replace(/\.(.)/, '.Z') },
        { authorization: 'Bearer ' + g.pick(['', '.', 'a.b', '01a.' + 'x'.repeat(43)]) },
        {},
      ]);
    for (let i = 0; i < CASES; i++) {
      const body = g.next() < 0.5 ? g.value(0) : { ...validPush, entries: validPush.entries.map((e, j) => (j === g.int(validPush.entries.length) ? g.mutate(e) : e)) };
      const raw = g.next() < 0.1 ? String(g.value(0)).slice(0, 50) + '{' : JSON.stringify(body);
      const reply = await app.inject({ method: 'POST', url: '/v1/push', headers: { ...headers(), 'content-type': 'application/json' }, payload: raw });
      expectAnswered(reply, `push case ${i}`);
    }
    // A broken case may still be an honest push (a dropped `keys` reads as none): the desk's
    // entries are then held once, never twice, never altered.
    expect([0, validPush.entries.length]).toContain(await held());
    // The honest push goes through; replayed, it changes nothing.
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization }, payload: validPush })).statusCode).toBe(200);
    expect(await held()).toBe(validPush.entries.length);
  });

  it('GET /v1/pull: any query, any credential', async () => {
    const g = generator(2);
    for (let i = 0; i < CASES; i++) {
      const query = new URLSearchParams(
        Object.fromEntries(Array.from({ length: g.int(4) }, () => [g.pick(['after', 'limit', 'wait', 'x', 'after[]']), String(g.value(2)).slice(0, 40)])),
      ).toString();
      const headers = g.pick([{ authorization }, { authorization: 'Bearer x.y' }, {}]);
      const reply = await app.inject({ method: 'GET', url: `/v1/pull?${query.replace(/wait=[^&]*/, 'wait=0')}`, headers });
      expectAnswered(reply, `pull case ${i} (${query})`);
    }
  });

  it('POST /v1/enroll and unknown routes: codes cannot be guessed, nothing is created', async () => {
    const g = generator(3);
    const desksBefore = (await sdb.db.selectFrom('desk').select('id').execute()).length;
    for (let i = 0; i < CASES; i++) {
      const body = g.next() < 0.6 ? { code: g.pick(['ABCD-EFGH-JKMN', String(g.value(2)), 'x'.repeat(g.int(80))]) } : g.value(0);
      const reply = await app.inject({ method: g.pick(['POST', 'GET', 'PUT', 'DELETE']), url: g.pick(['/v1/enroll', '/v1/enroll/', '/v1/x', '/', '/v1/push/../enroll']), headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      expectAnswered(reply, `enroll case ${i}`);
      expect(reply.statusCode, `enroll case ${i}`).not.toBe(200);
    }
    expect((await sdb.db.selectFrom('desk').select('id').execute()).length).toBe(desksBefore);
  });
});
