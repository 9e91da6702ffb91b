import type { ClubSettings } from '../core/desk/desk.js';
import type { OrderView, PaymentView } from '../core/sales/views.js';
import { newPdf, savePdf } from './fonts.js';
import { oneLine, paymentLabel, type Language } from './format.js';
import { formatLongDate, formatClockTime } from '../../src-shared/dates.js';
import { formatMoney } from '../../src-shared/money.js';
import { lineLabel, ORDER_KIND_WORDS, withColon } from '../../src-shared/words.js';
import { LETTER, ROLL_80MM, Sheet } from './sheet.js';

/** Letter for the office printer, 80 mm for a receipt printer's roll. */
export type ReceiptSize = 'letter' | 'roll';

export type ReceiptClub = Pick<ClubSettings, 'clubName' | 'clubAddress' | 'registrationNumbers'>;

export interface ReceiptOptions {
  /** The member's language (French when there is no member). */
  language: Language;
  size?: ReceiptSize;
  /** A reprint: marked « COPIE » so two originals never circulate. */
  copy?: boolean;
}

const WORDS = {
  fr: {
    sale: 'Reçu',
    receiptNo: 'No de reçu',
    date: 'Date',
    time: 'Heure',
    desk: 'Poste',
    volunteer: 'Bénévole',
    member: 'Membre',
    memberNo: 'No de membre',
    voids: 'Annule le reçu',
    refunds: 'Rembourse le reçu',
    reason: 'Motif',
    description: 'Description',
    amount: 'Montant',
    period: (from: string, to: string) => `Période du ${from} au ${to}`,
    periodVoided: 'période annulée',
    forMember: (name: string, n: number) => `Pour ${name} (no de membre ${n})`,
    clubPrice: (amount: string) => `Prix du club : ${amount}`,
    subtotal: 'Sous-total',
    total: 'Total',
    payments: 'Paiement',
    paidBack: 'Remis au membre',
    tendered: 'Montant remis',
    change: 'Monnaie rendue',
    voidedBy: (r: string) => `Ce reçu a été annulé par le reçu ${r}.`,
    refundedBy: (r: string) => `Remboursement en partie : reçu ${r}.`,
    copy: 'COPIE',
    continued: (r: string) => `Reçu ${r} (suite)`,
    page: (r: string, p: number, n: number) => `Reçu ${r} · page ${p} de ${n}`,
    thanks: 'Merci de votre soutien\u00a0!',
  },
  en: {
    sale: 'Receipt',
    receiptNo: 'Receipt no.',
    date: 'Date',
    time: 'Time',
    desk: 'Desk',
    volunteer: 'Volunteer',
    member: 'Member',
    memberNo: 'Member no.',
    voids: 'Voids receipt',
    refunds: 'Refunds receipt',
    reason: 'Reason',
    description: 'Description',
    amount: 'Amount',
    period: (from: string, to: string) => `Period ${from} to ${to}`,
    periodVoided: 'period voided',
    forMember: (name: string, n: number) => `For ${name} (member no. ${n})`,
    clubPrice: (amount: string) => `Club price: ${amount}`,
    subtotal: 'Subtotal',
    total: 'Total',
    payments: 'Payment',
    paidBack: 'Paid back',
    tendered: 'Tendered',
    change: 'Change',
    voidedBy: (r: string) => `This receipt was voided by receipt ${r}.`,
    refundedBy: (r: string) => `Partly refunded: receipt ${r}.`,
    copy: 'COPY',
    continued: (r: string) => `Receipt ${r} (continued)`,
    page: (r: string, p: number, n: number) => `Receipt ${r} · page ${p} of ${n}`,
    thanks: 'Thank you for your support!',
  },
};

/** A receipt (or the void or refund that corrects one) as a PDF. */
export async function receiptPdf(order: OrderView, club: ReceiptClub, options: ReceiptOptions): Promise<Uint8Array> {
  const { language, size = 'letter', copy = false } = options;
  const w = WORDS[language];
  const roll = size === 'roll';
  const title = order.kind === 'sale' ? w.sale : ORDER_KIND_WORDS[language][order.kind];
  const { doc, fonts } = await newPdf({ title: `${title} ${order.receiptNumber}`, language, at: new Date(order.createdAt) });
  const sheet = new Sheet(fonts, roll ? ROLL_80MM : LETTER, roll ? 8.5 : 11, (s) => {
    s.text(oneLine(club.clubName), { bold: true });
    s.text(`${w.continued(order.receiptNumber)}${copy ? ` — ${w.copy}` : ''}`, { bold: true });
    s.rule();
  });
  const base = sheet.baseSize;
  const labelWidth = roll ? 72 : 130;
  const pair = (label: string, value: string) =>
    sheet.row([{ text: withColon(label, language), width: labelWidth }, { text: value, width: sheet.width - labelWidth }]);

  // Who is giving this receipt: the club, its address, the numbers a receipt must carry.
  sheet.text(oneLine(club.clubName), { size: base + 4, bold: true, align: roll ? 'center' : 'left' });
  for (const line of (club.clubAddress ?? '').split('\n').filter((l) => l.trim() !== '')) {
    sheet.text(line, { align: roll ? 'center' : 'left' });
  }
  for (const { label, number } of club.registrationNumbers ?? []) {
    sheet.text(`${withColon(label, language)} ${number}`, { size: base - 1, align: roll ? 'center' : 'left' });
  }
  sheet.space(base * 0.6);
  if (copy) sheet.banner(w.copy, base + 6);
  sheet.space(base * 0.4);
  sheet.text(title.toUpperCase(), { size: base + 3, bold: true, align: roll ? 'center' : 'left' });
  sheet.space(base * 0.3);

  pair(w.receiptNo, order.receiptNumber);
  pair(w.date, formatLongDate(order.businessDate, language));
  pair(w.time, formatClockTime(order.createdAt, language));
  pair(w.desk, order.deskName);
  pair(w.volunteer, order.createdBy);
  if (order.member) {
    pair(w.member, `${order.member.firstName} ${order.member.lastName}`);
    pair(w.memberNo, String(order.member.number));
  }
  if (order.originalReceiptNumber) {
    sheet.space(base * 0.4);
    sheet.text(`${order.kind === 'void' ? w.voids : w.refunds} ${order.originalReceiptNumber}`, { bold: true });
    if (order.reason) sheet.text(`${withColon(w.reason, language)} ${order.reason}`);
  }
  sheet.rule();

  // What was bought (or given back), each line with its amount; memberships with their period.
  const detail = { size: base - 1.5, indent: base };
  // The column titles start the lines again on each page a long receipt continues on.
  const titles = () => sheet.amount(w.description, w.amount, { bold: true, keepWithNext: sheet.leading() * 2 });
  sheet.withTitles(titles, () => writeLines(sheet, order, language, w, detail));
  const rounding = order.lines.filter((l) => l.kind === 'rounding');
  sheet.rule(0.4, 3);
  if (rounding.length > 0) {
    const subtotal = order.lines.filter((l) => l.kind !== 'rounding').reduce((sum, l) => sum + l.amountCents, 0);
    sheet.amount(w.subtotal, formatMoney(subtotal, language));
    for (const line of rounding) sheet.amount(lineLabel(line, language), formatMoney(line.amountCents, language));
  }
  sheet.amount(w.total, formatMoney(order.totalCents, language), { size: base + 2, bold: true });
  sheet.space(base * 0.5);

  // How it was paid: method and only what identifies it (cheque no and bank, card brand and last 4).
  if (order.payments.length > 0) {
    sheet.text(order.kind === 'sale' ? w.payments : w.paidBack, { bold: true, keepWithNext: sheet.leading() });
    for (const payment of order.payments) paymentRows(sheet, payment, language);
  }

  const followUps = order.correctedBy.map((c) => (c.kind === 'void' ? w.voidedBy(c.receiptNumber) : w.refundedBy(c.receiptNumber)));
  if (followUps.length > 0) {
    sheet.space(base * 0.5);
    for (const text of followUps) sheet.text(text, { bold: true });
  }
  if (order.kind === 'sale') {
    sheet.space(base);
    sheet.text(w.thanks, { align: 'center' });
  }

  sheet.render(doc, (page, pages) => `${w.page(order.receiptNumber, page, pages)}${copy ? ` · ${w.copy}` : ''}`);
  return savePdf(doc);
}

function paymentRows(sheet: Sheet, payment: PaymentView, language: Language): void {
  const w = WORDS[language];
  sheet.amount(paymentLabel(payment, language), formatMoney(payment.amountCents, language));
  const detail = { size: sheet.baseSize - 1.5, indent: sheet.baseSize };
  if (payment.tenderedCents !== null) sheet.amount(w.tendered, formatMoney(payment.tenderedCents, language), detail);
  if (payment.changeCents !== null && payment.tenderedCents !== null) sheet.amount(w.change, formatMoney(payment.changeCents, language), detail);
}

/** The receipt's lines, each with its amount and details (period, for whom, the club's price). */
function writeLines(sheet: Sheet, order: OrderView, language: Language, w: (typeof WORDS)[Language], detail: { size: number; indent: number }): void {
  for (const line of order.lines) {
    if (line.kind === 'rounding') continue;
    const forOther = line.memberNumber !== null && line.memberNumber !== order.member?.number;
    // A line and its details stay on one page.
    const changed = line.listPriceCents !== null;
    const meets = [line.activitySchedule, line.activityPlace].filter(Boolean).join(' — ');
    const details = (line.period ? 1 : 0) + (forOther ? 1 : 0) + (changed ? 1 : 0) + (meets ? 1 : 0);
    sheet.ensure(sheet.leading() + details * sheet.leading(detail.size));
    sheet.amount(lineLabel(line, language), formatMoney(line.amountCents, language));
    // When and where an activity meets: the receipt is what the member takes home.
    if (meets) sheet.text(meets, detail);
    if (line.period) {
      const { startsOn, endsOn, voided } = line.period;
      const period = w.period(formatLongDate(startsOn, language), formatLongDate(endsOn, language));
      sheet.text(voided ? `${period} (${w.periodVoided})` : period, detail);
    }
    if (forOther) sheet.text(w.forMember(line.memberName ?? '', line.memberNumber!), detail);
    // The club's price shows the discount; the reason stays for the treasurer (it may be personal).
    if (changed) sheet.text(w.clubPrice(formatMoney(line.listPriceCents!, language)), detail);
  }
}
