import { businessDate } from '../../src-shared/dates.js';
import type { ClubSettings } from '../core/desk/desk.js';
import type { CashSessionReport, DayReport, Takings } from '../core/cash/views.js';
import { newPdf, savePdf } from './fonts.js';
import { type Language } from './format.js';
import { formatLongDate, formatDateTime, formatClockTime } from '../../src-shared/dates.js';
import { formatMoney } from '../../src-shared/money.js';
import { countOf, lineLabel, LINE_KIND_TOTAL_WORDS, ORDER_KIND_WORDS, PAYMENT_METHOD_WORDS, REPORT_WORDS, withColon } from '../../src-shared/words.js';
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
    counts: (s: number, v: number, r: number) => [countOf(s, 'sale', 'fr'), countOf(v, 'void', 'fr'), countOf(r, 'refund', 'fr')].join(', '),
    net: 'Total net de la journée',
    drawers: 'Caisses',
    noDrawer: 'Aucune caisse ouverte ce jour-là.',
    openedCol: 'Ouverte',
    closedCol: 'Fermée',
    netCol: 'Net',
    differenceCol: 'Écart',
    notClosed: 'encore ouverte',
    byAt: (by: string, at: string) => `${by}, ${at}`,
    drawerTitle: (n: number, of: number, desk: string) => `Caisse ${n} de ${of} — poste ${desk}`,
    opened: (by: string, when: string) => `Ouverte par ${by} ${when}`,
    closed: (by: string, when: string) => `Fermée par ${by} ${when}`,
    at: (time: string) => `à ${time}`,
    on: (dateAndTime: string) => `le ${dateAndTime}`,
    stillOpen: 'Encore ouverte : pas encore comptée.',
    drawerNet: 'Total net de la caisse',
    cash: 'Argent comptant',
    cashIn: 'Entrées d’argent',
    cashOut: 'Sorties d’argent',
    expected: 'Attendu dans la caisse',
    over: 'Surplus',
    short: 'Manque',
    exact: 'Écart : aucun',
    reason: 'Motif',
    code: 'Code',
    noCheque: 'Aucun chèque à déposer.',
    cardLine: (n: number, t: string) => `${countOf(n, 'cardPayment', 'fr')}, total net ${t} : à rapprocher du lot du terminal.`,
    corrects: 'Corrige',
    what: 'Genre',
    none: 'Aucune.',
    checked: 'Vérifié par : ______________________________     Date : ________________',
    page: (d: string, p: number, n: number) => `Rapport du ${d} · page ${p} de ${n}`,
    continued: (d: string) => `Rapport de la journée du ${d} (suite)`,
  },
  en: {
    title: (d: string) => `Day report for ${d}`,
    printed: (at: string) => `Printed ${at}`,
    summary: 'Summary',
    counts: (s: number, v: number, r: number) => [countOf(s, 'sale', 'en'), countOf(v, 'void', 'en'), countOf(r, 'refund', 'en')].join(', '),
    net: 'Net total for the day',
    drawers: 'Cash drawers',
    noDrawer: 'No drawer was opened that day.',
    openedCol: 'Opened',
    closedCol: 'Closed',
    netCol: 'Net',
    differenceCol: 'Difference',
    notClosed: 'still open',
    byAt: (by: string, at: string) => `${by}, ${at}`,
    drawerTitle: (n: number, of: number, desk: string) => `Drawer ${n} of ${of} — desk ${desk}`,
    opened: (by: string, when: string) => `Opened by ${by} ${when}`,
    closed: (by: string, when: string) => `Closed by ${by} ${when}`,
    at: (time: string) => `at ${time}`,
    on: (dateAndTime: string) => `on ${dateAndTime}`,
    stillOpen: 'Still open: not counted yet.',
    drawerNet: 'Net total for the drawer',
    cash: 'Cash',
    cashIn: 'Cash in',
    cashOut: 'Cash out',
    expected: 'Expected in the drawer',
    over: 'Over',
    short: 'Short',
    exact: 'Difference: none',
    reason: 'Reason',
    code: 'Code',
    noCheque: 'No cheque to deposit.',
    cardLine: (n: number, t: string) => `${countOf(n, 'cardPayment', 'en')}, net total ${t}: match it against the terminal’s batch.`,
    corrects: 'Corrects',
    what: 'Kind',
    none: 'None.',
    checked: 'Checked by: ______________________________     Date: ________________',
    page: (d: string, p: number, n: number) => `Report for ${d} · page ${p} of ${n}`,
    continued: (d: string) => `Day report for ${d} (continued)`,
  },
};

type Words = (typeof WORDS)[Language] & (typeof REPORT_WORDS)[Language];

/**
 * The treasurer's day (DayReport) on letter paper, as many pages as it takes: a summary with
 * every drawer on one line; the day's totals, every desk together; then each drawer on its own,
 * from its opening to its count, with its own sales, payments, cheques, cards and corrections,
 * starting on a new page so it can go in that drawer's deposit envelope.
 */
export async function dayReportPdf(report: DayReport, club: Pick<ClubSettings, 'clubName'>, options: DayReportOptions = {}): Promise<Uint8Array> {
  const language = options.language ?? 'fr';
  const w: Words = { ...REPORT_WORDS[language], ...WORDS[language] };
  const day = formatLongDate(report.date, language);
  const at = options.printedAt ? new Date(options.printedAt) : undefined;
  const { doc, fonts } = await newPdf({ title: w.title(day), language, ...(at ? { at } : {}) });
  // The part being laid out, named again at the top of each page it continues on.
  let current: string | undefined;
  const sheet = new Sheet(fonts, LETTER, 10.5, (s) => {
    s.text(current ? `${w.continued(day)} · ${current}` : w.continued(day), { bold: true });
    s.rule();
  });
  const base = sheet.baseSize;
  const m = (cents: number) => formatMoney(cents, language);
  const time = (iso: string) => moment(iso, report.date, language);
  /** A part of the report: the whole day, or one drawer, which starts a page of its own. */
  const part = (title: string, newPage: boolean) => {
    current = undefined;
    if (newPage) sheet.ensure(Number.POSITIVE_INFINITY);
    sheet.space(base * (newPage ? 0.6 : 1.2));
    sheet.text(title, { size: base + 4.5, bold: true, keepWithNext: sheet.leading() * 6 });
    sheet.rule(1, 3);
    current = title;
  };
  const heading = (text: string) => {
    // Room below for a table's titles, rule and first row: never a heading alone at the bottom.
    const keep = sheet.leading() * 3 + 8;
    sheet.ensure(base * 0.9 + sheet.leading(base + 2.5) + keep);
    sheet.space(base * 0.9);
    sheet.text(text, { size: base + 2.5, bold: true, keepWithNext: keep });
    sheet.space(2);
  };

  sheet.text(club.clubName, { size: base + 2, bold: true });
  sheet.text(w.title(day), { size: base + 6, bold: true });
  if (options.printedAt) sheet.text(w.printed(formatDateTime(options.printedAt, language)));
  sheet.rule();

  heading(w.summary);
  sheet.text(w.counts(report.orders.sales, report.orders.voids, report.orders.refunds));
  sheet.amount(w.net, m(report.orders.netTotalCents), { bold: true, amountWidth: 120 });

  heading(w.drawers);
  if (report.cashSessions.length === 0) sheet.text(w.noDrawer);
  else {
    sheet.table(
      [
        { title: w.desk, share: 1.1 },
        { title: w.openedCol, share: 2.8 },
        { title: w.closedCol, share: 2.8 },
        { title: w.netCol, share: 1.2, align: 'right' },
        { title: w.differenceCol, share: 1.1, align: 'right' },
      ],
      report.cashSessions.map((s) => [
        s.deskName,
        w.byAt(s.openedBy, time(s.openedAt)),
        s.closedBy && s.closedAt ? w.byAt(s.closedBy, time(s.closedAt)) : w.notClosed,
        m(s.orders.netTotalCents),
        s.differenceCents === null ? '—' : m(s.differenceCents),
      ]),
    );
  }

  // The signature closes its part: never alone on a page of its own.
  const signature = () => {
    sheet.keepWithPrevious(sheet.leading(), base * 3);
    sheet.text(w.checked);
  };

  part(w.wholeDay, false);
  takings(sheet, report, language, heading);
  signature();

  report.cashSessions.forEach((session, i) => {
    // On a page of its own, to go with that drawer's count and deposit.
    part(w.drawerTitle(i + 1, report.cashSessions.length, session.deskName), true);
    drawer(sheet, session, report.date, language, heading);
    signature();
  });

  sheet.render(doc, (page, pages) => w.page(day, page, pages));
  return savePdf(doc);
}

/** Payments by method, sales by kind and by activity, cheques, cards, voids and refunds. */
function takings(sheet: Sheet, t: Takings, language: Language, heading: (text: string) => void): void {
  const w: Words = { ...REPORT_WORDS[language], ...WORDS[language] };
  const m = (cents: number) => formatMoney(cents, language);

  heading(w.byMethod);
  sheet.table(
    [{ title: w.method, share: 3 }, { title: w.count, share: 1, align: 'right' }, { title: w.total, share: 1.5, align: 'right' }],
    t.byMethod.map((r) => [PAYMENT_METHOD_WORDS[language][r.method], String(r.count), m(r.totalCents)]),
    [w.total, '', m(t.byMethod.reduce((sum, r) => sum + r.totalCents, 0))],
  );

  heading(w.byKind);
  sheet.table(
    [{ title: w.kind, share: 3 }, { title: w.count, share: 1, align: 'right' }, { title: w.total, share: 1.5, align: 'right' }],
    t.byLineKind.map((r) => [LINE_KIND_TOTAL_WORDS[language][r.kind], r.kind === 'rounding' ? '' : String(r.count), m(r.totalCents)]),
    [w.total, '', m(t.byLineKind.reduce((sum, r) => sum + r.totalCents, 0))],
  );

  if (t.byActivity.length > 0) {
    heading(w.byActivity);
    sheet.table(
      [{ title: w.code, share: 1.2 }, { title: w.activity, share: 2.8 }, { title: w.count, share: 1, align: 'right' }, { title: w.total, share: 1.5, align: 'right' }],
      t.byActivity.map((a) => [a.code, a.name, String(a.count), m(a.totalCents)]),
    );
  }

  heading(w.cheques);
  if (t.cheques.items.length === 0) sheet.text(w.noCheque);
  else {
    sheet.table(
      [{ title: w.receipt, share: 1.3 }, { title: w.chequeNo, share: 1.2 }, { title: w.bank, share: 2.3 }, { title: w.amount, share: 1.3, align: 'right' }],
      t.cheques.items.map((c) => [c.receiptNumber, c.chequeNumber, c.bank, m(c.amountCents)]),
      [`${w.total} (${t.cheques.items.length})`, '', '', m(t.cheques.totalCents)],
    );
  }

  heading(w.cards);
  sheet.text(w.cardLine(t.card.count, m(t.card.totalCents)));

  heading(w.corrections);
  if (t.corrections.length === 0) sheet.text(w.none);
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
      t.corrections.map((c) => [c.receiptNumber, c.originalReceiptNumber, ORDER_KIND_WORDS[language][c.kind], m(c.totalCents), c.reason ?? '', c.by]),
    );
  }

  if (t.priceChanges.length > 0) {
    const words = REPORT_WORDS[language];
    heading(words.priceChanges);
    sheet.table(
      [
        { title: w.receipt, share: 1.05 },
        { title: w.what, share: 1.6 },
        { title: words.clubPrice, share: 1, align: 'right' },
        { title: words.soldAt, share: 1, align: 'right' },
        { title: words.priceReason, share: 2.2 },
        { title: w.by, share: 1.6 },
      ],
      t.priceChanges.map((c) => [c.receiptNumber, lineLabel({ kind: c.kind, activityName: c.activityName }, language), m(c.listPriceCents), m(c.amountCents), c.reason, c.by]),
    );
  }
}

/**
 * One drawer: who opened and closed it and when, what it took, how the cash adds up to what was
 * counted, then its own takings.
 */
function drawer(sheet: Sheet, s: CashSessionReport, date: string, language: Language, heading: (text: string) => void): void {
  const w: Words = { ...REPORT_WORDS[language], ...WORDS[language] };
  const m = (cents: number) => formatMoney(cents, language);
  const detail = { indent: 12, amountWidth: 110 };
  const when = (iso: string) => (sameDay(iso, date) ? w.at(formatClockTime(iso, language)) : w.on(formatDateTime(iso, language)));
  sheet.text(w.opened(s.openedBy, when(s.openedAt)), { bold: true });
  sheet.text(s.closedBy && s.closedAt ? w.closed(s.closedBy, when(s.closedAt)) : w.stillOpen, { bold: true });
  sheet.space(4);
  sheet.text(w.counts(s.orders.sales, s.orders.voids, s.orders.refunds));
  sheet.amount(w.drawerNet, m(s.orders.netTotalCents), { bold: true, amountWidth: 120 });

  heading(w.cash);
  sheet.amount(w.float, m(s.floatCents), detail);
  sheet.amount(w.cashSales, m(s.cashSalesCents), detail);
  sheet.amount(w.cashIn, m(s.cashInCents), detail);
  sheet.amount(w.cashOut, m(-s.cashOutCents || 0), detail);
  sheet.amount(w.expected, m(s.expectedCents), { ...detail, bold: true });
  if (s.countedCents !== null && s.differenceCents !== null) {
    sheet.amount(w.counted, m(s.countedCents), { ...detail, bold: true });
    const d = s.differenceCents;
    if (d === 0) sheet.text(w.exact, { indent: 12 });
    else sheet.amount(d > 0 ? w.over : w.short, m(d), { ...detail, bold: true });
    if (s.differenceReason) sheet.text(`${withColon(w.differenceReason, language)} ${s.differenceReason}`, { indent: 12 });
  }

  takings(sheet, s, language, heading);
}

/** « 9 h 00 » on the report's day; with the date for a drawer left open across midnight. */
function moment(isoInstant: string, date: string, language: Language): string {
  return sameDay(isoInstant, date) ? formatClockTime(isoInstant, language) : formatDateTime(isoInstant, language);
}

function sameDay(isoInstant: string, date: string): boolean {
  return businessDate(new Date(isoInstant)) === date;
}
