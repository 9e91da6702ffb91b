import type { ClubSettings } from '../core/desk.js';
import type { CashSessionReport, DayReport } from '../core/reports.js';
import { newPdf, savePdf } from './fonts.js';
import { clockTime, colon, dateTime, LINE_KIND_NAMES, longDate, METHOD_NAMES, money, type Language } from './format.js';
import { LETTER, Sheet } from './sheet.js';

export interface DayReportOptions {
  language?: Language;
  /** When it was printed: an open drawer's figures are as of that moment. */
  printedAt?: string;
}

const WORDS = {
  fr: {
    title: (d: string) => `Rapport de la journée du ${d}`,
    printed: (at: string) => `Imprimé le ${at}`,
    summary: 'Résumé',
    counts: (s: number, v: number, r: number) => `${s} vente(s), ${v} annulation(s), ${r} remboursement(s)`,
    net: 'Total net de la journée',
    drawers: 'Caisses',
    noDrawer: 'Aucune caisse ouverte ce jour-là.',
    drawer: (desk: string, by: string, at: string) => `Poste ${desk} — ouverte par ${by} à ${at}`,
    closed: (by: string, at: string) => `Fermée par ${by} à ${at}`,
    stillOpen: 'Encore ouverte : pas encore comptée.',
    float: 'Fond de caisse',
    cashSales: 'Ventes au comptant (net)',
    cashIn: 'Entrées d’argent',
    cashOut: 'Sorties d’argent',
    expected: 'Attendu dans la caisse',
    counted: 'Compté',
    over: 'Surplus',
    short: 'Manque',
    exact: 'Écart : aucun',
    reason: 'Motif',
    byMethod: 'Paiements par mode',
    method: 'Mode',
    count: 'Nombre',
    total: 'Total',
    byKind: 'Ventes par type',
    kind: 'Type',
    byActivity: 'Ventes par activité',
    code: 'Code',
    activity: 'Activité',
    cheques: 'Chèques à déposer',
    receipt: 'Reçu',
    chequeNo: 'No du chèque',
    bank: 'Banque',
    amount: 'Montant',
    noCheque: 'Aucun chèque à déposer.',
    cards: 'Cartes',
    cardLine: (n: number, t: string) => `${n} paiement(s) par carte, total net ${t} : à rapprocher du lot du terminal.`,
    corrections: 'Annulations et remboursements',
    corrects: 'Corrige',
    what: 'Genre',
    by: 'Par',
    void: 'Annulation',
    refund: 'Remboursement',
    none: 'Aucune.',
    checked: 'Vérifié par : ______________________________     Date : ________________',
    page: (d: string, p: number, n: number) => `Rapport du ${d} · page ${p} de ${n}`,
    continued: (d: string) => `Rapport de la journée du ${d} (suite)`,
  },
  en: {
    title: (d: string) => `Day report for ${d}`,
    printed: (at: string) => `Printed ${at}`,
    summary: 'Summary',
    counts: (s: number, v: number, r: number) => `${s} sale(s), ${v} void(s), ${r} refund(s)`,
    net: 'Net total for the day',
    drawers: 'Cash drawers',
    noDrawer: 'No drawer was opened that day.',
    drawer: (desk: string, by: string, at: string) => `Desk ${desk} — opened by ${by} at ${at}`,
    closed: (by: string, at: string) => `Closed by ${by} at ${at}`,
    stillOpen: 'Still open: not counted yet.',
    float: 'Float',
    cashSales: 'Cash sales (net)',
    cashIn: 'Cash in',
    cashOut: 'Cash out',
    expected: 'Expected in the drawer',
    counted: 'Counted',
    over: 'Over',
    short: 'Short',
    exact: 'Difference: none',
    reason: 'Reason',
    byMethod: 'Payments by method',
    method: 'Method',
    count: 'Count',
    total: 'Total',
    byKind: 'Sales by kind',
    kind: 'Kind',
    byActivity: 'Sales by activity',
    code: 'Code',
    activity: 'Activity',
    cheques: 'Cheques to deposit',
    receipt: 'Receipt',
    chequeNo: 'Cheque no.',
    bank: 'Bank',
    amount: 'Amount',
    noCheque: 'No cheque to deposit.',
    cards: 'Cards',
    cardLine: (n: number, t: string) => `${n} card payment(s), net total ${t}: match it against the terminal’s batch.`,
    corrections: 'Voids and refunds',
    corrects: 'Corrects',
    what: 'Kind',
    by: 'By',
    void: 'Void',
    refund: 'Refund',
    none: 'None.',
    checked: 'Checked by: ______________________________     Date: ________________',
    page: (d: string, p: number, n: number) => `Report for ${d} · page ${p} of ${n}`,
    continued: (d: string) => `Day report for ${d} (continued)`,
  },
};

/** The treasurer's day (DayReport) on letter paper, as many pages as it takes. */
export async function dayReportPdf(report: DayReport, club: Pick<ClubSettings, 'clubName'>, options: DayReportOptions = {}): Promise<Uint8Array> {
  const language = options.language ?? 'fr';
  const w = WORDS[language];
  const day = longDate(report.date, language);
  const at = options.printedAt ? new Date(options.printedAt) : undefined;
  const { doc, fonts } = await newPdf({ title: w.title(day), language, ...(at ? { at } : {}) });
  const sheet = new Sheet(fonts, LETTER, 10.5, (s) => {
    s.text(w.continued(day), { bold: true });
    s.rule();
  });
  const base = sheet.baseSize;
  const m = (cents: number) => money(cents, language);
  const heading = (text: string) => {
    sheet.space(base * 0.9);
    sheet.text(text, { size: base + 2.5, bold: true, keepWithNext: sheet.leading() * 3 });
    sheet.space(2);
  };

  sheet.text(club.clubName, { size: base + 2, bold: true });
  sheet.text(w.title(day), { size: base + 6, bold: true });
  if (options.printedAt) sheet.text(w.printed(dateTime(options.printedAt, language)));
  sheet.rule();

  heading(w.summary);
  sheet.text(w.counts(report.orders.sales, report.orders.voids, report.orders.refunds));
  sheet.amount(w.net, m(report.orders.netTotalCents), { bold: true, amountWidth: 120 });

  heading(w.drawers);
  if (report.cashSessions.length === 0) sheet.text(w.noDrawer);
  for (const session of report.cashSessions) drawer(sheet, session, language);

  heading(w.byMethod);
  sheet.table(
    [{ title: w.method, share: 3 }, { title: w.count, share: 1, align: 'right' }, { title: w.total, share: 1.5, align: 'right' }],
    report.byMethod.map((r) => [METHOD_NAMES[r.method][language], String(r.count), m(r.totalCents)]),
    [w.total, '', m(report.byMethod.reduce((sum, r) => sum + r.totalCents, 0))],
  );

  heading(w.byKind);
  sheet.table(
    [{ title: w.kind, share: 3 }, { title: w.count, share: 1, align: 'right' }, { title: w.total, share: 1.5, align: 'right' }],
    report.byLineKind.map((r) => [LINE_KIND_NAMES[r.kind][language], r.kind === 'rounding' ? '' : String(r.count), m(r.totalCents)]),
    [w.total, '', m(report.byLineKind.reduce((sum, r) => sum + r.totalCents, 0))],
  );

  if (report.byActivity.length > 0) {
    heading(w.byActivity);
    sheet.table(
      [{ title: w.code, share: 1.2 }, { title: w.activity, share: 2.8 }, { title: w.count, share: 1, align: 'right' }, { title: w.total, share: 1.5, align: 'right' }],
      report.byActivity.map((a) => [a.code, a.name, String(a.count), m(a.totalCents)]),
    );
  }

  heading(w.cheques);
  if (report.cheques.items.length === 0) sheet.text(w.noCheque);
  else {
    sheet.table(
      [{ title: w.receipt, share: 1.3 }, { title: w.chequeNo, share: 1.2 }, { title: w.bank, share: 2.3 }, { title: w.amount, share: 1.3, align: 'right' }],
      report.cheques.items.map((c) => [c.receiptNumber, c.chequeNumber, c.bank, m(c.amountCents)]),
      [`${w.total} (${report.cheques.items.length})`, '', '', m(report.cheques.totalCents)],
    );
  }

  heading(w.cards);
  sheet.text(w.cardLine(report.card.count, m(report.card.totalCents)));

  heading(w.corrections);
  if (report.corrections.length === 0) sheet.text(w.none);
  else {
    sheet.table(
      [
        { title: w.receipt, share: 1.05 },
        { title: w.corrects, share: 1.05 },
        { title: w.what, share: 1.55 },
        { title: w.amount, share: 1.05, align: 'right' },
        { title: w.reason, share: 2.2 },
        { title: w.by, share: 1.6 },
      ],
      report.corrections.map((c) => [c.receiptNumber, c.originalReceiptNumber, w[c.kind], m(c.totalCents), c.reason ?? '', c.by]),
    );
  }

  sheet.space(base * 3);
  sheet.text(w.checked);
  sheet.render(doc, (page, pages) => w.page(day, page, pages));
  return savePdf(doc);
}

/** One drawer: who opened and closed it, and how the cash adds up to what was counted. */
function drawer(sheet: Sheet, s: CashSessionReport, language: Language): void {
  const w = WORDS[language];
  const m = (cents: number) => money(cents, language);
  const detail = { indent: 12, amountWidth: 110 };
  sheet.space(4);
  sheet.text(w.drawer(s.deskName, s.openedBy, clockTime(s.openedAt, language)), { bold: true, keepWithNext: sheet.leading() * 6 });
  sheet.amount(w.float, m(s.floatCents), detail);
  sheet.amount(w.cashSales, m(s.cashSalesCents), detail);
  sheet.amount(w.cashIn, m(s.cashInCents), detail);
  sheet.amount(w.cashOut, m(-s.cashOutCents || 0), detail);
  sheet.amount(w.expected, m(s.expectedCents), { ...detail, bold: true });
  if (s.countedCents === null || s.differenceCents === null) {
    sheet.text(w.stillOpen, { indent: 12 });
    return;
  }
  sheet.amount(w.counted, m(s.countedCents), { ...detail, bold: true });
  const d = s.differenceCents;
  if (d === 0) sheet.text(w.exact, { indent: 12 });
  else sheet.amount(d > 0 ? w.over : w.short, m(d), { ...detail, bold: true });
  if (s.differenceReason) sheet.text(`${colon(w.reason, language)} ${s.differenceReason}`, { indent: 12 });
  if (s.closedBy && s.closedAt) sheet.text(w.closed(s.closedBy, clockTime(s.closedAt, language)), { indent: 12 });
}
