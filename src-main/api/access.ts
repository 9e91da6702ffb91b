import type { AccessFact } from '../core/ledger/access-log.js';
import type { Desk } from '../core/desk/desk.js';
import { findMemberRow } from '../core/members/members.js';
import { findOrderRow } from '../core/sales/orders.js';
import type { Input, Method, Output } from './contract.js';

type Noted<M extends Method> = (input: Input<M>, value: Output<M>, desk: Desk) => AccessFact | null;

// The call has just succeeded: the member and the order exist.
const memberIdOf = (desk: Desk, number: number): string => findMemberRow(desk.reader, number).id;
const orderMemberId = (desk: Desk, receiptNumber: string): string | null => findOrderRow(desk.reader, receiptNumber).member_id;

/** The members a list showed, by number (never what was typed: a name searched is personal too, and the log keeps it forever). */
const shown = (numbers: number[]) => (numbers.length ? `membres ${numbers.join(', ')}` : 'aucun membre');

/**
 * The methods that show or send out personal data, and what the access log keeps of each call
 * (core/ledger/access-log.ts): whose data, and what was seen or exported. A member's record that
 * a write sends back (« Sauvegarder ») is a view too; the volunteer's own sale needs no entry.
 */
export const ACCESS_NOTED: { [M in Method]?: Noted<M> } = {
  'members.profile': (_input, value) => ({ what: 'profile', memberId: value.member.id }),
  'members.update': (_input, value) => ({ what: 'profile', memberId: value.id }),
  'members.create': (_input, value) => (value.created ? null : { what: 'list', detail: `doublons possibles : ${shown(value.duplicates.map((c) => c.number))}` }),
  'documents.memberCard': (input, _value, desk) => ({ what: 'card', memberId: memberIdOf(desk, Number(input.number)) }),
  'members.search': (_input, value) => ({ what: 'search', detail: shown(value.results.map((r) => r.number)) }),
  'members.checkDuplicates': (_input, value) => (value.length > 0 ? { what: 'list', detail: `doublons possibles : ${shown(value.map((c) => c.number))}` } : null),
  'activities.roster': (input) => ({ what: 'list', detail: `liste ${input.code}` }),
  'documents.roster': (input) => ({ what: 'export', detail: `liste ${input.code} (PDF)` }),
  'orders.get': (input, _value, desk) => ({ what: 'receipt', memberId: orderMemberId(desk, input.receiptNumber), detail: input.receiptNumber }),
  'documents.receipt': (input, _value, desk) => ({ what: 'receipt', memberId: orderMemberId(desk, input.receiptNumber), detail: input.receiptNumber }),
  'receipts.email': (input, value, desk) => ({ what: 'export', memberId: orderMemberId(desk, input.receiptNumber), detail: `${value.receiptNumber} → courriel` }),
  'files.save': (input) => ({ what: 'export', detail: input.filename }),
};

/** The access a call is, if it shows personal data. */
export function accessOf<M extends Method>(method: M, input: Input<M>, value: Output<M>, desk: Desk): AccessFact | null {
  const noted = ACCESS_NOTED[method] as Noted<M> | undefined;
  return noted ? noted(input, value, desk) : null;
}
