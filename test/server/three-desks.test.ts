import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../src-server/db/open.js';
import { createClub } from '../../src-server/clubs.js';
import { createEnrollmentCode, enrollDesk } from '../../src-server/desks.js';
import { clubMoney } from '../../src-server/money.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { addMember, count, newDesk, openDrawer, type TestDesk } from '../helpers.js';
import { DIALECTS, freshLocation } from './harness.js';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function startServer(database: string, schema: string | undefined, port: number): Promise<void> {
  const args = ['--import', 'tsx', 'src-server/main.ts', 'serve', '--port', String(port), '--database', database, ...(schema ? ['--schema', schema] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => /à l'écoute/.test(String(chunk)) && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const SALES_PER_DESK = Number(process.env.SYNC_SALES_PER_DESK ?? 150);

describe.each(DIALECTS)('one server process and three desks on %s', (dialect) => {
  it('takes a day of offline sales from each desk: the server’s money is the sum of the desks’, numbers are unique, every desk ends verify-clean with everything', async () => {
    const { location, schema } = freshLocation(dialect);
    const sdb = await openServerDb(location, schema ? { schema } : {});
    await createClub(sdb, { slug: 'demo', name: 'Club demo', settings: { membershipPriceCents: 2500 } });
    const desks: (TestDesk & { target: { address: string; deskId: string; credential: string } })[] = [];
    const port = await freePort();
    for (const name of ['Accueil', 'Salle 2', 'Salle 3']) {
      const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: name });
      const enrollment = await enrollDesk(sdb, { code });
      const desk = newDesk({
        at: '2026-11-27T14:00:00Z',
        prefix: enrollment.desk.receiptPrefix,
        deskName: name,
        club: enrollment.club.settings,
        numbers: { first: enrollment.memberNumbers.first, last: enrollment.memberNumbers.last },
        enrolled: { deskId: enrollment.desk.id, numberBlockId: enrollment.memberNumbers.blockId },
      });
      desks.push({ ...desk, target: { address: `http://127.0.0.1:${port}`, deskId: enrollment.desk.id, credential: enrollment.credential } });
    }

    // The network is down all morning: each desk sells on its own.
    for (const [d, t] of desks.entries()) {
      openDrawer(t.desk, t.admin);
      for (let i = 0; i < SALES_PER_DESK; i++) {
        const number = addMember(t.desk, t.admin, `Membre${i}`, `Poste${d}`);
        const lines = i % 5 === 0 ? [{ kind: 'membership' as const }, { kind: 'donation' as const, amountCents: 500 + i }] : [{ kind: 'membership' as const }];
        const total = 2500 + (i % 5 === 0 ? 500 + i : 0);
        const payments = i % 3 === 0 ? [{ method: 'cheque' as const, amountCents: total, chequeNumber: String(i), bank: 'Desjardins' }] : [{ method: 'cash' as const, tenderedCents: total + 1000 }];
        checkout(t.desk, t.admin, { memberNumber: number, lines, payments });
        t.clock.advance(30_000);
      }
    }
    const localTotal = (t: TestDesk) => t.desk.reader.rawGet<{ s: number }>('SELECT coalesce(sum(total_cents), 0) AS s FROM sale_order WHERE desk_id = ?', t.desk.id)!.s;
    const expected = desks.reduce((sum, t) => sum + localTotal(t), 0);

    await startServer(location, schema, port);
    const pushed = await Promise.all(desks.map((t) => pushPending(t.desk, t.target)));
    expect(pushed.map((p) => p.kind)).toEqual(['sent', 'sent', 'sent']);
    for (const t of desks) expect(await pullChanges(t.desk, t.target)).toMatchObject({ kind: 'pulled', refused: [] });

    const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
    const money = await clubMoney(sdb, club.id);
    expect(money.orders).toBe(3 * SALES_PER_DESK);
    expect(money.totalCents).toBe(expected);
    expect(new Set(money.receiptNumbers).size).toBe(money.receiptNumbers.length);
    for (const t of desks) {
      expect(count(t.desk, 'member')).toBe(3 * SALES_PER_DESK);
      expect(count(t.desk, 'sale_order')).toBe(3 * SALES_PER_DESK);
      expect(t.desk.reader.rawGet<{ n: number }>('SELECT count(DISTINCT number) AS n FROM member')!.n).toBe(3 * SALES_PER_DESK);
      expect(t.desk.reader.rawGet<{ s: number }>('SELECT sum(total_cents) AS s FROM sale_order')!.s).toBe(expected);
      expect(verifyDatabase(t.desk.reader)).toEqual([]);
    }
    await sdb.close();
  }, 120_000);
});
