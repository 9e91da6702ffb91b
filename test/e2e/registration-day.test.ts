import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { activityRoster, registerMember } from '../../src-main/core/activities/registrations.js';
import { closeCashSession, openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { createMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { fixedClock } from '../../src-shared/clock.js';
import { addDays, businessDate } from '../../src-shared/dates.js';
import { expectVerifyClean, openDeskInBrowser, openMember as openMemberIn, signInByKeyboard, toSearch as toSearchIn, type DeskInBrowser } from './harness.js';

/** The club's yesterday: in the evening UTC is already tomorrow, and the day would be today. */
const YESTERDAY = addDays(businessDate(new Date()), -1);

/**
 * A whole registration day at one desk, in Chromium, as it goes: two volunteers in turn serve 40
 * members, a waitlist promotion is paid, an idle sign-out keeps a cart, the treasurer refunds a
 * line, the drawer closes, and yesterday's report opens again; `verify` is clean at the end.
 */
describe('a whole registration day', () => {
  let d: DeskInBrowser;
  const people: number[] = [];
  let holder = 0;
  let waiting = 0;
  beforeAll(async () => {
    d = await openDeskInBrowser({
      members: 20,
      idleMinutes: 0.25,
      setup: (desk, adminId) => {
        const admin = { userId: adminId };
        for (let i = 0; i < 42; i++) {
          const made = createMember(desk, admin, { firstName: `Membre${String.fromCharCode(65 + (i % 26))}${i}`, lastName: `Journée${i}`, force: true });
          if (made.created) people.push(made.member.number);
        }
        createActivity(desk, admin, { code: 'BRIDGE', name: 'Bridge', season: 'Hiver 2027', priceCents: 2000, capacity: 1, membershipRequired: false });
        const [first, second] = [createMember(desk, admin, { firstName: 'Simone', lastName: 'Caron', force: true }), createMember(desk, admin, { firstName: 'Paulette', lastName: 'Vachon', phone: '418 555-0123', force: true })];
        if (first.created && second.created) {
          holder = first.member.number;
          waiting = second.member.number;
          registerMember(desk, admin, { activityCode: 'BRIDGE', memberNumber: holder });
          registerMember(desk, admin, { activityCode: 'BRIDGE', memberNumber: waiting, waitlistIfFull: true });
        }
        // Yesterday, another desk day, long closed.
        const before = openDesk(desk.connection.file, { clock: fixedClock(`${YESTERDAY}T17:00:00Z`) });
        try {
          openCashSession(before, admin, { count: { '2000': 5 } });
          checkout(before, admin, { memberNumber: people[41], lines: [{ kind: 'donation', amountCents: 1500 }], payments: [{ method: 'cheque', amountCents: 1500, chequeNumber: '808', bank: 'Banque Laurentienne' }] });
          closeCashSession(before, admin, { count: { '2000': 5 } });
        } finally {
          before.close();
        }
      },
    });
  });
  afterAll(async () => d?.close());

  const h1 = () => d.page.getByRole('heading', { level: 1 }).textContent();
  const toSearch = () => toSearchIn(d.page);
  const openMember = (number: number) => openMemberIn(d.page, number);
  /** Cash, exact or with change, then the confirmation: the receipt's number. */
  const payCash = async (tendered: string): Promise<string> => {
    const { page } = d;
    await expect.poll(h1).toBe('Panier');
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill(tendered);
    await page.getByRole('button', { name: 'Encaisser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la vente' }).click();
    await expect.poll(h1).toMatch(/^Reçu A-\d{6}/);
    return (await h1())!.match(/A-\d{6}/)![0];
  };
  const serve = async (number: number) => {
    await openMember(number);
    await d.page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    return payCash('30');
  };

  it('plays the day through', async () => {
    const { page, desk } = d;
    // Morning: Lise opens the drawer and serves twenty members.
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(h1).toBe('Ouvrir la caisse');
    await page.getByLabel('Billets de 20 $').fill('5');
    await page.getByLabel('Pièces de 2 $').fill('10');
    await page.getByRole('button', { name: 'Ouvrir la caisse', exact: true }).click();
    await expect.poll(h1).toBe('Trouver un membre');
    const receipts: string[] = [];
    for (const number of people.slice(0, 20)) receipts.push(await serve(number));

    // A member starts a renewal, steps away; Lise is signed out when idle, and finds the cart again.
    await openMember(people[40]!);
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    await expect.poll(h1).toBe('Panier');
    await expect.poll(h1, { timeout: 30_000 }).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    expect(await page.locator('main').textContent()).toContain('Votre panier est gardé');

    // Afternoon: Réal serves twenty more, and a waitlist promotion is paid.
    await signInByKeyboard(page, 'Réal Gagnon', '2345');
    await expect.poll(h1).toBe('Trouver un membre');
    for (const number of people.slice(20, 40)) receipts.push(await serve(number));
    await toSearch();
    await page.getByRole('button', { name: 'Activités' }).click();
    await page.locator('#open-BRIDGE').click();
    await page.getByRole('button', { name: /Annuler l’inscription.*Simone Caron/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Annuler l’inscription/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('418 555-0123');
    await page.getByRole('button', { name: /Payer 20,00 \$ : Bridge pour Paulette Vachon/ }).click();
    await payCash('20');
    expect(activityRoster(desk, 'BRIDGE').registered.map((r) => [r.memberNumber, r.payment])).toEqual([[waiting, 'paid']]);
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();

    // The treasurer refunds one line of a morning sale.
    await signInByKeyboard(page, 'Huguette Lavoie', '9876');
    await expect.poll(h1).toBe('Trouver un membre');
    await page.getByLabel('Nom, no de membre, téléphone ou courriel').fill(receipts[3]!);
    await page.getByRole('button', { name: `Ouvrir le reçu ${receipts[3]}` }).click();
    await page.getByRole('button', { name: 'Rembourser des articles' }).click();
    const refund = page.getByRole('dialog');
    await refund.locator('input[type=checkbox]').first().check();
    await refund.getByRole('radio', { name: 'Comptant' }).check();
    await refund.getByLabel('Raison du remboursement').fill('Adhésion payée deux fois');
    await refund.getByRole('button', { name: 'Rembourser', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Rendez 25,00\s\$ comptant au membre\./);
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();

    // Lise comes back: her cart waits for her; she checks it out, then closes the drawer.
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await page.getByRole('button', { name: /^Panier de Membre/ }).click();
    await payCash('25');
    await toSearch();
    await page.getByRole('button', { name: 'Fermer la caisse' }).click();
    await expect.poll(h1).toBe('Fermer la caisse');
    // A 120 $ float, 41 memberships of 25 $ and the 20 $ bridge, less the 25 $ refunded: 1 140 $.
    await page.getByLabel('Billets de 20 $').fill('56');
    await page.getByLabel('Pièces de 2 $').fill('10');
    await page.getByRole('button', { name: 'Fermer la caisse' }).last().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer la caisse' }).click();
    await expect.poll(h1).toContain('Résumé de la journée');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Écart\s*0,00\s\$/);

    // Yesterday's report opens again.
    await page.getByRole('button', { name: 'Terminé' }).click();
    await page.getByRole('navigation', { name: 'Sans ouvrir la caisse' }).getByRole('button', { name: 'Rapport d’une journée' }).click();
    await page.getByRole('textbox', { name: 'Journée' }).fill(YESTERDAY);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Banque Laurentienne');

    const day = desk.reader.rawGet<{ sales: number; refunds: number }>(
      "SELECT sum(kind = 'sale') AS sales, sum(kind = 'refund') AS refunds FROM sale_order WHERE business_date > ?",
      YESTERDAY,
    )!;
    expect(day).toEqual({ sales: 42, refunds: 1 });
    expectVerifyClean(desk);
  }, 300_000);
});
