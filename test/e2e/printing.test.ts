import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { registerMember } from '../../src-main/core/activities/registrations.js';
import { decodeBarcode, flat, pageSizes, pdfText, SIZES } from '../documents/read-back.js';
import { checkScreen, openDeskInBrowser, openMember as openMemberIn, printedPdf, signInByKeyboard, type DeskInBrowser } from './harness.js';

/** « Imprimer » prints the document itself, in the desk's paper, never the screen. */
describe('printing at the desk', () => {
  let d: DeskInBrowser;
  let renewed = 0;
  let never = 0;
  let receipt = '';
  beforeAll(async () => {
    d = await openDeskInBrowser({
      paper: { receipt: 'roll', card: 'cr80' },
      setup: (desk, adminId) => {
        const admin = { userId: adminId };
        const made = createMember(desk, admin, { firstName: 'Gisèle', lastName: 'Ouellette', force: true });
        const other = createMember(desk, admin, { firstName: 'Bertrand', lastName: 'Nolet', force: true });
        if (!made.created || !other.created) throw new Error('not created');
        renewed = made.member.number;
        never = other.member.number;
        openCashSession(desk, admin, { count: { '2000': 5 } });
        createActivity(desk, admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 0, capacity: null, membershipRequired: false, place: 'Salle paroissiale' });
        const singer = createMember(desk, admin, { firstName: 'Rita', lastName: 'Gingras', phone: '418 555-0199', force: true });
        if (singer.created) registerMember(desk, admin, { activityCode: 'CHORALE', memberNumber: singer.member.number });
        receipt = checkout(desk, admin, { memberNumber: renewed, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 3000 }] }).order.receiptNumber;
      },
    });
    await signInByKeyboard(d.page, 'Lise Bouchard', '1234');
    await d.page.locator('#lookup-title').waitFor();
  });
  afterAll(async () => d?.close());

  const openMember = (number: number) => openMemberIn(d.page, number);


  it('prints the member card PDF on a CR80 card, with the barcode a scanner reads, as the preview says', async () => {
    const { page } = d;
    await openMember(renewed);
    await page.getByRole('button', { name: 'Imprimer la carte' }).click();
    await expect.poll(() => page.locator('.member-card').textContent()).toMatch(/Valide jusqu’au\s*\d{1,2} \p{L}+ \d{4}/u);
    await checkScreen(page, '12-carte-apercu');
    const pdf = await printedPdf(page, page.getByRole('button', { name: 'Imprimer', exact: true }));
    const [size] = await pageSizes(pdf);
    expect(size!.width).toBeCloseTo(SIZES.cr80.width, 1);
    expect(size!.height).toBeCloseTo(SIZES.cr80.height, 1);
    expect(decodeBarcode(pdf)).toBe(String(renewed));
    // The card prints its title in capitals; the words are the same.
    const preview = flat((await page.locator('.member-card').textContent()) ?? '').toLowerCase();
    const printed = flat(pdfText(pdf)).toLowerCase();
    for (const words of ['carte de membre', 'gisèle ouellette', 'valide jusqu’au']) {
      expect(preview).toContain(words);
      expect(printed).toContain(words);
    }
  });

  it('says « Statut : Non membre » on the preview of someone who never paid, as the printed card does', async () => {
    const { page } = d;
    await openMember(never);
    await page.getByRole('button', { name: 'Imprimer la carte' }).click();
    await expect.poll(() => page.locator('.member-card').textContent()).toMatch(/Statut\s*Non membre/);
    const pdf = await printedPdf(page, page.getByRole('button', { name: 'Imprimer', exact: true }));
    expect(flat(pdfText(pdf))).toContain('Statut Non membre');
  });

  it('prints the receipt PDF on the desk’s 80 mm roll, club and all', async () => {
    const { page } = d;
    await openMember(renewed);
    await page.getByRole('button', { name: `Afficher le reçu ${receipt}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(receipt);
    const pdf = await printedPdf(page, page.getByRole('button', { name: 'Imprimer', exact: true }));
    const sizes = await pageSizes(pdf);
    expect(sizes.every((s) => Math.abs(s.width - SIZES.rollWidth) < 0.5)).toBe(true);
    const text = flat(pdfText(pdf));
    expect(text).toContain(receipt);
    expect(text).toContain('COPIE');
    expect(text).toContain('Gisèle Ouellette');
  });

  it('prints the day report PDF from « Rapport d’une journée »', async () => {
    const { page } = d;
    await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
    await page.getByRole('button', { name: 'Rapport d’une journée' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/^Journée du/);
    const pdf = await printedPdf(page, page.getByRole('button', { name: 'Imprimer', exact: true }));
    expect(flat(pdfText(pdf))).toContain('Rapport de la journée');
  });

  it('prints an activity’s list with each member’s phone, from the list on screen', async () => {
    const { page } = d;
    await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
    await page.getByRole('button', { name: 'Activités' }).click();
    await page.locator('#open-CHORALE').click();
    await expect.poll(() => page.locator('.roster').textContent()).toContain('418 555-0199');
    await checkScreen(page, '12-liste-activite');
    const pdf = await printedPdf(page, page.getByRole('button', { name: 'Imprimer la liste' }));
    const text = flat(pdfText(pdf));
    expect(text).toContain('Liste — Chorale (Hiver 2027)');
    expect(text).toContain('Lieu : Salle paroissiale');
    expect(text).toMatch(/Gingras, Rita \d+ 418 555-0199 Gratuite/);
  });
});
