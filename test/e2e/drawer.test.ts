import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCashSession, currentCashSession, lastClosingCount, openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { createMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { fixedClock } from '../../src-shared/clock.js';
import { checkScreen, downloadedPdfText, expectVerifyClean, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

describe('opening and closing the drawer', () => {
  let d: DeskInBrowser;
  let roger = 0;
  beforeAll(async () => {
    d = await openDeskInBrowser({
      setup: (desk, adminId) => {
        // A registration day a week earlier, its drawer long closed: its report can be reopened.
        const admin = { userId: adminId };
        const made = createMember(desk, admin, { firstName: 'Roger', lastName: 'Pelletier', force: true });
        roger = made.created ? made.member.number : 0;
        const lastWeek = openDesk(desk.connection.file, { clock: fixedClock('2026-11-20T15:00:00Z') });
        try {
          openCashSession(lastWeek, admin, { count: { '2000': 5 } });
          checkout(lastWeek, admin, { memberNumber: roger, lines: [{ kind: 'membership' }], payments: [{ method: 'cheque', amountCents: 2500, chequeNumber: '77', bank: 'Banque Laurentienne' }] });
          closeCashSession(lastWeek, admin, { count: { '2000': 5 } });
        } finally {
          lastWeek.close();
        }
      },
    });
  });
  afterAll(async () => d?.close());

  it('opens the drawer with a float counted by denomination', async () => {
    const { page, desk } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ouvrir la caisse');
    await page.getByLabel('Billets de 20 $').fill('5');
    await page.getByLabel('Pièces de 2 $').fill('10');
    await page.getByLabel('Pièces de 0,25 $').fill('8');
    await expect.poll(() => page.locator('.count-table tfoot .total').textContent()).toMatch(/122,00\s\$/);
    await checkScreen(page, '02-ouvrir-la-caisse');
    await page.getByRole('button', { name: 'Ouvrir la caisse', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un membre');
    expect(currentCashSession(desk)?.floatCents).toBe(12200);
  });

  it('closes it short by 0,25 $ with a reason, and shows the day summary', async () => {
    const { page, desk } = d;
    await page.getByRole('button', { name: 'Fermer la caisse' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fermer la caisse');
    await page.getByLabel('Billets de 20 $').fill('5');
    await page.getByLabel('Pièces de 2 $').fill('10');
    await page.getByLabel('Pièces de 0,25 $').fill('7');
    await expect.poll(() => page.locator('main').textContent()).toContain('manque');
    await page.getByLabel('Raison de l’écart').fill('Un 25 ¢ rendu en trop');
    await checkScreen(page, '08-fermer-la-caisse');
    await page.getByRole('button', { name: 'Fermer la caisse' }).last().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Fermer la caisse' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Résumé de la journée');
    await expect.poll(() => page.locator('main').textContent()).toContain('Un 25 ¢ rendu en trop');
    await checkScreen(page, '09-resume-de-la-journee');
    expect(currentCashSession(desk)).toBeNull();
    expect(lastClosingCount(desk)).toMatchObject({ '25': 7 });
    const closed = desk.reader.rawGet<{ difference_cents: number; difference_reason: string }>(
      'SELECT difference_cents, difference_reason FROM cash_session ORDER BY opened_at DESC LIMIT 1',
    );
    expect(closed).toEqual({ difference_cents: -25, difference_reason: 'Un 25 ¢ rendu en trop' });
    expectVerifyClean(desk);
  });

  it('still looks members up once the drawer is closed, without selling, and reopens any day’s report', async () => {
    const { page } = d;
    await page.getByRole('button', { name: 'Terminé' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ouvrir la caisse');
    const without = page.getByRole('navigation', { name: 'Sans ouvrir la caisse' });
    await without.getByRole('button', { name: 'Trouver un membre' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un membre');
    await expect.poll(() => page.locator('main').textContent()).toContain('La caisse est fermée\u00a0: vous pouvez chercher et consulter les membres, mais pas vendre.');
    expect(await page.getByRole('button', { name: 'Vente sans membre (don)' }).count()).toBe(0);
    await checkScreen(page, '11-recherche-caisse-fermee');
    await page.getByLabel('Nom, no de membre, téléphone ou courriel').fill(String(roger));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Roger Pelletier');
    expect(await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).count()).toBe(0);

    await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
    await page.getByRole('button', { name: 'Rapport d’une journée' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/^Journée du /);
    await expect.poll(() => page.locator('main').textContent()).toContain('Un 25 ¢ rendu en trop');
    await page.getByRole('textbox', { name: 'Journée' }).fill('2026-11-20');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Journée du 20 novembre 2026');
    await expect.poll(() => page.locator('main').textContent()).toContain('Banque Laurentienne');
    await checkScreen(page, '11-rapport-journee-passee');
    const pdf = await downloadedPdfText(page, 'Rapport du jour en PDF');
    expect(pdf).toContain('20 novembre 2026');
    expect(pdf).toContain('Banque Laurentienne');
    await page.getByRole('textbox', { name: 'Journée' }).fill('2026-11-21');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Aucune caisse n’a été ouverte et rien n’a été vendu cette journée-là.');
  });
});
