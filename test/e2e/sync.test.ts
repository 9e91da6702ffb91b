import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createEnrollmentCode } from '../../src-server/desks.js';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { systemUserId } from '../../src-main/core/desk/setup.js';
import { joinClubServer } from '../../src-main/sync/join.js';
import { createMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { sendDueEmails } from '../../src-server/mail/mailer.js';
import { directorySender } from '../../src-server/mail/senders.js';
import { tempFolder } from '../helpers.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { updateMember } from '../../src-main/core/members/members.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { readSyncTarget } from '../../src-main/core/ledger/sync-progress.js';
import { testClub, testServerDb } from '../server/harness.js';
import { checkScreen, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

describe('a desk joined to its club’s server, in the browser', () => {
  let d: DeskInBrowser | null = null;
  let sdb: ServerDb | null = null;
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    await d?.close();
    await app?.close();
    await sdb?.close();
    d = null;
    app = null;
    sdb = null;
  });

  const listen = async (port = 0) => {
    app = await buildServer(sdb!);
    await app.listen({ host: '127.0.0.1', port });
    return (app.server.address() as AddressInfo).port;
  };

  it('tells the truth in the header: in sync, offline with what waits, in sync again; the sync screen says the rest', async () => {
    sdb = await testServerDb('sqlite');
    await testClub(sdb);
    const port = await listen();
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Accueil' });
    d = await openDeskInBrowser({
      members: 20,
      create: async (file) => {
        const desk = await joinClubServer(file, { address: `http://127.0.0.1:${port}`, code });
        return { desk, systemUserId: systemUserId(desk) };
      },
      setup: (desk, adminId) => void openCashSession(desk, { userId: adminId }, { count: { '2000': 5 } }),
    });
    const { page } = d;
    const badge = () => page.locator('.sync-badge').textContent();
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(badge, { timeout: 15_000 }).toMatch(/^Synchronisé à \d{1,2}\sh\s\d\d$/u);
    const held = Number((await sdb.db.selectFrom('operation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(held).toBe(d.desk.reader.rawGet<{ n: number }>('SELECT max(seq) AS n FROM audit_log')!.n);

    // The server goes away; the volunteer records a new member meanwhile.
    await app!.close();
    app = null;
    await expect.poll(badge, { timeout: 15_000 }).toMatch(/^Hors ligne depuis \d{1,2}\sh\s\d\d · \d+\sopérations? en attente$/u);
    const waitingBefore = Number(/· (\d+)/.exec((await badge())!)![1]);
    await page.getByRole('button', { name: 'Nouveau membre' }).click();
    await page.getByLabel('Prénom').fill('Rolande');
    await page.getByLabel('Nom', { exact: true }).fill('Horsligne');
    await page.getByRole('button', { name: 'Créer le membre' }).click();
    await expect.poll(badge, { timeout: 15_000 }).toMatch(new RegExp(`· ${waitingBefore + 1}\\sopérations? en attente$`, 'u'));
    await page.locator('.sync-badge').getByRole('button').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Synchronisation avec le serveur du club');
    expect(await page.locator('.notice').first().textContent()).toMatch(/^⚠?Le serveur du club \(http:\/\/127\.0\.0\.1:\d+\) ne répond pas\. Le poste continue hors ligne et réessaiera\. Ce qui attend sera envoyé dès qu’il répondra\.$/);
    await checkScreen(page, 'sync-offline');

    // Back: everything goes, and the header says so.
    await listen(port);
    await expect.poll(badge, { timeout: 20_000 }).toMatch(/^Synchronisé à/u);
    const members = await sdb.db.selectFrom('operation').select('action').where('action', '=', 'member.create').execute();
    expect(members).toHaveLength(21);
    await expect.poll(() => page.locator('.notice').first().textContent()).toMatch(/Le serveur a reçu tout ce que ce poste a fait/);
    await checkScreen(page, 'sync-in-step');
  }, 90_000);

  it('shows on the receipt what became of its emails: waiting, then sent by the club’s server', async () => {
    sdb = await testServerDb('sqlite');
    await testClub(sdb);
    const port = await listen();
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Accueil' });
    let receiptNumber = '';
    d = await openDeskInBrowser({
      members: 20,
      create: async (file) => {
        const desk = await joinClubServer(file, { address: `http://127.0.0.1:${port}`, code });
        return { desk, systemUserId: systemUserId(desk) };
      },
      setup: (desk, adminId) => {
        const actor = { userId: adminId };
        openCashSession(desk, actor, { count: { '2000': 5 } });
        const created = createMember(desk, actor, { firstName: 'Ginette', lastName: 'Courriel', email: 'ginette@example.org', force: true });
        if (!created.created) throw new Error('expected a new member');
        receiptNumber = checkout(desk, actor, { memberNumber: created.member.number, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] }).order.receiptNumber;
      },
    });
    const { page } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await page.getByLabel('Nom, no de membre, téléphone ou courriel').fill(receiptNumber);
    await page.getByRole('button', { name: `Ouvrir le reçu ${receiptNumber}` }).click();
    await page.getByRole('button', { name: 'Envoyer par courriel' }).click();
    const emails = () => page.locator('.receipt-emails li').allTextContents();
    // Online, the desk sends the request at once: said waiting for its send, then handed to the server.
    await expect.poll(emails, { timeout: 15_000 }).toEqual([expect.stringMatching(/^Reçu par courriel\u00a0: (en attente\u00a0: partira vers le serveur du club au prochain envoi de ce poste|remis au serveur du club, qui l’envoie)$/u)]);

    // The server sends what the desk pushed: the receipt, and the membership's confirmation.
    const folder = tempFolder();
    const sender = directorySender(folder);
    await expect.poll(async () => (await sendDueEmails(sdb!, sender, { fromAddress: 'courriel@club-demo.example' }), readdirSync(folder).length), { timeout: 15_000 }).toBe(2);
    sender.close();
    await expect.poll(emails, { timeout: 30_000 }).toEqual([
      expect.stringMatching(/^Reçu par courriel\u00a0: envoyé le /u),
      expect.stringMatching(/^Confirmation d’adhésion\u00a0: envoyé le /u),
    ]);
    await checkScreen(page, 'receipt-emails-sent');
  }, 90_000);
  it('shows on an open profile what another desk changed, within seconds, without leaving it', async () => {
    sdb = await testServerDb('sqlite');
    await testClub(sdb);
    const port = await listen();
    const address = `http://127.0.0.1:${port}`;
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Accueil' });
    let ginette = 0;
    d = await openDeskInBrowser({
      members: 20,
      create: async (file) => {
        const desk = await joinClubServer(file, { address, code });
        return { desk, systemUserId: systemUserId(desk) };
      },
      setup: (desk, adminId) => {
        openCashSession(desk, { userId: adminId }, { count: { '2000': 5 } });
        const created = createMember(desk, { userId: adminId }, { firstName: 'Ginette', lastName: 'Deuxpostes', phone: '514 555-1212', force: true });
        if (!created.created) throw new Error('expected a new member');
        ginette = created.member.number;
      },
    });
    const { page } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => page.locator('.sync-badge').textContent(), { timeout: 15_000 }).toMatch(/^Synchronisé à/u);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type(String(ginette));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ginette');
    await expect.poll(() => page.locator('main').textContent()).toContain('514 555-1212');

    // Another desk receives her, changes her phone and sends it.
    const other = await joinClubServer(join(tempFolder(), 'poste-2.sqlite'), { address, code: (await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Poste 2' })).code });
    try {
      updateMember(other, { userId: systemUserId(other) }, ginette, { phone: '514 555-3434' });
      expect((await pushPending(other, readSyncTarget(other.reader)!)).kind).toBe('sent');
    } finally {
      other.close();
    }
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('514 555-3434');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Ginette');
  }, 90_000);
});
