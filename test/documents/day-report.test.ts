import { describe, expect, it } from 'vitest';
import { dayReport } from '../../src-main/core/reports.js';
import { dayReportFor, dayReportPdf } from '../../src-main/documents/index.js';
import { newDesk } from '../helpers.js';
import { pageSizes, pdfText, SIZES } from './read-back.js';
import { populateSampleDay, SAMPLE_CLUB } from './sample-club.js';

describe('day report', () => {
  const { desk, admin, clock } = newDesk({ at: '2025-09-01T15:00:00Z', club: SAMPLE_CLUB, prefix: 'R' });
  const day = populateSampleDay(desk, admin, clock);
  const french = dayReportFor(desk, day.date, 'fr').then((pdf) => ({ pdf, text: pdfText(pdf) }));

  it('runs over several numbered letter pages, each after the first marked as continued', async () => {
    const { pdf, text } = await french;
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toEqual(SIZES.letter);
    expect(text).toContain('Rapport de la journée du 27 novembre 2026');
    expect(text).toContain(`Rapport du 27 novembre 2026 · page 1 de ${sizes.length}`);
    expect(text).toContain('Rapport de la journée du 27 novembre 2026 (suite)');
  });

  it('shows each drawer: who opened and closed it, float, cash expected against counted, and the shortfall with its reason', async () => {
    const { text } = await french;
    expect(text).toContain('Poste Accueil — ouverte par Ginette Lévesque à 9 h 00');
    expect(text).toContain('Fond de caisse 100,00 $');
    expect(text).toContain('Ventes au comptant (net) -12,60 $');
    expect(text).toContain('Sorties d’argent -10,00 $');
    expect(text).toContain('Attendu dans la caisse 77,40 $');
    expect(text).toContain('Compté 75,40 $');
    expect(text).toContain('Manque -2,00 $');
    expect(text).toContain('Motif : Erreur de monnaie, probablement sur un 2 $');
    expect(text).toContain('Fermée par Ginette Lévesque à 12 h 00');
    // The afternoon drawer, opened by someone else and closed exact.
    expect(text).toContain('Poste Accueil — ouverte par Gérard Côté à 12 h 04');
    expect(text).toContain('Attendu dans la caisse 120,00 $');
    expect(text).toContain('Écart : aucun');
  });

  it('totals sales by kind and by activity, and payments by method', async () => {
    const { text } = await french;
    expect(text).toContain('Total net de la journée 1 483,65 $');
    expect(text).toContain('Comptant 4 7,40 $');
    expect(text).toContain('Chèque 38 1 421,25 $');
    expect(text).toContain('Carte 4 55,00 $');
    expect(text).toContain('Adhésions 16 400,00 $');
    expect(text).toContain('Arrondi (argent comptant) -0,02 $');
    expect(text).toContain('PEINT Peinture à l’huile 1 40,00 $');
    expect(text).toContain('YOGA-A26 Yoga doux 0 0,00 $');
    expect(text).toContain('ATL-26 Atelier 26 : tricot, broderie et courtepointe 1 11,25 $');
  });

  it('lists every cheque to deposit with its number, bank and amount, and their total', async () => {
    const { text } = await french;
    expect(text).toContain(`${day.receipts.split} 123 Desjardins 50,00 $`);
    expect(text).toContain(`${day.receipts.many} 4567 Banque Nationale du Canada 561,25 $`);
    expect(text).toContain('R-000044 1035 Caisse Desjardins du Haut-Richelieu 40,00 $');
    expect(text).toContain('Total (38) 1 421,25 $');
    expect(text).toContain('4 paiement(s) par carte, total net 55,00 $');
  });

  it('lists voids and refunds with the receipt each corrects, why and by whom', async () => {
    const { text } = await french;
    expect(text).toContain(`${day.receipts.void} ${day.receipts.voided} Annulation -10,00 $ Mauvais montant saisi Ginette Lévesque`);
    expect(text).toMatch(new RegExp(`${day.receipts.refund} ${day.receipts.split} Remboursement -60,00 \\$ Cours annulé faute Gérard Côté`));
  });

  it('prints in English for an English-speaking treasurer', async () => {
    const text = pdfText(await dayReportFor(desk, day.date, 'en'));
    expect(text).toContain('Day report for November 27, 2026');
    expect(text).toContain('Desk Accueil — opened by Ginette Lévesque at 9:00 a.m.');
    expect(text).toContain('Expected in the drawer $77.40');
    expect(text).toContain('Short -$2.00');
    expect(text).toContain('Cash out $0.00');
    expect(text).toContain('Cheque 38 $1,421.25');
    expect(text).toContain('Voids and refunds');
  });

  it('fits a quiet day on one page and says there was nothing to deposit', async () => {
    const quiet = dayReport(desk, '2026-11-28');
    const pdf = await dayReportPdf(quiet, { clubName: 'Club des aînés' });
    expect(await pageSizes(pdf)).toEqual([SIZES.letter]);
    const text = pdfText(pdf);
    expect(text).toContain('Aucune caisse ouverte ce jour-là.');
    expect(text).toContain('Aucun chèque à déposer.');
    expect(text).toContain('Total net de la journée 0,00 $');
  });
});
