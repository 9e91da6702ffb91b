import { describe, expect, it } from 'vitest';
import { getOrder } from '../../src-main/core/sales/orders.js';
import { receiptFor, receiptPdf } from '../../src-main/documents/index.js';
import { newDesk } from '../helpers.js';
import { flat, pageSizes, pdfPages, pdfText, SIZES } from './read-back.js';
import { populateSampleDay, SAMPLE_CLUB } from './sample-club.js';

describe('receipt', () => {
  const { desk, admin, clock } = newDesk({ at: '2025-09-01T15:00:00Z', club: SAMPLE_CLUB, prefix: 'R' });
  const { receipts, members } = populateSampleDay(desk, admin, clock);

  it('names the club, its address and registration numbers, the desk, the volunteer and the member', async () => {
    const pdf = await receiptFor(desk, receipts.cash);
    const text = pdfText(pdf);
    expect(text).toContain('Club de l’âge d’or de Saint-Jean-sur-Richelieu');
    expect(text).toContain('123, rue Principale');
    expect(text).toContain('Saint-Jean-sur-Richelieu (Québec) J3B 1A1');
    expect(text).toContain('No d’organisme de bienfaisance : 12345 6789 RR0001');
    expect(text).toContain('TPS / TVQ : 123456789 RT0001 / 1234567890 TQ0001');
    expect(text).toContain('REÇU');
    expect(text).toContain(`No de reçu : ${receipts.cash}`);
    expect(text).toContain('Date : 27 novembre 2026');
    expect(text).toContain('Heure : 9 h 04');
    expect(text).toContain('Poste : Accueil');
    expect(text).toContain('Bénévole : Ginette Lévesque');
    expect(text).toContain('Membre : Françoise Léveillé-Côté');
    expect(text).toContain(`No de membre : ${members.francoise}`);
    expect(await pageSizes(pdf)).toEqual([SIZES.letter]);
  });

  it('shows each line with its amount in fr-CA format, a membership with its period, cash tendered and change', async () => {
    const text = pdfText(await receiptFor(desk, receipts.cash));
    expect(text).toContain('Adhésion annuelle 25,00 $');
    expect(text).toContain('Période du 27 novembre 2026 au 27 novembre 2027');
    expect(text).toContain('Total 25,00 $');
    expect(text).toContain('Comptant 25,00 $');
    expect(text).toContain('Montant remis 40,00 $');
    expect(text).toContain('Monnaie rendue 15,00 $');
    expect(text).not.toContain('COPIE');
  });

  it('prints an English member’s split payment: cheque number and bank, card brand and last 4, nothing more', async () => {
    const text = pdfText(await receiptFor(desk, receipts.split, { size: 'roll' }));
    expect(text).toContain('RECEIPT');
    expect(text).toContain('Member: Nguyễn Thị Minh Khai');
    expect(text).toContain('Annual membership $25.00');
    expect(text).toContain('Period November 27, 2026 to November 27, 2027');
    expect(text).toContain('Yoga doux (Automne 2026) $60.00');
    // When and where it meets, under its line: the member takes the receipt home.
    expect(flat(text)).toContain('Mardi 13 h 30 — Salle Jean-Talon');
    expect(text).toContain('Total $85.00');
    expect(text).toContain('Cheque #123, Desjardins $50.00');
    expect(text).toContain('Card Visa •••• 4242 $35.00');
    // Neither the approval code nor the processor's transaction id reach the paper.
    expect(text).not.toContain('A1B2C3');
    expect(text).not.toContain('ch_secret_123');
  });

  it('puts the cash rounding on its own line between the subtotal and the total', async () => {
    const text = pdfText(await receiptFor(desk, receipts.rounding));
    expect(text).toContain('Peinture à l’huile (Automne 2026) 40,00 $');
    expect(text).toContain('Don 2,42 $');
    expect(text).toContain('Sous-total 42,42 $');
    expect(text).toContain('Arrondi (argent comptant) -0,02 $');
    expect(text).toContain('Total 42,40 $');
    expect(text).toContain('Carte Mastercard •••• 0005 20,00 $');
    expect(text).toContain('Comptant 22,40 $');
    expect(text).toContain('Montant remis 23,00 $');
    expect(text).toContain('Monnaie rendue 0,60 $');
  });

  it('prints on an 80 mm roll as tall as its content', async () => {
    const [short] = await pageSizes(await receiptFor(desk, receipts.cash, { size: 'roll' }));
    const long = await pageSizes(await receiptFor(desk, receipts.many, { size: 'roll' }));
    expect(short!.width).toBeCloseTo(SIZES.rollWidth, 1);
    expect(short!.width).toBeCloseTo(226.77, 1);
    expect(long).toHaveLength(1);
    expect(short!.height).toBeLessThan(600);
    expect(long[0]!.height).toBeGreaterThan(short!.height * 2.5);
  });

  it('flows many lines onto several letter pages, numbered, each after the first marked as continued', async () => {
    const pdf = await receiptFor(desk, receipts.many);
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toEqual(SIZES.letter);
    const text = pdfText(pdf);
    expect(text).toContain(`Reçu ${receipts.many} · page 1 de ${sizes.length}`);
    expect(text).toContain(`Reçu ${receipts.many} · page ${sizes.length} de ${sizes.length}`);
    expect(text).toContain(`Reçu ${receipts.many} (suite)`);
    expect(flat(text)).toContain('Membre : Marie-Ève-Bernadette Tremblay-Bouchard-Vaillancourt de la Durantaye');
    for (let i = 1; i <= 26; i++) expect(text).toContain(`Atelier ${i} : tricot, broderie et courtepointe (Hiver 2027)`);
    expect(text.match(/Adhésion annuelle 25,00 \$/g)).toHaveLength(14);
    expect(text).toMatch(/Pour Membre 1 Groupe de marche \(no de membre \d+\)/);
    expect(text).toContain('Total 561,25 $');
    expect(text).toContain('Chèque no 4567, Banque Nationale du Canada 561,25 $');
    // The lines' column titles start the lines again on every page they continue on.
    const pages = pdfPages(pdf);
    for (const page of pages.slice(1)) {
      const lines = page.split('\n').filter((line) => line !== '');
      expect(lines.slice(0, 2)).toEqual(['Club de l’âge d’or de Saint-Jean-sur-Richelieu', `Reçu ${receipts.many} (suite)`]);
      if (lines.some((line) => /Atelier \d+ :|Adhésion annuelle/.test(line))) expect(lines[2]).toBe('Description Montant');
    }
  });

  it('says which receipt a void corrects, why, and what went back to the member', async () => {
    const text = pdfText(await receiptFor(desk, receipts.void, { size: 'roll' }));
    expect(text).toContain('ANNULATION');
    expect(text).toContain(`Annule le reçu ${receipts.voided}`);
    expect(text).toContain('Motif : Mauvais montant saisi');
    expect(text).toContain('Don -10,00 $');
    expect(text).toContain('Total -10,00 $');
    expect(text).toContain('Remis au membre');
    expect(text).toContain('Carte Mastercard •••• 0005 -10,00 $');
  });

  it('says which receipt a refund corrects, in the member’s language', async () => {
    const text = pdfText(await receiptFor(desk, receipts.refund));
    expect(text).toContain('REFUND');
    expect(text).toContain(`Refunds receipt ${receipts.split}`);
    expect(text).toContain('Reason: Cours annulé faute d’inscriptions');
    expect(text).toContain('Yoga doux (Automne 2026) -$60.00');
    expect(text).toContain('Cash -$60.00');
    expect(text).toContain('Volunteer: Gérard Côté');
  });

  it('marks a reprint « COPIE », and a reprinted original names the void that cancelled it', async () => {
    const text = pdfText(await receiptFor(desk, receipts.voided, { copy: true }));
    expect(text).toContain('COPIE');
    expect(text).toContain(`Reçu ${receipts.voided} · page 1 de 1 · COPIE`);
    expect(text).toContain(`Ce reçu a été annulé par le reçu ${receipts.void}.`);
    const english = pdfText(await receiptFor(desk, receipts.split, { copy: true, size: 'roll' }));
    expect(english).toContain('COPY');
    expect(english).toContain(`Partly refunded: receipt ${receipts.refund}.`);
  });

  it('prints a receipt without a member in French, without member lines', async () => {
    const order = getOrder(desk, 'R-000009');
    expect(order.member).toBeNull();
    const text = pdfText(await receiptFor(desk, order.receiptNumber));
    expect(text).toContain('Don 5,00 $');
    expect(text).toContain('Chèque no 1000, RBC Banque Royale 5,00 $');
    expect(text).not.toContain('Membre :');
  });

  it('leaves the address and registration numbers out when the club has none', async () => {
    const order = getOrder(desk, receipts.cash);
    const text = pdfText(await receiptPdf(order, { clubName: 'Club des aînés' }, { language: 'fr' }));
    expect(text).toContain('Club des aînés');
    expect(text).not.toContain('rue Principale');
    expect(text).not.toContain('bienfaisance');
  });
});
