import { z } from 'zod';
import type { Reader } from '../../db/sql.js';
import { addDays } from '../../../src-shared/dates.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { ROLES } from '../../../src-shared/roles.js';
import { memberNumber, parseInput } from '../../../src-shared/validation.js';
import type { Desk } from '../desk/desk.js';
import { commitBatch, commitWrite, type Actor, type WriteContext } from '../ledger/write.js';
import { findMemberRow } from '../members/members.js';
import { entriesInTheClear } from './redaction.js';

export const eraseSchema = z.object({ number: memberNumber, reason: z.enum(['request', 'retention']).default('request') }).strict();

/** What an erasure did. */
export interface Erased {
  number: number;
  /** Log entries whose clear personal fields were rewritten (0.1's, and the first typed ones). */
  redactedEntries: number;
}

/** An erased member who came back and gave their details again has a key anew: they can be erased again. */
function givenAgain(r: Reader, memberId: string): boolean {
  return r.rawGet('SELECT 1 FROM member_key WHERE member_id = ?', memberId) !== undefined;
}

function eraseIn(ctx: WriteContext, number: number, reason: 'request' | 'retention'): Erased {
  const member = findMemberRow(ctx.r, number);
  if (member.erased_at && !givenAgain(ctx.r, member.id)) throw new ComptoirError('MEMBER_ALREADY_ERASED', { number, at: member.erased_at });
  const redacted = entriesInTheClear(ctx.r, member.id);
  ctx.record({ kind: 'member.erase', version: 1, memberId: member.id, reason, redacted });
  return { number, redactedEntries: redacted.length };
}

/**
 * Erases a member's personal data, on their request (Law 25, s. 28.1) or past the club's
 * retention period: their names read « Membre anonymisé », every other personal field is
 * emptied, their key is destroyed (every sealed copy in the log becomes unreadable) and the
 * entries that held their data in the clear are rewritten. Their number, memberships, payments
 * and registrations stay: the club's money records must be kept. The privacy officer's act
 * (administrators; docs/ROLES.md). Cannot be undone.
 *
 * @throws MEMBER_NOT_FOUND, MEMBER_ALREADY_ERASED, FORBIDDEN
 */
export function eraseMember(desk: Desk, actor: Actor, input: unknown): Erased {
  const { number, reason } = parseInput(eraseSchema, input);
  const erased = commitWrite(desk, actor, (ctx) => eraseIn(ctx, number, reason), { roles: ROLES.administration });
  // The old pages (the member's row, their key) leave the write-ahead log now, not at the next close.
  desk.connection.checkpoint();
  return erased;
}

/** A member whose personal data the club no longer needs. */
export interface LapsedMember {
  number: number;
  firstName: string;
  lastName: string;
  /** The last day the club had business with them: membership end, purchase, registration, joining. */
  lastSeen: string;
}

/**
 * Members the club has had no business with for more than `years` years (the club's retention
 * period by default): membership ended, no purchase, no registration, not owed any credit. Oldest
 * first. Business dates in America/Toronto.
 */
export function lapsedMembers(r: Reader, today: string, years: number): LapsedMember[] {
  const cutoff = addDays(today, -Math.round(years * 365.25));
  return r.rawAll<LapsedMember>(
    `SELECT m.number, m.first_name AS firstName, m.last_name AS lastName, last_seen AS lastSeen FROM (
       SELECT m.*, max(
         coalesce(m.expires_on, ''), substr(m.created_at, 1, 10),
         coalesce((SELECT max(o.business_date) FROM sale_order o WHERE o.member_id = m.id), ''),
         coalesce((SELECT max(l2.business_date) FROM order_line l JOIN sale_order l2 ON l2.id = l.order_id WHERE l.member_id = m.id), ''),
         coalesce((SELECT max(substr(g.created_at, 1, 10)) FROM registration g WHERE g.member_id = m.id), '')
       ) AS last_seen
       FROM member m WHERE m.erased_at IS NULL OR EXISTS (SELECT 1 FROM member_key k WHERE k.member_id = m.id)
     ) m
     WHERE last_seen < ?
       AND coalesce((SELECT sum(c.amount_cents) FROM credit_movement c WHERE c.member_id = m.id), 0) = 0
     ORDER BY last_seen, m.number`,
    cutoff,
  );
}

/**
 * Anonymises every lapsed member in one transaction (reason `retention`). Returns who was erased.
 *
 * @throws FORBIDDEN
 */
export function anonymiseLapsedMembers(desk: Desk, actor: Actor, years = desk.settings().personalDataRetentionYears): Erased[] {
  const erased = commitBatch(
    desk,
    actor,
    (write) => {
      const lapsed = write((ctx) => lapsedMembers(ctx.r, ctx.today, years));
      return lapsed.map((member) => write((ctx) => eraseIn(ctx, member.number, 'retention')));
    },
    { roles: ROLES.administration },
  );
  desk.connection.checkpoint();
  return erased;
}
