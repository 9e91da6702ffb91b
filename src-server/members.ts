import type { Kysely, Transaction } from 'kysely';
import { writeStamp } from '../src-shared/hlc.js';
import { winningChanges, type FieldStamps, type MemberDetails } from '../src-shared/member-details.js';
import type { OperationOf } from '../src-shared/operations/index.js';
import type { OperationTable, ServerDatabase, ServerMemberTable } from './db/schema.js';
import type { KeyRing } from '../src-main/core/privacy/sealing.js';
import { sealedMemberIds } from '../src-shared/personal-data.js';

type Trx = Transaction<ServerDatabase>;

/** Who an operation is by and when: the merge's stamp (src-shared/hlc.ts). */
export interface Writer {
  at: string;
  deskId: string;
}

/**
 * The server's copy of members' details, kept from the club's log with the desks' own merge
 * (field-level last writer wins): the address a confirmation goes to is the latest the club knows,
 * whichever desk changed it. Details sealed in the log are opened with the member's key (push.ts).
 */
export async function followMember(
  trx: Trx,
  clubId: string,
  op: OperationOf<'member.create'> | OperationOf<'member.update'> | OperationOf<'member.erase'>,
  writer: Writer,
): Promise<void> {
  switch (op.kind) {
    case 'member.create':
      return insertMembers(trx, [newMemberRow(clubId, op)]);
    case 'member.update': {
      const held = await trx.selectFrom('server_member').selectAll().where('club_id', '=', clubId).where('id', '=', op.memberId).executeTakeFirst();
      if (!held?.details_json) return;
      const { winning, stamps } = winningChanges(JSON.parse(held.field_stamps) as FieldStamps, op.changes, writeStamp(writer.at, writer.deskId));
      const details = { ...(JSON.parse(held.details_json) as MemberDetails), ...winning };
      await trx
        .updateTable('server_member')
        .set({ details_json: JSON.stringify(details), field_stamps: JSON.stringify(stamps) })
        .where('club_id', '=', clubId)
        .where('id', '=', op.memberId)
        .execute();
      return;
    }
    case 'member.erase':
      await trx.updateTable('server_member').set({ details_json: null, field_stamps: '{}', erased_at: writer.at }).where('club_id', '=', clubId).where('id', '=', op.memberId).execute();
      return;
  }
}

/** A new member's row in the server's copy. */
export function newMemberRow(clubId: string, op: OperationOf<'member.create'>): ServerMemberTable {
  const { id, number, ...details } = op.member;
  return { club_id: clubId, id, number, details_json: JSON.stringify(details), field_stamps: '{}', erased_at: null };
}

/** New members, 500 rows a statement (a push of a club's first day holds thousands); one already held stays as it is. */
export async function insertMembers(trx: Trx, rows: ServerMemberTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('server_member')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['club_id', 'id']).doNothing())
      .execute();
  }
}

/** A member's details as the server holds them, or null (unknown, or erased). */
export async function memberDetails(trx: Pick<Kysely<ServerDatabase>, 'selectFrom'>, clubId: string, memberId: string): Promise<(MemberDetails & { number: number }) | null> {
  const row = await trx.selectFrom('server_member').select(['number', 'details_json']).where('club_id', '=', clubId).where('id', '=', memberId).executeTakeFirst();
  return row?.details_json ? { ...(JSON.parse(row.details_json) as MemberDetails), number: Number(row.number) } : null;
}

/**
 * The keys of the members whose sealed fields these log rows hold, as the server has them (none
 * once erased), to open those fields (core/privacy/sealing.ts).
 */
export async function keyRingFor(db: Pick<Kysely<ServerDatabase>, 'selectFrom'>, clubId: string, rows: Pick<OperationTable, 'after_json' | 'before_json'>[]): Promise<KeyRing> {
  const memberIds = [...sealedMemberIds(...rows.flatMap((row) => [row.after_json, row.before_json]))];
  const keys = new Map<string, Buffer>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const found = await db.selectFrom('member_key').select(['member_id', 'key']).where('club_id', '=', clubId).where('member_id', 'in', memberIds.slice(i, i + 500)).execute();
    for (const row of found) keys.set(row.member_id, Buffer.from(row.key, 'base64'));
  }
  return (memberId) => keys.get(memberId) ?? null;
}
