import { createHash, randomBytes } from 'node:crypto';
import { connect, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createEnrollmentCode, enrollDesk, revokeDesk } from '../../src-server/desks.js';
import { entriesToPush } from '../../src-main/sync/outgoing.js';
import { newId } from '../../src-main/core/ids.js';
import { updateMember } from '../../src-main/core/members/members.js';
import { eraseMember } from '../../src-main/core/privacy/erasure.js';
import type { EnrollResponse, LogEntry, PullResponse, PushResponse, ServerError } from '../../src-shared/sync-protocol.js';
import { addMember, legacyDeskFile, openDrawer } from '../helpers.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { systemUserId } from '../../src-main/core/desk/setup.js';
import { fixedClock } from '../../src-shared/clock.js';
import { memberDetails } from '../../src-server/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { recordServerOperations } from '../../src-server/server-author.js';
import { clubPage } from '../../src-server/pull.js';
import { entryHash, GENESIS_HASH } from '../../src-main/core/ledger/audit.js';
import { sealFields } from '../../src-main/core/privacy/sealing.js';
import { jsonHoldsLoneSurrogate, jsonHoldsNul } from '../../src-shared/validation.js';
import { auditFieldsOf } from '../../src-main/core/ledger/log-entry.js';

import { DIALECTS, enrolledDesk, testClub, testServerDb } from './harness.js';

describe.each(DIALECTS)('the central server on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance;

  beforeEach(async () => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    app = await buildServer(sdb);
  });
  afterEach(async () => {
    await app.close();
    await sdb.close();
  });

  const push = (authorization: string, body: unknown) =>
    app.inject({ method: 'POST', url: '/v1/push', headers: { authorization }, payload: body as object });
  const pull = async (authorization: string, query = '') => {
    const reply = await app.inject({ method: 'GET', url: `/v1/pull${query}`, headers: { authorization } });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json<PullResponse>();
  };
  /** The member keys the server holds, by member. */
  const storedKeys = () => sdb.db.selectFrom('server_member').select(['id as member_id', 'key']).where('key', 'is not', null).orderBy('id').execute();
  const operations = async () => Number((await sdb.db.selectFrom('operation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('enrollment', () => {
    it('trades a one-time code for a desk of its own: id, unique receipt prefix, credential, a block of numbers no other desk holds', async () => {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      expect([a.enrollment.desk.receiptPrefix, b.enrollment.desk.receiptPrefix]).toEqual(['A', 'B']);
      expect(a.enrollment.desk.name).toBe('Accueil');
      expect(a.enrollment.memberNumbers.last).toBeLessThan(b.enrollment.memberNumbers.first);
      // The server keeps only the credential's hash.
      const stored = await sdb.db.selectFrom('desk').select('credential_hash').execute();
      expect(JSON.stringify(stored)).not.toContain(a.enrollment.credential);
    });

    it('refuses a code already used, mistyped or expired, in French, and creates nothing', async () => {
      const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Accueil' });
      const first = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: code.toLowerCase().replace(/-/g, ' ') } });
      expect(first.statusCode).toBe(200);
      for (const attempt of [code, 'ABCD-EFGH-JKMN']) {
        const again = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: attempt } });
        expect(again.statusCode).toBe(400);
        expect(again.json<ServerError>().error.message).toMatch(/^Ce code d'inscription n'est pas valide/);
      }
      const old = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Vieux' }, new Date(Date.now() - 25 * 3_600_000));
      expect((await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: old.code } })).json<ServerError>().error.code).toBe('ENROLLMENT_CODE_INVALID');
      expect(await sdb.db.selectFrom('desk').select('id').execute()).toHaveLength(1);
    });

    it('gives the same desk again, with a new credential, to the same attempt whose answer was lost; another attempt is refused', async () => {
      const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Accueil' });
      const enroll = (payload: object) => app.inject({ method: 'POST', url: '/v1/enroll', payload });
      const attempt = 'tentative-de-salle-2-0123456789';
      const first = await enroll({ code, attempt });
      expect(first.statusCode, first.body).toBe(200);
      const again = await enroll({ code, attempt });
      expect(again.statusCode, again.body).toBe(200);
      const [a, b] = [first.json<EnrollResponse>(), again.json<EnrollResponse>()];
      expect(b.desk).toEqual(a.desk);
      expect(b.memberNumbers).toEqual(a.memberNumbers);
      expect(b.credential).not.toBe(a.credential);
      expect(await sdb.db.selectFrom('desk').select('id').execute()).toHaveLength(1);
      // The credential never received stops working; the new one works.
      expect((await push(`Bearer ${a.desk.id}.${a.credential}`, { entries: [] })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/v1/pull', headers: { authorization: `Bearer ${b.desk.id}.${b.credential}` } })).statusCode).toBe(200);
      for (const payload of [{ code }, { code, attempt: 'une-autre-tentative-0123456789' }]) {
        const refused = await enroll(payload);
        expect(refused.statusCode).toBe(400);
        expect(refused.json<ServerError>().error.message).toMatch(/^Ce code d'inscription n'est pas valide/);
      }
      // Nor once the desk is revoked.
      await revokeDesk(sdb, { club: 'demo', desk: a.desk.receiptPrefix });
      expect((await enroll({ code, attempt })).statusCode).toBe(400);
    });

    it('gives desks enrolling at once different receipt prefixes and number blocks', async () => {
      const codes = await Promise.all(Array.from({ length: 6 }, (_, i) => createEnrollmentCode(sdb, { club: 'demo', deskName: `Poste ${i + 1}` })));
      const desks = await Promise.all(codes.map(({ code }) => enrollDesk(sdb, { code })));
      expect(new Set(desks.map((d) => d.desk.receiptPrefix)).size).toBe(6);
      const blocks = desks.map((d) => d.memberNumbers).sort((x, y) => x.first - y.first);
      blocks.slice(1).forEach((block, i) => expect(block.first).toBeGreaterThan(blocks[i]!.last));
      // The database itself refuses a second block starting where another does.
      const [one] = await sdb.db.selectFrom('member_number_block').selectAll().execute();
      await expect(sdb.db.insertInto('member_number_block').values({ ...one!, id: 'autre' }).execute()).rejects.toThrow();
    });

    it('hands out further blocks of numbers, never the same twice, however many desks ask at once', async () => {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const asks = await Promise.all(
        Array.from({ length: 10 }, (_, i) => app.inject({ method: 'POST', url: '/v1/number-blocks', headers: { authorization: i % 2 ? a.authorization : b.authorization }, payload: {} })),
      );
      const blocks = [a.enrollment.memberNumbers, b.enrollment.memberNumbers, ...asks.map((reply) => reply.json<{ first: number; last: number }>())].sort((x, y) => x.first - y.first);
      expect(blocks).toHaveLength(12);
      blocks.slice(1).forEach((block, i) => expect(block.first).toBeGreaterThan(blocks[i]!.last));
    });

    it('lets only one of two desks racing with the same code in', async () => {
      const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Accueil' });
      const results = await Promise.allSettled([enrollDesk(sdb, { code }), enrollDesk(sdb, { code })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });
  });

  describe('push', () => {
    it('applies a desk’s log exactly once: a repeated push changes nothing', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      addMember(a.desk, a.admin, 'Laurent', 'Poirier');
      const batch = entriesToPush(a.desk.reader, 0, 500);
      const first = await push(a.authorization, batch);
      expect(first.statusCode, first.body).toBe(200);
      const last = batch.entries.at(-1)!.seq;
      expect(first.json<PushResponse>()).toEqual({ acknowledgedSeq: last, serverSeq: batch.entries.length, clockOffsetMs: null });
      const again = await push(a.authorization, batch);
      expect(again.json<PushResponse>()).toEqual({ acknowledgedSeq: last, serverSeq: batch.entries.length, clockOffsetMs: null });
      expect(await operations()).toBe(batch.entries.length);
      // Half old, half new: the old half is skipped, the new half applied.
      addMember(a.desk, a.admin, 'Yvette', 'Sirois');
      const overlapping = entriesToPush(a.desk.reader, last - 1, 500);
      expect((await push(a.authorization, overlapping)).json<PushResponse>().acknowledgedSeq).toBe(overlapping.entries.at(-1)!.seq);
      expect(await operations()).toBe(overlapping.entries.at(-1)!.seq);
    });

    it('keeps only the member keys that sealed the entries pushed: none slipped in for another member, none that opens nothing', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      const batch = entriesToPush(a.desk.reader, 0, 500);
      const [genuine] = batch.keys;
      expect(batch.keys).toHaveLength(1);
      const otherMember = { memberId: newId(), key: randomBytes(32).toString('base64') };
      const wrongKey = { memberId: genuine!.memberId, key: randomBytes(32).toString('base64') };
      // The wrong key first: were it taken, the genuine one could never replace it.
      const reply = await push(a.authorization, { ...batch, keys: [wrongKey, otherMember, genuine] });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(await storedKeys()).toEqual([{ member_id: genuine!.memberId, key: genuine!.key }]);
    });

    /** Ginette pushed without her key (the server holds her details sealed, and no key), then edited on the desk: the edit not pushed yet. */
    const heldWithoutKeyThenEdited = async (a: Awaited<ReturnType<typeof enrolledDesk>>) => {
      const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      const created = entriesToPush(a.desk.reader, 0, 500);
      expect((await push(a.authorization, { ...created, keys: [] })).statusCode).toBe(200);
      updateMember(a.desk, a.admin, ginette, { phone: '514 555-0101' });
      return { created, edited: entriesToPush(a.desk.reader, created.entries.at(-1)!.seq, 500), key: created.keys[0]! };
    };

    it('takes a key for a member it held without one, never a second key, and none for a member erased in the same push', async () => {
      const a = await enrolledDesk(sdb);
      const { edited, key } = await heldWithoutKeyThenEdited(a);
      const otherKey = { memberId: key.memberId, key: randomBytes(32).toString('base64') };
      expect((await push(a.authorization, { ...edited, keys: [otherKey, ...edited.keys] })).statusCode).toBe(200);
      expect(await storedKeys()).toEqual([{ member_id: key.memberId, key: key.key }]);

      // Created and erased before the desk could push: the key it still has a copy of stays out.
      const laurent = addMember(a.desk, a.admin, 'Laurent', 'Poirier');
      const laurentKey = entriesToPush(a.desk.reader, edited.entries.at(-1)!.seq, 500).keys;
      eraseMember(a.desk, a.admin, { number: laurent, reason: 'request' });
      const erased = entriesToPush(a.desk.reader, edited.entries.at(-1)!.seq, 500);
      expect(laurentKey).toHaveLength(1);
      expect((await push(a.authorization, { ...erased, keys: laurentKey })).statusCode).toBe(200);
      expect(await storedKeys()).toEqual([{ member_id: key.memberId, key: key.key }]);
    });

    /** Entries numbered and chained again after `after`, as a desk that wrote them in this order would have. */
    const rechained = (entries: LogEntry[], after: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) => {
      let previous = after;
      return entries.map((e) => {
        const entry = { ...e, seq: previous.seq + 1, prevHash: previous.hash };
        entry.hash = entryHash(entry.prevHash, auditFieldsOf(entry));
        return (previous = entry);
      });
    };
    const memberRow = (id: string) => sdb.db.selectFrom('server_member').select(['details_json', 'erased_at']).where('id', '=', id).executeTakeFirst();

    it('lets an erasure hold whatever order it arrives in: a create pushed after it brings neither the member back nor its key', async () => {
      for (const together of [false, true]) {
        const a = await enrolledDesk(sdb, 'demo', together ? 'Poste 2' : 'Accueil');
        const laurent = addMember(a.desk, a.admin, 'Laurent', 'Poirier');
        const { keys } = entriesToPush(a.desk.reader, 0, 500);
        eraseMember(a.desk, a.admin, { number: laurent, reason: 'request' });
        const { entries } = entriesToPush(a.desk.reader, 0, 500);
        const create = entries.find((e) => e.action === 'member.create')!;
        // The erase first, the create after: in two pushes, or in one.
        const reordered = rechained([...entries.filter((e) => e !== create), create]);
        const batches = together ? [reordered] : [reordered.slice(0, -1), reordered.slice(-1)];
        for (const batch of batches) {
          const reply = await push(a.authorization, { entries: batch, keys });
          expect(reply.statusCode, reply.body).toBe(200);
        }
        expect(await memberRow(create.entityId)).toEqual({ details_json: null, erased_at: expect.any(String) });
        expect(await storedKeys()).toEqual([]);
      }
    });

    it('takes a key only from the first box sealed for its member where desks seal, never from text shaped like one elsewhere', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      const created = entriesToPush(a.desk.reader, 0, 500);
      const ginetteId = created.entries.find((e) => e.action === 'member.create')!.entityId;
      // Held without a key (pushed as a desk before sealing did).
      expect((await push(a.authorization, { ...created, keys: [] })).statusCode).toBe(200);
      const evil = randomBytes(32);
      const evilKey = { memberId: ginetteId, key: evil.toString('base64') };
      const fakeBox = sealFields({ lastName: 'X' }, evil, ginetteId, newId());
      // A box for Ginette in an entry of another kind (the desk's drawer opening): no desk writes that.
      openDrawer(a.desk, a.admin);
      const opened = entriesToPush(a.desk.reader, created.entries.at(-1)!.seq, 500).entries;
      const junk = rechained(
        opened.map((e) => ({ ...e, afterJson: JSON.stringify({ ...JSON.parse(e.afterJson!), note: fakeBox }) })),
        created.entries.at(-1)!,
      );
      const reply = await push(a.authorization, { entries: junk, keys: [evilKey] });
      expect(reply.statusCode, reply.body).toBe(400);
      // Box-shaped text where a desk writes text (a new member's notes) is text.
      addMember(a.desk, a.admin, 'Rolande', 'Ouellet', { notes: JSON.stringify(fakeBox) });
      const noted = entriesToPush(a.desk.reader, created.entries.at(-1)!.seq, 500);
      const rolande = noted.keys.filter((k) => k.memberId !== ginetteId);
      expect((await push(a.authorization, { ...noted, keys: [evilKey, ...rolande] })).statusCode).toBe(200);
      expect((await storedKeys()).map((k) => k.member_id)).toEqual(rolande.map((k) => k.memberId));

      // A new member with its genuine box, then an edit sealed with another key in the same push.
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const yvette = addMember(b.desk, b.admin, 'Yvette', 'Sirois');
      updateMember(b.desk, b.admin, yvette, { phone: '514 555-0101' });
      const { entries, keys } = entriesToPush(b.desk.reader, 0, 500);
      const [genuine] = keys;
      const edit = entries.find((e) => e.action === 'member.update')!;
      const other = randomBytes(32);
      const facts = JSON.parse(edit.afterJson!) as { changes: Record<string, unknown> };
      const forged = { ...edit, afterJson: JSON.stringify({ ...facts, changes: sealFields({ phone: '514 555-0199' }, other, edit.entityId, edit.operationId) }) };
      const batch = rechained(entries.map((e) => (e === edit ? forged : e)));
      const second = await push(b.authorization, { entries: batch, keys: [{ memberId: edit.entityId, key: other.toString('base64') }, genuine] });
      expect(second.statusCode, second.body).toBe(200);
      expect((await storedKeys()).filter((k) => k.member_id === genuine!.memberId)).toEqual([{ member_id: genuine!.memberId, key: genuine!.key }]);
    });

    it('gives a member held without a key only the key that sealed its details, and a new member the key of its own creation', async () => {
      const a = await enrolledDesk(sdb);
      const { created, edited, key: genuine } = await heldWithoutKeyThenEdited(a);
      const edit = edited.entries.find((e) => e.action === 'member.update')!;
      const evil = randomBytes(32);
      const facts = JSON.parse(edit.afterJson!) as { changes: Record<string, unknown> };
      // The same edit sealed with another key, sent with that key: it opens its own box, not her details.
      const forged = rechained([{ ...edit, afterJson: JSON.stringify({ ...facts, changes: sealFields({ phone: '514 555-0199' }, evil, edit.entityId, edit.operationId) }) }], created.entries.at(-1)!);
      expect((await push(a.authorization, { entries: forged, keys: [{ memberId: edit.entityId, key: evil.toString('base64') }] })).statusCode).toBe(200);
      expect(await storedKeys()).toEqual([]);

      // A new member whose edit, sealed with another key, comes before its creation in the batch.
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const yvette = addMember(b.desk, b.admin, 'Yvette', 'Sirois');
      updateMember(b.desk, b.admin, yvette, { phone: '514 555-0102' });
      const { entries, keys } = entriesToPush(b.desk.reader, 0, 500);
      const create = entries.find((e) => e.action === 'member.create')!;
      const update = entries.find((e) => e.action === 'member.update')!;
      const other = randomBytes(32);
      const updateFacts = JSON.parse(update.afterJson!) as { changes: Record<string, unknown> };
      const resealed = { ...update, afterJson: JSON.stringify({ ...updateFacts, changes: sealFields({ phone: '514 555-0102' }, other, update.entityId, update.operationId) }) };
      const reordered = rechained([...entries.filter((e) => e !== create && e !== update), resealed, create]);
      const reply = await push(b.authorization, { entries: reordered, keys: [{ memberId: create.entityId, key: other.toString('base64') }, ...keys] });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(await storedKeys()).toEqual([{ member_id: create.entityId, key: keys.find((k) => k.memberId === create.entityId)!.key }]);
      expect(genuine.memberId).toBe(edit.entityId);
    });

    it('refuses, in French and keeping nothing, a new member or an operation no desk would write, whatever its chain says', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      const batch = entriesToPush(a.desk.reader, 0, 500);
      const created = batch.entries.findIndex((e) => e.action === 'member.create');
      const facts = JSON.parse(batch.entries[created]!.afterJson!) as { member: Record<string, unknown> & { $sealed: { box: string; fields: string[] } } };
      const { member } = facts;
      const box = member.$sealed.box;
      /** The batch with the member changed, hashes recomputed as a desk that wrote it would have. */
      const withMember = (changed: unknown, afterJson = JSON.stringify({ ...facts, member: changed })) => {
        const entries = batch.entries.map((e) => ({ ...e }));
        entries[created] = { ...entries[created]!, afterJson };
        for (let i = created; i < entries.length; i++) {
          if (i > 0) entries[i] = { ...entries[i]!, prevHash: entries[i - 1]!.hash };
          entries[i] = { ...entries[i]!, hash: entryHash(entries[i]!.prevHash, auditFieldsOf(entries[i]!)) };
        }
        return { ...batch, entries };
      };
      const otherId = newId();
      for (const [what, changed] of [
        ['an unknown field', { ...member, evil: 1 }],
        ['a household that is not an id', { ...member, householdId: { a: 1 } }],
        ['no number', { ...member, number: undefined }],
        ['a number of 0', { ...member, number: 0 }],
        ['a number past PostgreSQL’s integer', { ...member, number: 2 ** 31 }],
        ['a text number', { ...member, number: '12' }],
        ['an id that is not text', { ...member, id: 42 }],
        ['an empty id', { ...member, id: '' }],
        ['a box that is not one', { ...member, $sealed: { ...member.$sealed, box: 'nonsense' } }],
        ['sealed fields that are not a list', { ...member, $sealed: { ...member.$sealed, fields: 'firstName' } }],
        ['a box sealed for another member', { ...member, $sealed: { ...member.$sealed, box: box.replace(`v1:${member.id}:`, `v1:${otherId}:`) } }],
        ['a name neither sealed nor in clear', { ...member, $sealed: { ...member.$sealed, fields: member.$sealed.fields.filter((f) => f !== 'firstName') } }],
      ] as const) {
        const reply = await push(a.authorization, withMember(changed));
        expect([reply.statusCode, reply.json<ServerError>().error.code], what).toEqual([400, 'INVALID_INPUT']);
        expect(reply.json<ServerError>().error.message, what).toMatch(/^Données invalides : /);
      }
      const notJson = await push(a.authorization, withMember(null, '{"member": {'));
      expect(notJson.statusCode).toBe(400);
      expect(await operations()).toBe(0);
      expect(await sdb.db.selectFrom('server_member').select('id').execute()).toEqual([]);
      expect(await storedKeys()).toEqual([]);
    });

    it('refuses, in French and never with a server error, entries whose facts would not fit what the server stores, Comptoir 0.1’s included', async () => {
      const a = await enrolledDesk(sdb);
      openDrawer(a.desk, a.admin);
      const batch = entriesToPush(a.desk.reader, 0, 500);
      const last = batch.entries.at(-1)!;
      const activity = (facts: unknown, opVersion: number | null = 1) => ({ ...last, action: 'activity.create', entityType: 'activity', opVersion, afterJson: JSON.stringify(facts) });
      const cases: [string, LogEntry][] = [
        ['an instant that is not one', { ...last, at: 'pas une date' }],
        ['a version past PostgreSQL’s integer', { ...last, opVersion: 2 ** 31 }],
        ['a capacity past PostgreSQL’s integer', activity({ activity: { id: newId(), name: 'Yoga', capacity: 2 ** 31, priceCents: 0, startsOn: null, endsOn: null } })],
        ['a 0.1 activity with an id of 4,000 characters', activity({ id: 'x'.repeat(4000), name: 'Yoga', capacity: 10 }, null)],
        ['a 0.1 activity without an id', activity({ name: 'Yoga', capacity: 'dix' }, null)],
        ['a 0.1 registration of nothing', { ...last, action: 'registration.create', opVersion: null, afterJson: '{}' }],
        ['a 0.1 new member without facts', { ...last, action: 'member.create', opVersion: null, afterJson: null }],
        ['a sale whose facts are not JSON', { ...last, action: 'order.sale', opVersion: 1, afterJson: '{"order":' }],
        ['a drawer closing whose facts are null', { ...last, action: 'cash_session.close', opVersion: 1, afterJson: null }],
        ['a drawer opening with a field no desk writes', { ...last, afterJson: JSON.stringify({ ...JSON.parse(last.afterJson!), evil: 1 }) }],
        ['a decision only the server writes', { ...last, action: 'treasurer.flag', entityType: 'treasurer_flag', afterJson: JSON.stringify({ flagId: newId(), reason: 'double_renewal', memberId: newId(), orderIds: [], registrationId: null }) }],
      ];
      for (const [what, entry] of cases) {
        const reply = await push(a.authorization, { ...batch, entries: rechained(batch.entries.map((e) => (e === last ? entry : e))) });
        expect([reply.statusCode, reply.json<ServerError>().error?.code], `${what}: ${reply.body}`).toEqual([400, 'INVALID_INPUT']);
        expect(reply.json<ServerError>().error.message, what).toMatch(/^Données invalides : /);
      }
      expect(await operations()).toBe(0);
      expect((await push(a.authorization, batch)).statusCode).toBe(200);
    });

    it('refuses, never with a server error, ids the club already holds for another thing, an operation id twice in a batch, and takes a member created twice once', async () => {
      const a = await enrolledDesk(sdb);
      openDrawer(a.desk, a.admin);
      const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      checkout(a.desk, a.admin, { memberNumber: ginette, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
      const aBatch = entriesToPush(a.desk.reader, 0, 500);
      expect((await push(a.authorization, aBatch)).statusCode).toBe(200);
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const asB = (e: LogEntry) => ({ ...e, deskId: b.enrollment.desk.id, operationId: newId() });
      // A's sale again, under a new operation id, from B: its order and period ids are A's.
      const sale = aBatch.entries.find((e) => e.action === 'order.sale')!;
      const copied = await push(b.authorization, { entries: rechained([asB(sale)]), keys: [] });
      expect([copied.statusCode, copied.json<ServerError>().error.message]).toEqual([400, "Données invalides : une opération reprend l'identifiant de quelque chose que le club a déjà. Rien n'a été enregistré."]);
      // One operation id twice in one batch.
      const init = entriesToPush(b.desk.reader, 0, 500).entries[0]!;
      const twice = await push(b.authorization, { entries: rechained([init, { ...init, seq: 2 }]), keys: [] });
      expect([twice.statusCode, twice.json<ServerError>().error.code]).toEqual([409, 'OPERATION_ID_REUSED']);
      // One member created twice in one batch: the first stands.
      const create = aBatch.entries.find((e) => e.action === 'member.create')!;
      const facts = JSON.parse(create.afterJson!) as { member: { id: string; number: number; $sealed?: unknown } };
      const { $sealed: _box, ...member } = facts.member;
      const clear = { firstName: 'Yvette', lastName: 'Sirois', birthDate: null, email: null, phone: null, address: null, city: null, postalCode: null, notes: null };
      const other = { ...facts, member: { ...member, ...clear, id: newId(), number: 999_001 } };
      const twin = { ...asB(create), entityId: other.member.id, afterJson: JSON.stringify(other) };
      const reply = await push(b.authorization, { entries: rechained([init, twin, asB(twin)]), keys: [] });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(await sdb.db.selectFrom('server_member').select('number').where('id', '=', other.member.id).execute()).toEqual([{ number: 999_001 }]);
    });

    it('takes a desk’s whole Comptoir 0.1 log, and the key its first sealed edit brings for a member 0.1 created in clear', async () => {
      const desk = openDesk(legacyDeskFile(), { clock: fixedClock('2026-12-01T15:00:00Z') });
      try {
        // The 0.1 desk, known to the server under its own id.
        const deskId = desk.reader.rawGet<{ desk_id: string }>('SELECT desk_id FROM audit_log LIMIT 1')!.desk_id;
        const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
        const credential = randomBytes(32).toString('base64url');
        await sdb.db.insertInto('desk').values({ id: deskId, club_id: club.id, name: 'Ancien poste', receipt_prefix: 'A', credential_hash: createHash('sha256').update(credential).digest('hex'), created_at: new Date().toISOString(), revoked_at: null }).execute();
        // Its first edit since sealing exists seals the member's fields with a new key, in the same push.
        updateMember(desk, { userId: systemUserId(desk) }, 100000, { email: 'paul.roy@exemple.ca' });
        const batch = entriesToPush(desk.reader, 0, 2000);
        const reply = await push(`Bearer ${deskId}.${credential}`, batch);
        expect(reply.statusCode, reply.body).toBe(200);
        expect(reply.json<PushResponse>().acknowledgedSeq).toBe(batch.entries.at(-1)!.seq);
        const paul = await sdb.db.selectFrom('server_member').select(['id', 'key']).where('number', '=', 100000).executeTakeFirstOrThrow();
        expect(paul.key).toBe(batch.keys.find((k) => k.memberId === paul.id)!.key);
        expect(await memberDetails(sdb.db, club.id, paul.id)).toMatchObject({ email: 'paul.roy@exemple.ca', number: 100000 });
      } finally {
        desk.close();
      }
    });

    it('refuses a NUL character anywhere, in French, on every route and in the facts of an entry, and records nothing', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      openDrawer(a.desk, a.admin);
      const batch = entriesToPush(a.desk.reader, 0, 500);
      const nul = String.fromCharCode(0);
      const changed = (seq: number, change: (entry: LogEntry) => LogEntry) => ({ ...batch, entries: rechained(batch.entries.map((e) => (e.seq === seq ? change(e) : e))) });
      const last = batch.entries.at(-1)!;
      const bodies = [
        changed(last.seq, (e) => ({ ...e, entityId: `x${nul}` })),
        changed(last.seq, (e) => ({ ...e, action: `cash_session.open${nul}` })),
        // In the facts, as text a desk's JSON would hold: an id the server would store.
        changed(last.seq, (e) => ({ ...e, afterJson: e.afterJson!.replace(/"sessionId":"/, '"sessionId":"\\u0000') })),
      ];
      for (const body of bodies) {
        const reply = await push(a.authorization, body);
        expect([reply.statusCode, reply.json<ServerError>().error.message]).toEqual([400, expect.stringMatching(/^Données invalides : (un texte|l'opération \d+) contient un caractère nul/)]);
      }
      const enroll = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: `ABCD-EFGH${nul}` } });
      expect([enroll.statusCode, enroll.json<ServerError>().error.message]).toEqual([400, expect.stringMatching(/^Données invalides : un texte contient un caractère nul/)]);
      // A backslash typed before « u0000 » is text, not a NUL.
      expect(jsonHoldsNul(JSON.stringify({ note: '\\u0000' }))).toBe(false);
      expect(jsonHoldsNul(JSON.stringify({ note: `a${nul}` }))).toBe(true);
      expect(await operations()).toBe(0);
      expect((await push(a.authorization, batch)).statusCode).toBe(200);
      // In a header, Node refuses the request before any route: answered in the same form.
      await app.listen({ host: '127.0.0.1', port: 0 });
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        const socket = connect((app.server.address() as AddressInfo).port, '127.0.0.1', () => socket.write(`GET /v1/health HTTP/1.1\r\nhost: x\r\nauthorization: Bearer a${nul}b\r\n\r\n`));
        socket.on('data', (chunk) => (text += String(chunk))).on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'INVALID_INPUT', message: 'Données invalides : la demande n’est pas une demande HTTP valide' } });
    });

    it('stores every text of a batch as it came, the characters of a database’s array syntax included, and hands it on unchanged', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      // A batch's values travel as one array per column on PostgreSQL: text shaped like its syntax stays text.
      const texts = ['NULL', '"', '\\', '{}', 'a,b', '{"x","y"}', "l'été\n\t🎉", '', ' NULL '];
      const { entries, keys } = entriesToPush(a.desk.reader, 0, 500);
      const sent = rechained([...entries, ...texts.map((userId) => ({ ...entries.at(-1)!, operationId: newId(), userId }))]);
      const reply = await push(a.authorization, { entries: sent, keys });
      expect(reply.statusCode, reply.body).toBe(200);
      const stored = await sdb.db.selectFrom('operation').select(['user_id', 'hash', 'after_json']).where('desk_id', '=', a.enrollment.desk.id).orderBy('desk_seq').execute();
      expect(stored).toEqual(sent.map((entry) => ({ user_id: entry.userId, hash: entry.hash, after_json: entry.afterJson })));
      // Pulled by another desk, each entry still gives its hash.
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const pulled = (await pull(b.authorization)).entries.filter((entry) => entry.deskId === a.enrollment.desk.id);
      expect(pulled.map((entry) => entry.userId)).toEqual(sent.map((entry) => entry.userId));
      for (const entry of pulled) expect(entryHash(entry.prevHash, auditFieldsOf(entry))).toBe(entry.hash);
    });

    it('refuses half a character (a lone surrogate) anywhere, in French, on every route and in the facts of an entry, and records nothing', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      openDrawer(a.desk, a.admin);
      const batch = entriesToPush(a.desk.reader, 0, 500);
      const changed = (seq: number, change: (entry: LogEntry) => LogEntry) => ({ ...batch, entries: rechained(batch.entries.map((e) => (e.seq === seq ? change(e) : e))) });
      const last = batch.entries.at(-1)!;
      // Stored, each would come back as other text (U+FFFD on PostgreSQL, bytes that are not UTF-8
      // on SQLite) and the entry would no longer give its hash: every other desk's pull would stop there.
      const bodies = [
        changed(last.seq, (e) => ({ ...e, userId: 'u\ud800' })),
        changed(last.seq, (e) => ({ ...e, entityId: '\udc00x' })),
        changed(last.seq, (e) => ({ ...e, entityType: 'cash_session\udbff' })),
        // In the facts: as the character itself, escaped as a desk's JSON would write it, or in a key.
        changed(last.seq, (e) => ({ ...e, afterJson: e.afterJson!.replace(/"sessionId":"/, '"sessionId":"\ud800') })),
        changed(last.seq, (e) => ({ ...e, afterJson: e.afterJson!.replace(/"sessionId":"/, '"sessionId":"\\ud800') })),
        changed(last.seq, (e) => ({ ...e, afterJson: e.afterJson!.replace(/^\{/, '{"\\udfff":1,') })),
      ];
      for (const body of bodies) {
        const reply = await push(a.authorization, body);
        expect([reply.statusCode, reply.json<ServerError>().error.message], reply.body).toEqual([400, expect.stringMatching(/^Données invalides : (un texte|l'opération \d+) contient un caractère incomplet/)]);
      }
      const enroll = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: 'ABCD-EFGH\ud800' } });
      expect([enroll.statusCode, enroll.json<ServerError>().error.message]).toEqual([400, expect.stringMatching(/^Données invalides : un texte contient un caractère incomplet/)]);
      expect(await operations()).toBe(0);
      // A whole pair, written as the character or escaped, is a character; a backslash before « ud800 » is text.
      expect(jsonHoldsLoneSurrogate(JSON.stringify({ note: '🎉' }))).toBe(false);
      expect(jsonHoldsLoneSurrogate('{"note":"\\ud83c\\udf89"}')).toBe(false);
      expect(jsonHoldsLoneSurrogate(JSON.stringify({ note: '\\ud800' }))).toBe(false);
      expect((await push(a.authorization, batch)).statusCode).toBe(200);
    });

    const refusedChain = async (authorization: string, body: unknown, problem: string) => {
      const before = await operations();
      const reply = await push(authorization, body);
      expect(reply.statusCode, reply.body).toBe(409);
      expect(reply.json<ServerError>().error.message).toMatch(/^Le journal du poste « Accueil » ne suit pas/);
      expect(await operations()).toBe(before);
      const problems = await sdb.db.selectFrom('chain_problem').select('problem').execute();
      expect(problems.at(-1)?.problem).toBe(problem);
    };

    it('refuses a gap, a fork and an entry rewritten after it was sent, and records each for the administrator', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      addMember(a.desk, a.admin, 'Laurent', 'Poirier');
      const { entries, keys } = entriesToPush(a.desk.reader, 0, 500);
      expect(entries).toHaveLength(3);
      await push(a.authorization, { entries: entries.slice(0, 1), keys });
      await refusedChain(a.authorization, { entries: entries.slice(2), keys }, 'gap');
      const forked: LogEntry = { ...entries[1]!, prevHash: 'f'.repeat(64) };
      await refusedChain(a.authorization, { entries: [forked], keys }, 'fork');
      const edited: LogEntry = { ...entries[1]!, afterJson: entries[1]!.afterJson!.replace('"', ' "') };
      await refusedChain(a.authorization, { entries: [edited], keys }, 'fork');
      const rewritten: LogEntry = { ...entries[0]!, hash: 'e'.repeat(64) };
      await refusedChain(a.authorization, { entries: [rewritten], keys }, 'rewritten');
      expect((await push(a.authorization, { entries: entries.slice(1), keys })).statusCode).toBe(200);
    });

    it('refuses entries written by another desk and an operation id the club already holds', async () => {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const aEntries = entriesToPush(a.desk.reader, 0, 500);
      const stolen = await push(b.authorization, aEntries);
      expect(stolen.statusCode).toBe(403);
      expect(stolen.json<ServerError>().error.code).toBe('ENTRY_OF_ANOTHER_DESK');
      expect(await operations()).toBe(0);

      // A's entries taken; then, on B's own chain, one of A's operation ids, and one B already used at another seq.
      expect((await push(a.authorization, aEntries)).statusCode).toBe(200);
      const held = await operations();
      addMember(b.desk, b.admin, 'Laurent', 'Poirier');
      const bEntries = entriesToPush(b.desk.reader, 0, 500).entries;
      expect((await push(b.authorization, { entries: bEntries.slice(0, 1), keys: [] })).statusCode).toBe(200);
      const bFirst = { seq: bEntries[0]!.seq, hash: bEntries[0]!.hash };
      for (const operationId of [aEntries.entries.at(-1)!.operationId, bEntries[0]!.operationId]) {
        const reusing = rechained([bEntries[1]!, { ...bEntries[1]!, operationId }], bFirst);
        const reply = await push(b.authorization, { entries: reusing, keys: [] });
        expect([reply.statusCode, reply.json<ServerError>().error.code, reply.json<ServerError>().error.message], reply.body).toEqual([409, 'OPERATION_ID_REUSED', expect.stringMatching(/ 3\b/)]);
        expect(await operations()).toBe(held + 1);
        const problem = await sdb.db.selectFrom('chain_problem').select(['desk_id', 'seq', 'problem']).orderBy('id', 'desc').executeTakeFirstOrThrow();
        expect(problem).toEqual({ desk_id: b.enrollment.desk.id, seq: 3, problem: 'reused_id' });
      }
      // What the server holds already, sent again with what follows: taken, not a reused id.
      expect((await push(b.authorization, { entries: bEntries, keys: [] })).statusCode).toBe(200);
      expect(await operations()).toBe(held + bEntries.length);
    });
  });

  describe('logs', () => {
    it('never write a credential or an enrollment code, even with every request logged', async () => {
      const lines: string[] = [];
      const logged = await buildServer(sdb, { logger: true, logStream: { write: (line: string) => void lines.push(line) } });
      const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 9' });
      const enrolled = await logged.inject({ method: 'POST', url: '/v1/enroll', payload: { code } });
      const credential = enrolled.json<{ credential: string; desk: { id: string } }>();
      const authorization = `Bearer ${credential.desk.id}.${credential.credential}`;
      await logged.inject({ method: 'GET', url: '/v1/pull', headers: { authorization } });
      await logged.inject({ method: 'GET', url: '/v1/pull', headers: { authorization: `${authorization}x` } });
      await logged.close();
      const log = lines.join('');
      expect(log).toContain('/v1/pull');
      expect(log).not.toContain(credential.credential);
      expect(log).not.toContain(code.replace(/-/g, ''));
      expect(log).not.toContain(code);
    });
  });

  describe('late operations', () => {
    it('keeps a sale that reaches the server after its day, marked late for the treasurer; on time it is not', async () => {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil', '2026-11-27T15:00:00Z');
      openDrawer(a.desk, a.admin);
      const number = addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      checkout(a.desk, a.admin, { memberNumber: number, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
      const sameDay = await buildServer(sdb, { now: () => new Date('2026-11-27T22:00:00Z') });
      const batch = entriesToPush(a.desk.reader, 0, 500);
      await sameDay.inject({ method: 'POST', url: '/v1/push', headers: { authorization: a.authorization }, payload: { entries: batch.entries.slice(0, 3), keys: batch.keys } });
      await sameDay.close();
      // The rest (the sale) arrives three days later.
      expect((await push(a.authorization, batch)).statusCode).toBe(200);
      const rows = await sdb.db.selectFrom('operation').select(['action', 'late_for']).orderBy('server_seq').execute();
      expect(rows).toEqual([
        { action: 'desk.init', late_for: null },
        { action: 'cash_session.open', late_for: null },
        { action: 'member.create', late_for: null },
        { action: 'order.sale', late_for: '2026-11-27' },
      ]);
    });
  });

  describe('who calls', () => {
    it('refuses a missing or wrong credential and a revoked desk with a clear French message', async () => {
      const a = await enrolledDesk(sdb);
      for (const authorization of ['', 'Bearer nope', `Bearer ${a.enrollment.desk.id}.${'x'.repeat(43)}`]) {
        const reply = await app.inject({ method: 'GET', url: '/v1/pull', headers: authorization ? { authorization } : {} });
        expect(reply.statusCode).toBe(401);
        expect(reply.json<ServerError>().error.message).toMatch(/^Le serveur du club ne reconnaît pas ce poste/);
      }
      await revokeDesk(sdb, { club: 'demo', desk: 'Accueil' });
      const revoked = await push(a.authorization, entriesToPush(a.desk.reader, 0, 10));
      expect(revoked.statusCode).toBe(403);
      expect(revoked.json<ServerError>().error.message).toMatch(/^Le poste « Accueil » a été retiré du club par son administrateur/);
      expect(await operations()).toBe(0);
    });
  });

  describe('pull', () => {
    it('gives other desks’ entries with the keys to read them, skips the desk’s own, in pages', async () => {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      const aBatch = entriesToPush(a.desk.reader, 0, 500);
      await push(a.authorization, aBatch);
      await push(b.authorization, entriesToPush(b.desk.reader, 0, 500));

      const page1 = await pull(b.authorization, '?limit=2');
      expect(page1.entries.map((e) => e.operationId)).toEqual(aBatch.entries.slice(0, 2).map((e) => e.operationId));
      expect(page1.more).toBe(true);
      let cursor = page1.cursor;
      const seen = [...page1.entries];
      for (;;) {
        const page = await pull(b.authorization, `?after=${cursor}&limit=2`);
        seen.push(...page.entries);
        cursor = page.cursor;
        if (!page.more) break;
      }
      expect(seen.map((e) => e.operationId)).toEqual(aBatch.entries.map((e) => e.operationId));
      expect(cursor).toBe(page1.head);
      const all = await pull(b.authorization);
      expect(all.keys.map((k) => k.memberId)).toEqual(aBatch.keys.map((k) => k.memberId));
      expect(all.keys.length).toBeGreaterThan(0);
      // A's own entries never come back to it.
      expect((await pull(a.authorization)).entries.every((e) => e.deskId !== a.enrollment.desk.id)).toBe(true);
    });

    it('ends a page before its facts pass a bound, one entry at least, and says there is more', async () => {
      const a = await enrolledDesk(sdb);
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      addMember(a.desk, a.admin, 'Laurent', 'Poirier');
      const { entries } = entriesToPush(a.desk.reader, 0, 500);
      await push(a.authorization, { entries, keys: [] });
      const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
      const facts = (e: LogEntry) => (e.afterJson?.length ?? 0) + (e.beforeJson?.length ?? 0);
      // Room for the first two entries' facts, not the third's.
      const bound = facts(entries[0]!) + facts(entries[1]!) + facts(entries[2]!) - 1;
      const cut = await clubPage(sdb, club.id, { after: 0, limit: 500, maxBytes: bound });
      expect([cut.entries.length, cut.cursor, cut.more]).toEqual([2, 2, true]);
      // A single entry larger than the bound still comes, alone.
      const alone = await clubPage(sdb, club.id, { after: 0, limit: 500, maxBytes: 1 });
      expect([alone.entries.length, alone.cursor, alone.more]).toEqual([1, 1, true]);
      const whole = await clubPage(sdb, club.id, { after: 0, limit: 500 });
      expect([whole.entries.length, whole.more]).toEqual([entries.length, false]);
    });

    it('waits for the next change and answers as soon as another desk pushes it', async () => {
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const started = Date.now();
      const waiting = pull(b.authorization, '?after=0&wait=10');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await push(a.authorization, entriesToPush(a.desk.reader, 0, 500));
      const page = await waiting;
      expect(page.entries.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('hands desks what the server itself records, on its own hash chain (the first administrator)', async () => {
      const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
      const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
      await recordServerOperations(sdb, club.id, [
        { kind: 'user.create', version: 1, user: { id: 'u-louise', name: 'Louise Tremblay', role: 'admin', pinHash: 'scrypt$x' } },
        { kind: 'user.create', version: 1, user: { id: 'u-marc', name: 'Marc Roy', role: 'volunteer', pinHash: 'scrypt$y' } },
      ]);
      const { entries } = await pull(b.authorization);
      expect(entries.map((e) => [e.action, e.seq, JSON.parse(e.afterJson!).user.name])).toEqual([
        ['user.create', 1, 'Louise Tremblay'],
        ['user.create', 2, 'Marc Roy'],
      ]);
      expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
      expect(entryHash(entries[1]!.prevHash, auditFieldsOf(entries[1]!))).toBe(entries[1]!.hash);
    });

    it('never answers with another club’s rows', async () => {
      await testClub(sdb, 'autre');
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const other = await enrolledDesk(sdb, 'autre', 'Accueil');
      addMember(a.desk, a.admin, 'Ginette', 'Lachance');
      await push(a.authorization, entriesToPush(a.desk.reader, 0, 500));
      const page = await pull(other.authorization);
      expect(page).toEqual({ entries: [], keys: [], cursor: 0, head: 0, more: false });
      expect(other.enrollment.desk.receiptPrefix).toBe('A');
    });
  });

  describe('bad input', () => {
    it('answers malformed, oversized and unknown requests with French errors and changes nothing', async () => {
      const a = await enrolledDesk(sdb);
      const cases = [
        { payload: '{"entries": [', status: 400, code: 'INVALID_INPUT' },
        { payload: JSON.stringify({ entries: [] }), status: 400, code: 'INVALID_INPUT' },
        { payload: JSON.stringify({ entries: [{ seq: 'un' }] }), status: 400, code: 'INVALID_INPUT' },
        { payload: JSON.stringify({ entries: [{ text: 'x'.repeat(9 * 1024 * 1024) }] }), status: 413, code: 'REQUEST_TOO_LARGE' },
      ];
      for (const { payload, status, code } of cases) {
        const reply = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: a.authorization, 'content-type': 'application/json' }, payload });
        expect(reply.statusCode, reply.body).toBe(status);
        const body = reply.json<ServerError>();
        expect(body.error.code).toBe(code);
        expect(body.error.message).not.toMatch(/undefined|Error:/);
      }
      const unknown = await app.inject({ method: 'DELETE', url: '/v1/club' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<ServerError>().error.message).toBe('Le serveur ne connaît pas DELETE /v1/club.');
      expect(await operations()).toBe(0);
    });
  });
});
