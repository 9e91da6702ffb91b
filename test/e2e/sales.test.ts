import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember, getMember } from '../../src-main/core/members/members.js';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { checkScreen, downloadedPdfText, expectVerifyClean, loose, openDeskInBrowser, signInByKeyboard, tabTo, type DeskInBrowser } from './harness.js';


describe('renewals at the desk', () => {
  let d: DeskInBrowser;
  const members: Record<string, number> = {};
  let firstReceipt = '';
  beforeAll(async () => {
    d = await openDeskInBrowser({
      setup: (desk, adminId) => {
        const admin = { userId: adminId };
        // A price that is not a multiple of 5 ¢, so cash rounding shows.
        updateClubSettings(desk, admin, { membershipPriceCents: 2542 });
        for (const [first, last] of [['Gisèle', 'Ouellette-Bérubé'], ['Marcel', 'Thériault-Lemieux']] as const) {
          const made = createMember(desk, admin, { firstName: first, lastName: last, force: true });
          if (made.created) members[last] = made.member.number;
        }
        openCashSession(desk, admin, { count: { '2000': 5, '500': 4 } });
      },
    });
  });
  afterAll(async () => d?.close());

  it('renews a member for cash by keyboard alone: rounding, change and receipt number right', async () => {
    const { page, desk } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('ouellette');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Ouellette-Bérubé, Gisèle');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Gisèle Ouellette-Bérubé');
    await checkScreen(page, '04-profil-membre');
    await tabTo(page, page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }));
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Panier');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Comptant');
    await page.keyboard.press('Enter');
    await page.keyboard.type('50');
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('Monnaie à rendre24,60 $'));
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('Arrondi−0,02 $'));
    await checkScreen(page, '06-panier-argent');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(loose('Confirmer la vente de 25,40 $'));
    await checkScreen(page, '06-panier-confirmation');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Reçu A-\d{6}/);
    const receiptNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/A-\d{6}/)![0];
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('Monnaie à rendre : 24,60 $'));
    await checkScreen(page, '07-recu');
    const pdf = await downloadedPdfText(page, 'Enregistrer en PDF');
    expect(pdf).toContain(receiptNumber);
    expect(pdf).toContain('Gisèle Ouellette-Bérubé');
    expect(pdf).toMatch(/Arrondi \(argent comptant\)\s+-0,02\s\$/);
    await page.getByRole('button', { name: 'Terminé' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un membre');

    const sale = desk.reader.rawGet<{ total_cents: number }>('SELECT total_cents FROM sale_order WHERE receipt_number = ?', receiptNumber);
    expect(sale?.total_cents).toBe(2540);
    expect(getMember(desk, members['Ouellette-Bérubé']).status.kind).toBe('active');
    expectVerifyClean(desk);
    firstReceipt = receiptNumber;
  });

  it('takes a split cash + cheque payment', async () => {
    const { page, desk } = d;
    await page.keyboard.type(String(members['Thériault-Lemieux']));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Marcel Thériault-Lemieux');
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Panier');

    await page.getByRole('button', { name: 'Chèque', exact: true }).click();
    await page.getByLabel('Numéro du chèque').fill('417');
    await page.getByLabel('Banque').fill('Caisse Desjardins de Charlesbourg');
    await page.getByLabel('Montant', { exact: true }).fill('20,00');
    await page.getByRole('button', { name: 'Ajouter le chèque' }).click();
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill('10');
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('Monnaie à rendre4,60 $'));
    await checkScreen(page, '06-panier-cheque-argent');
    await page.getByRole('button', { name: 'Encaisser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la vente' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Reçu A-\d{6}/);
    const text = await page.locator('main').textContent();
    expect(text).toContain('417');
    expect(text).toContain('Caisse Desjardins de Charlesbourg');
    const receiptNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/A-\d{6}/)![0];
    const payments = desk.reader.rawAll<{ method: string; amount_cents: number; tendered_cents: number | null; change_cents: number | null }>(
      'SELECT p.method, p.amount_cents, p.tendered_cents, p.change_cents FROM payment p JOIN sale_order o ON o.id = p.order_id WHERE o.receipt_number = ? ORDER BY p.position',
      receiptNumber,
    );
    expect(payments).toEqual([
      { method: 'cheque', amount_cents: 2000, tendered_cents: null, change_cents: null },
      { method: 'cash', amount_cents: 540, tendered_cents: 1000, change_cents: 460 },
    ]);
    expectVerifyClean(desk);
  });

  it('reprints a past receipt from « Mes reçus », marked COPIE, and prints the member card as a PDF', async () => {
    const { page } = d;
    await page.getByRole('button', { name: 'Terminé' }).click();
    await page.keyboard.type(String(members['Ouellette-Bérubé']));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Afficher le reçu ${firstReceipt}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('COPIE');
    const copy = await downloadedPdfText(page, 'Enregistrer en PDF');
    expect(copy).toContain('COPIE');
    expect(copy).toContain(firstReceipt);
    await page.getByRole('button', { name: 'Terminé' }).click();
    await page.keyboard.type(String(members['Ouellette-Bérubé']));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Imprimer la carte' }).click();
    await checkScreen(page, '04-carte-de-membre');
    const card = await downloadedPdfText(page, 'Carte en PDF (format carte de crédit)');
    expect(card).toContain('Gisèle Ouellette-Bérubé');
    expect(card).toContain(String(members['Ouellette-Bérubé']));
  });
});
