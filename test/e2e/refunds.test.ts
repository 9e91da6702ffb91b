import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { memberRegistrations } from '../../src-main/core/activities/registrations.js';
import { closeCashSession, openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember, findMemberRow } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { checkScreen, expectVerifyClean, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

/** The receipt refunds chosen lines, by the treasurer; a volunteer is told whom to call. */
describe('refunding chosen lines from the receipt', () => {
  let d: DeskInBrowser;
  let member = 0;
  let receipt = '';
  beforeAll(async () => {
    d = await openDeskInBrowser({
      setup: (desk, adminId) => {
        const admin = { userId: adminId };
        const made = createMember(desk, admin, { firstName: 'Roger', lastName: 'Pelletier', force: true });
        if (!made.created) throw new Error('not created');
        member = made.member.number;
        createActivity(desk, admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 3000, capacity: null, membershipRequired: true });
        // Sold in a drawer since closed: only a refund can correct it now.
        openCashSession(desk, admin, { count: { '2000': 5 } });
        receipt = checkout(desk, admin, {
          memberNumber: member,
          lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'CHORALE' }],
          payments: [{ method: 'cheque', amountCents: 5500, chequeNumber: '311', bank: 'Banque Nationale' }],
        }).order.receiptNumber;
        closeCashSession(desk, admin, { count: { '2000': 5 } });
        openCashSession(desk, admin, { count: { '2000': 5 } });
      },
    });
  });
  afterAll(async () => d?.close());

  const openReceipt = async () => {
    const { page } = d;
    await page.locator('#lookup-title').waitFor();
    await page.getByLabel('Nom, no de membre, téléphone ou courriel').fill(String(member));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Afficher le reçu ${receipt}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(receipt);
  };

  it('tells a volunteer that the treasurer refunds, and offers no button that would be refused', async () => {
    const { page } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await openReceipt();
    await expect.poll(() => page.locator('main').textContent()).toContain('Pour rembourser des articles de ce reçu, le trésorier doit se connecter.');
    expect(await page.getByRole('button', { name: 'Rembourser des articles' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Annuler cette vente' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
  });

  it('refunds the activity alone by cheque for the treasurer, says which cheque to hand over, and the registration reads « Remboursée »', async () => {
    const { page, desk } = d;
    await signInByKeyboard(page, 'Huguette Lavoie', '9876');
    await openReceipt();
    await page.getByRole('button', { name: 'Rembourser des articles' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.locator('input[type=checkbox]').count()).toBe(2);
    await dialog.getByLabel(/Chorale \(Hiver 2027\)/).check();
    // Paid by cheque, given back by cheque unless the treasurer chooses otherwise.
    expect(await dialog.getByRole('radio', { name: 'Chèque' }).isChecked()).toBe(true);
    await expect.poll(() => dialog.textContent()).toMatch(/À rembourser\s:\s30,00\s\$/);
    await dialog.getByLabel('Numéro du chèque remis').fill('1042');
    await dialog.getByLabel('Banque').fill('Caisse Desjardins du Club');
    await dialog.getByLabel('Raison du remboursement').fill('Chorale annulée par le club');
    await checkScreen(page, '09-remboursement');
    await dialog.getByRole('button', { name: 'Rembourser', exact: true }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Reçu A-\d{6}/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Remettez au membre le chèque no 1042 \(Caisse Desjardins du Club, 30,00\s\$\)\./);
    const history = memberRegistrations(desk.reader, findMemberRow(desk.reader, member).id);
    expect(history.map((r) => [r.activityCode, r.payment])).toEqual([['CHORALE', 'refunded']]);
    expectVerifyClean(desk);

    // The refunded line is not offered twice; the membership still is.
    await page.getByRole('button', { name: `Voir le reçu ${receipt}` }).click();
    await page.getByRole('button', { name: 'Rembourser des articles' }).click();
    expect(await page.getByRole('dialog').locator('input[type=checkbox]').count()).toBe(1);
  });
});
