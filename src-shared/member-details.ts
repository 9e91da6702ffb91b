import type { OperationOf } from './operations/index.js';

/** A member's details as the log carries them: what « Nouveau membre » and « Modifier » write. */
export type MemberDetails = Omit<OperationOf<'member.create'>['member'], 'id' | 'number'>;
export type MemberChanges = OperationOf<'member.update'>['changes'];

/** Each detail's last writer (hlc.ts `writeStamp`), by field name; a field never edited has none. */
export type FieldStamps = Record<string, string>;

/**
 * Field-level last writer wins (docs/SYNC.md, Conflicts), the one rule desks and the server
 * follow: a change older than its field's last write — another desk's edit made earlier and
 * arriving later — is dropped, so every replica ends with the same details whatever order the
 * edits reached it in. `stamp` is the edit's own (`writeStamp(at, deskId)`).
 *
 * Returns the changes that win and the fields' stamps after them (a new object).
 */
export function winningChanges(stamps: FieldStamps, changes: MemberChanges, stamp: string): { winning: MemberChanges; stamps: FieldStamps } {
  const winning: Record<string, unknown> = {};
  const next = { ...stamps };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || (next[field] ?? '') > stamp) continue;
    winning[field] = value;
    next[field] = stamp;
  }
  return { winning: winning as MemberChanges, stamps: next };
}
