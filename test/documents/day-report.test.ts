import { describe, expect, it } from 'vitest';
import { dayReport } from '../../src-main/core/cash/day-report.js';
import { dayReportFor, dayReportPdf } from '../../src-main/documents/index.js';
import { addMember, newDesk, openDrawer } from '../helpers.js';
import { closeCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { pageSizes, pdfPages, pdfText, SIZES } from './read-back.js';
import { populateSampleDay, SAMPLE_CLUB } from './sample-club.js';

/**
 * The report's parts as read back: the summary, the whole day, then each drawer, cut at each
 * part's title line (the pages' "continued" lines name the part but never start with its title).
 */
function parts(text: string, titles: string[]): string[] {
  const starts = titles.map((title) => {
    const at = text.search(new RegExp(`^${title}$`, 'm'));
    expect(at, title).toBeGreaterThan(-1);
    return at;
  });
  return [0, ...starts].map((start, i) => text.slice(start, i < starts.length ? starts[i] : undefined));
}

describe('day report', () => {
  const { desk, admin, clock } = newDesk({ at: '2025-09-01T15:00:00Z', club: SAMPLE_CLUB, prefix: 'R' });
  const day = populateSampleDay(desk, admin, clock);
  const french = dayReportFor(desk, day.date, 'fr').then((pdf) => {
    const text = pdfText(pdf);
    const [summary, wholeDay, morning, afternoon] = parts(text, [
      'Toute la journée, tous les postes',
      'Caisse 1 de 2 — poste Accueil',
      'Caisse 2 de 2 — poste Accueil',
    ]) as [string, string, string, string];
    return { pdf, text, summary, wholeDay, morning, afternoon };
  });

  it('runs over several numbered letter pages, each after the first marked as continued with its part', async () => {
    const { pdf, text } = await french;
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toEqual(SIZES.letter);
    expect(text).toContain('Rapport de la journée du 27 novembre 2026');
    expect(text).toContain(`Rapport du 27 novembre 2026 · page 1 de ${sizes.length}`);
    expect(text).toContain('Rapport de la journée du 27 novembre 2026 (suite) · Toute la journée, tous les postes');
    expect(text).toContain('Rapport de la journée du 27 novembre 2026 (suite) · Caisse 1 de 2 — poste Accueil');
  });

  it('starts with the day’s counts and every drawer on one line: who opened and closed it, its net and its difference', async () => {
    const { summary } = await french;
    expect(summary).toContain('45 ventes, 2 annulations, 1 remboursement');
    expect(summary).toContain('Total net de la journée 1 528,65 $');
    expect(summary).toContain('Accueil Ginette Lévesque, 9 h 00 Ginette Lévesque, 12 h 00 1 463,65 $ -2,00 $');
    expect(summary).toContain('Accueil Gérard Côté, 12 h 04 Ginette Lévesque, 12 h 28 65,00 $ 0,00 $');
  });

  it('totals the whole day, every drawer together: sales by kind and by activity, payments by method', async () => {
    const { wholeDay } = await french;
    expect(wholeDay).toContain('Comptant 6 7,40 $');
    expect(wholeDay).toContain('Chèque 39 1 451,25 $');
    expect(wholeDay).toContain('Carte 5 70,00 $');
    expect(wholeDay).toContain('Total 1 528,65 $');
    expect(wholeDay).toContain('Adhésions 16 400,00 $');
    expect(wholeDay).toContain('Dons 40 877,42 $');
    expect(wholeDay).toContain('Arrondi (argent comptant) -0,02 $');
    expect(wholeDay).toContain('PEINT Peinture à l’huile 1 40,00 $');
    expect(wholeDay).toContain('YOGA-A26 Yoga doux 0 0,00 $');
    expect(wholeDay).toContain('ATL-26 Atelier 26 : tricot, broderie et courtepointe 1 11,25 $');
  });

  it('lists every cheque of the day to deposit with its number, bank and amount, and their total', async () => {
    const { wholeDay } = await french;
    expect(wholeDay).toContain(`${day.receipts.split} 123 Desjardins 50,00 $`);
    expect(wholeDay).toContain(`${day.receipts.many} 4567 Banque Nationale du Canada 561,25 $`);
    expect(wholeDay).toContain('R-000044 1035 Caisse Desjardins du Haut-Richelieu 40,00 $');
    expect(wholeDay).toContain(`${day.receipts.afternoonCheque} 777 Banque Laurentienne 30,00 $`);
    expect(wholeDay).toContain('Total (39) 1 451,25 $');
    expect(wholeDay).toContain('5 paiements par carte, total net 70,00 $');
  });

  it('lists the day’s voids and refunds with the receipt each corrects, why and by whom', async () => {
    const { wholeDay } = await french;
    expect(wholeDay).toContain(`${day.receipts.void} ${day.receipts.voided} Annulation -10,00 $ Mauvais montant saisi Ginette Lévesque`);
    expect(wholeDay).toMatch(new RegExp(`${day.receipts.refund} ${day.receipts.split} Remboursement -60,00 \\$ Cours annulé faute Gérard Côté`));
    expect(wholeDay).toContain(`${day.receipts.afternoonVoid} R-000048 Annulation -5,00 $ Don saisi deux fois Gérard Côté`);
  });

  it('gives the morning drawer its own part: opened and closed, cash counted 2 $ short with the reason, its own takings', async () => {
    const { morning } = await french;
    expect(morning).toContain('Ouverte par Ginette Lévesque à 9 h 00');
    expect(morning).toContain('Fermée par Ginette Lévesque à 12 h 00');
    expect(morning).toContain('41 ventes, 1 annulation, 1 remboursement');
    expect(morning).toContain('Total net de la caisse 1 463,65 $');
    expect(morning).toContain('Fonds de caisse 100,00 $');
    expect(morning).toContain('Ventes au comptant (net) -12,60 $');
    expect(morning).toContain('Sorties d’argent -10,00 $');
    expect(morning).toContain('Attendu dans la caisse 77,40 $');
    expect(morning).toContain('Compté 75,40 $');
    expect(morning).toContain('Manque -2,00 $');
    expect(morning).toContain('Raison de l’écart : Erreur de monnaie, probablement sur un 2 $');
    expect(morning).toContain('Comptant 3 -12,60 $');
    expect(morning).toContain('Chèque 38 1 421,25 $');
    expect(morning).toContain('Carte 4 55,00 $');
    expect(morning).toContain('Dons 37 812,42 $');
    expect(morning).toContain('PEINT Peinture à l’huile 1 40,00 $');
    expect(morning).toContain('Total (38) 1 421,25 $');
    expect(morning).toContain('4 paiements par carte, total net 55,00 $');
    expect(morning).toContain(`${day.receipts.void} ${day.receipts.voided} Annulation -10,00 $ Mauvais montant saisi Ginette Lévesque`);
    expect(morning).toContain('Vérifié par');
    // Nothing of the afternoon's.
    expect(morning).not.toContain('Banque Laurentienne');
    expect(morning).not.toContain('Don saisi deux fois');
  });

  it('gives the afternoon drawer its own part: opened by someone else, closed exact, with its cheque, card and void', async () => {
    const { afternoon } = await french;
    expect(afternoon).toContain('Ouverte par Gérard Côté à 12 h 04');
    expect(afternoon).toContain('Fermée par Ginette Lévesque à 12 h 28');
    expect(afternoon).toContain('4 ventes, 1 annulation, 0 remboursement');
    expect(afternoon).toContain('Total net de la caisse 65,00 $');
    expect(afternoon).toContain('Attendu dans la caisse 120,00 $');
    expect(afternoon).toContain('Compté 120,00 $');
    expect(afternoon).toContain('Écart : aucun');
    expect(afternoon).toContain('Comptant 3 20,00 $');
    expect(afternoon).toContain('Chèque 1 30,00 $');
    expect(afternoon).toContain('Carte 1 15,00 $');
    expect(afternoon).toContain('Dons 3 65,00 $');
    expect(afternoon).not.toContain('Ventes par activité');
    expect(afternoon).toContain(`${day.receipts.afternoonCheque} 777 Banque Laurentienne 30,00 $`);
    expect(afternoon).toContain('Total (1) 30,00 $');
    expect(afternoon).toContain('1 paiement par carte, total net 15,00 $');
    expect(afternoon).toContain(`${day.receipts.afternoonVoid} R-000048 Annulation -5,00 $ Don saisi deux fois Gérard Côté`);
    expect(afternoon).not.toContain('Mauvais montant saisi');
    expect(afternoon).toContain('Vérifié par');
  });

  it('prints in English for an English-speaking treasurer', async () => {
    const text = pdfText(await dayReportFor(desk, day.date, 'en'));
    expect(text).toContain('Day report for November 27, 2026');
    expect(text).toContain('The whole day, every desk');
    expect(text).toContain('Drawer 1 of 2 — desk Accueil');
    expect(text).toContain('Opened by Ginette Lévesque at 9:00 a.m.');
    expect(text).toContain('Net total for the drawer $1,463.65');
    expect(text).toContain('Expected in the drawer $77.40');
    expect(text).toContain('Short -$2.00');
    expect(text).toContain('Cash out $0.00');
    expect(text).toContain('Cheque 39 $1,451.25');
    expect(text).toContain('Cheque 38 $1,421.25');
    expect(text).toContain('Voids and refunds');
  });

  it('dates a drawer’s opening when it was opened on another day', async () => {
    const report = dayReport(desk, day.date);
    const session = { ...report.cashSessions[0]!, openedAt: '2026-11-27T04:50:00Z' };
    const text = pdfText(await dayReportPdf({ ...report, cashSessions: [session] }, { clubName: 'Club' }));
    expect(text).toContain('Ouverte par Ginette Lévesque le 26 novembre 2026 à 23 h 50');
    // In the summary's narrow column it wraps, beside the closing on the report's day.
    expect(text).toMatch(/^Accueil Ginette Lévesque, 26 Ginette Lévesque, 12 h 00 .*\nnovembre 2026 à 23 h 50$/m);
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

describe('the day report’s signature line', () => {
  /** A day with two drawers, the first taking `first` sales and the second `second`. */
  async function twoDrawers(first: number, second: number): Promise<string[]> {
    const { desk, admin, clock } = newDesk({ at: '2026-11-27T14:00:00Z' });
    for (const [drawer, sales] of [first, second].entries()) {
      openDrawer(desk, admin);
      for (let i = 0; i < sales; i++) {
        const member = addMember(desk, admin, `Membre${drawer}x${i}`, 'Gagnon');
        checkout(desk, admin, { memberNumber: member, lines: [{ kind: 'membership' }], payments: [{ method: 'cheque', amountCents: 2500, chequeNumber: `${drawer}${i}`, bank: 'Desjardins' }] });
      }
      closeCashSession(desk, admin, { count: { '2000': 2, '1000': 4, '500': 4 } });
      clock.advance(3 * 3600_000);
    }
    return pdfPages(await dayReportFor(desk, '2026-11-27', 'fr'));
  }
  /** What a page holds besides its footer and its « (suite) » line. */
  const body = (page: string) => page.split('\n').filter((line) => line !== '' && !/ · page \d+ de \d+$/.test(line) && !/\(suite\)$/.test(line));

  it('never stands alone on a page: two drawers with 1 and 3 sales, and their neighbours', async () => {
    for (const [first, second] of [[1, 3], [0, 1], [2, 2], [3, 1], [4, 6], [1, 9]] as const) {
      const pages = await twoDrawers(first, second);
      expect(pages.filter((page) => page.includes('Vérifié par')), `${first} + ${second}`).toHaveLength(3);
      for (const [i, page] of pages.entries()) {
        const lines = body(page);
        expect(lines.length > 1 || !lines[0]?.startsWith('Vérifié par'), `${first} + ${second}, page ${i + 1}: ${lines.join(' / ')}`).toBe(true);
      }
    }
  }, 60_000);
});
