import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { recordServerOperations } from '../../src-server/server-author.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { searchMembers } from '../../src-main/core/members/search.js';
import { listUsers } from '../../src-main/core/users/users.js';
import { updateMember } from '../../src-main/core/members/members.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import type { SyncTarget } from '../../src-main/sync/transport.js';
import { busyDay } from '../core/busy-day.js';
import { addMember, count, newDesk } from '../helpers.js';
import { applyPulledPage } from '../../src-main/core/ledger/pulled.js';
import { entryHash, GENESIS_HASH } from '../../src-main/core/ledger/audit.js';
import { auditFieldsOf } from '../../src-main/core/ledger/log-entry.js';
import { newId } from '../../src-main/core/ids.js';
import { DIALECTS, enrolledDesk, testClub, testServerDb } from '../server/harness.js';

describe.each(DIALECTS)('desks that pull each other’s work through the server on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  afterEach(async () => {
    await app.close();
    await sdb.close();
  });

  const start = async () => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  };
  const targetOf = (address: string, d: Awaited<ReturnType<typeof enrolledDesk>>): SyncTarget => ({ address, deskId: d.enrollment.desk.id, credential: d.enrollment.credential });

  it('shows a busy day of desk A on desk B: members found, sales and drawers there, verify clean on both', async () => {
    const address = await start();
    const a = await enrolledDesk(sdb, 'demo', 'Accueil', '2026-11-26T15:00:00Z');
    const b = await enrolledDesk(sdb, 'demo', 'Poste 2', '2026-11-27T20:00:00Z');
    busyDay(a);
    updateMember(a.desk, a.admin, searchMembers(a.desk, { query: 'Hélène' }).results[0]!.number, { phone: '514 555-0199' });
    expect(await pushPending(a.desk, targetOf(address, a))).toMatchObject({ kind: 'sent' });

    const pulled = await pullChanges(b.desk, targetOf(address, b));
    expect(pulled).toMatchObject({ kind: 'pulled', refused: [] });
    const found = searchMembers(b.desk, { query: 'Hélène Bélanger' }).results;
    expect(found.map((m) => [m.firstName, m.lastName, m.phone])).toEqual([['Hélène', 'Bélanger', '514 555-0199']]);
    for (const table of ['member', 'sale_order', 'payment', 'membership_period', 'registration', 'cash_session', 'activity']) {
      expect(count(b.desk, table), table).toBe(count(a.desk, table));
    }
    expect(verifyDatabase(a.desk.reader)).toEqual([]);
    expect(verifyDatabase(b.desk.reader)).toEqual([]);

    // B works too, and A gets it: both end with the same members and sales.
    addMember(b.desk, b.admin, 'Roger', 'Gagnon');
    await pushPending(b.desk, targetOf(address, b));
    await pullChanges(a.desk, targetOf(address, a));
    expect(searchMembers(a.desk, { query: 'Roger Gagnon' }).results).toHaveLength(1);
    expect(count(a.desk, 'member')).toBe(count(b.desk, 'member'));
    expect(verifyDatabase(a.desk.reader)).toEqual([]);
    expect(verifyDatabase(b.desk.reader)).toEqual([]);
  });

  it('receives the volunteers the server creates, and a second pull changes nothing', async () => {
    const address = await start();
    const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
    const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
    await recordServerOperations(sdb, club.id, [{ kind: 'user.create', version: 1, user: { id: 'u-louise', name: 'Louise Tremblay', role: 'admin', pinHash: 'scrypt$1$1$1$AA$AA' } }]);
    expect(await pullChanges(b.desk, targetOf(address, b))).toMatchObject({ kind: 'pulled', applied: 1 });
    expect(listUsers(b.desk).map((u) => u.name)).toContain('Louise Tremblay');
    expect(await pullChanges(b.desk, targetOf(address, b))).toMatchObject({ kind: 'pulled', applied: 0 });
    expect(verifyDatabase(b.desk.reader)).toEqual([]);
  });

  it('sees another desk’s write within a second or two while waiting on the server', async () => {
    const address = await start();
    const a = await enrolledDesk(sdb, 'demo', 'Accueil');
    const b = await enrolledDesk(sdb, 'demo', 'Poste 2');
    await pushPending(a.desk, targetOf(address, a));
    await pullChanges(b.desk, targetOf(address, b));
    const waiting = pullChanges(b.desk, targetOf(address, b), { waitSeconds: 10 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = Date.now();
    addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    await pushPending(a.desk, targetOf(address, a));
    expect(await waiting).toMatchObject({ kind: 'pulled', applied: 1 });
    expect(Date.now() - written).toBeLessThan(1500);
    expect(searchMembers(b.desk, { query: 'Ginette' }).results).toHaveLength(1);
  });
});

describe('a pulled operation this desk cannot apply', () => {
  it('is kept « à vérifier » with its reason in French, whatever threw', () => {
    const { desk } = newDesk();
    try {
      // Another desk's erasure of a member this desk never received (a log the server let through out of order).
      const fields = {
        seq: 1,
        prevHash: GENESIS_HASH,
        operationId: newId(),
        at: '2026-11-27T15:00:00.000Z',
        deskId: newId(),
        userId: newId(),
        action: 'member.erase',
        entityType: 'member',
        entityId: newId(),
        beforeJson: null,
        opVersion: 1,
      };
      const afterJson = JSON.stringify({ memberId: fields.entityId, reason: 'request', redacted: [] });
      const entry = { ...fields, afterJson, hash: '', serverSeq: 1 };
      entry.hash = entryHash(GENESIS_HASH, auditFieldsOf(entry));
      expect(applyPulledPage(desk, { entries: [entry], keys: [], cursor: 1, head: 1, more: false }).refused).toEqual([
        { serverSeq: 1, action: 'member.erase', problem: "Ce membre n'est pas sur ce poste : l'opération qui le touche ne peut pas s'y appliquer. Avertissez l'administrateur du serveur." },
      ]);
    } finally {
      desk.close();
    }
  });
});
