import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCashSession, lastClosingCount } from '../../src-main/core/cash/cash-sessions.js';
import { checkScreen, expectVerifyClean, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

describe('opening and closing the drawer', () => {
  let d: DeskInBrowser;
  beforeAll(async () => {
    d = await openDeskInBrowser();
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
});
