import type { Desk } from '../core/desk/desk.js';
import { findMemberRow, getMember } from '../core/members/members.js';
import { getOrder } from '../core/sales/orders.js';
import { dayReport } from '../core/cash/day-report.js';
import { dayReportPdf } from './day-report.js';
import type { Language } from './format.js';
import { memberCardPdf, type CardSize } from './member-card.js';
import { receiptPdf, type ReceiptSize } from './receipt.js';
import { rosterPdf } from './roster.js';
import { activityRoster } from '../core/activities/registrations.js';

/**
 * The documents as the desk asks for them: read what to print through the core, then hand it to
 * the pure PDF functions (member-card.ts, receipt.ts, day-report.ts), which never touch the
 * database and can be tested and benchmarked on their own.
 */
export { dayReportPdf, memberCardPdf, receiptPdf, rosterPdf };
export { useFontDirectory } from './fonts.js';

/** *Afficher/Imprimer carte de membre*, in the member's language. */
export function memberCardFor(desk: Desk, memberNumber: number, size: CardSize = 'cr80'): Promise<Uint8Array> {
  return memberCardPdf(getMember(desk, memberNumber), desk.settings(), size);
}

/** A receipt in its member's language; `copy` for every print after the first (« COPIE »). */
export function receiptFor(desk: Desk, receiptNumber: string, options: { size?: ReceiptSize; copy?: boolean } = {}): Promise<Uint8Array> {
  const order = getOrder(desk, receiptNumber);
  const language: Language = order.member ? findMemberRow(desk.reader, order.member.number).language : 'fr';
  return receiptPdf(order, desk.settings(), { language, ...options });
}

/** An activity's list (registered, then the waitlist), printed now in the desk's language. */
export function rosterFor(desk: Desk, code: string): Promise<Uint8Array> {
  return rosterPdf(activityRoster(desk, code), desk.settings(), { language: desk.language, printedAt: desk.clock.now().toISOString() });
}

/** The treasurer's report of a business date, printed now. */
export function dayReportFor(desk: Desk, date: string, language: Language = desk.language): Promise<Uint8Array> {
  return dayReportPdf(dayReport(desk, date), desk.settings(), { language, printedAt: desk.clock.now().toISOString() });
}
