import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../db/schema.js';
import type { Reader, Writer } from '../../db/sql.js';
import { ERASED_HOUSEHOLD_NAME, ERASED_MEMBER, ERASED_MEMBER_COLUMNS, PERSONAL_MEMBER_COLUMNS, PERSONAL_MEMBER_FIELDS } from '../../../src-shared/personal-data.js';

/**
 * Entries written before sealing existed (Comptoir 0.1's, and the first typed ones) hold a
 * member's personal fields in the clear. Erasing the member rewrites those fields, and nothing
 * else, in place (the only UPDATE the log's trigger allows), and marks each entry with the
 * erasure that did it. `verify` then checks such an entry by its place in the chain and by the
 * erasure that names it, no longer by its content: the price of having logged in the clear.
 */

type Json = Record<string, unknown>;

/** Erased values over the personal fields present in the clear (sealed ones are not there: their key goes). */
function erase(values: unknown, fields: readonly string[], erased: Readonly<Record<string, unknown>>): unknown {
  if (!values || typeof values !== 'object') return values;
  const next: Json = { ...(values as Json) };
  for (const field of fields) {
    if (field in next && next[field] !== null) next[field] = erased[field];
  }
  return next;
}

/** An entry's facts and « before » with its member's personal fields erased. */
function redacted(entry: Pick<AuditLogTable, 'action' | 'op_version' | 'after_json' | 'before_json'>): { after: string | null; before: string | null } {
  const after = entry.after_json === null ? null : (JSON.parse(entry.after_json) as Json);
  const before = entry.before_json === null ? null : (JSON.parse(entry.before_json) as unknown);
  const typed = entry.op_version !== null;
  const [fields, erased] = typed ? [PERSONAL_MEMBER_FIELDS, ERASED_MEMBER] : [PERSONAL_MEMBER_COLUMNS, ERASED_MEMBER_COLUMNS];
  let nextAfter: unknown = after;
  if (after && entry.action === 'receipt.email') nextAfter = 'email' in after ? { ...after, email: '' } : after;
  else if (after && entry.action === 'member.create') nextAfter = typed ? { ...after, member: erase(after.member, fields, erased) } : erase(after, fields, erased);
  else if (after && entry.action === 'member.update') nextAfter = typed ? { ...after, changes: erase(after.changes, fields, erased) } : erase(after, fields, erased);
  // The household the entry names carries a family name (« Famille Tremblay »): it goes too.
  if (nextAfter && typeof nextAfter === 'object' && entry.action !== 'receipt.email') {
    const facts = nextAfter as Json;
    facts.household = erase(facts.household, ['name'], { name: ERASED_HOUSEHOLD_NAME });
  }
  return { after: nextAfter === null ? null : JSON.stringify(nextAfter), before: before === null ? null : JSON.stringify(erase(before, fields, erased)) };
}

/** The SHA-256 of an entry's facts and « before » as they stand, which an erasure vouches for. */
function contentDigest(after: string | null, before: string | null): string {
  return createHash('sha256').update(`${after ?? ''}\n${before ?? ''}`).digest('hex');
}

/** One entry an erasure rewrites, and the digest of what it will hold. */
export interface Redaction {
  seq: number;
  sha256: string;
}

/**
 * The log entries that hold this member's personal fields in the clear, oldest first: their
 * creation and changes, and the receipts emailed to them; each with the digest of its rewritten
 * content.
 */
export function entriesInTheClear(r: Reader, memberId: string): Redaction[] {
  const entries = r.rawAll<Pick<AuditLogTable, 'seq' | 'action' | 'op_version' | 'after_json' | 'before_json'>>(
    `SELECT seq, action, op_version, after_json, before_json FROM audit_log
     WHERE redacted_by IS NULL AND (
       (entity_type = 'member' AND entity_id = ? AND action IN ('member.create', 'member.update'))
       OR (action = 'receipt.email' AND entity_id IN (SELECT id FROM sale_order WHERE member_id = ?)))
     ORDER BY seq`,
    memberId,
    memberId,
  );
  return entries.flatMap((entry) => {
    const next = redacted(entry);
    return next.after !== entry.after_json || next.before !== entry.before_json ? [{ seq: entry.seq, sha256: contentDigest(next.after, next.before) }] : [];
  });
}

/** Rewrites the personal fields of these entries, naming the erasure entry `erasureSeq`. */
export function redactEntries(w: Writer, redactions: readonly Redaction[], erasureSeq: number): void {
  for (const { seq } of redactions) {
    const entry = w.rawGet<AuditLogTable>('SELECT * FROM audit_log WHERE seq = ?', seq);
    if (!entry) throw new Error(`audit entry ${seq} does not exist`);
    const next = redacted(entry);
    w.rawRun('UPDATE audit_log SET after_json = ?, before_json = ?, redacted_by = ? WHERE seq = ?', next.after, next.before, erasureSeq, seq);
  }
}

interface Erasure {
  memberId: string;
  redacted: Map<number, string>;
}

/** The erasures of a log, by seq: whose data each erased, and the entries it rewrote with their digests. */
export function erasuresOf(r: Reader): Map<number, Erasure> {
  const erasures = r.rawAll<{ seq: number; after_json: string }>("SELECT seq, after_json FROM audit_log WHERE action = 'member.erase'");
  return new Map(
    erasures.map((e) => {
      const facts = JSON.parse(e.after_json) as { memberId: string; redacted?: Redaction[] };
      return [e.seq, { memberId: facts.memberId, redacted: new Map((facts.redacted ?? []).map((x) => [x.seq, x.sha256])) }];
    }),
  );
}

/**
 * Why an entry marked as rewritten by an erasure does not hold up, or null when it does: the
 * erasure must come after it, name it, be about the member the entry is about (a member's
 * creation or change, a receipt emailed to them), and vouch for exactly what it holds now.
 */
export function redactionProblem(r: Reader, entry: AuditLogTable, erasures: Map<number, Erasure>): string | null {
  const erasure = entry.redacted_by === null ? undefined : erasures.get(entry.redacted_by);
  if (!erasure || entry.redacted_by! <= entry.seq || !erasure.redacted.has(entry.seq)) return 'marked erased by no erasure that names it';
  const member =
    entry.action === 'receipt.email'
      ? r.rawGet<{ member_id: string | null }>('SELECT member_id FROM sale_order WHERE id = ?', entry.entity_id)?.member_id
      : entry.action === 'member.create' || entry.action === 'member.update'
        ? entry.entity_id
        : null;
  if (member !== erasure.memberId) return 'marked erased by the erasure of another member';
  if (contentDigest(entry.after_json, entry.before_json) !== erasure.redacted.get(entry.seq)) return 'content was changed after it was erased';
  return null;
}
