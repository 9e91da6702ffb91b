import { openConnection } from '../../db/connection.js';
import type { Reader } from '../../db/sql.js';
import { replayLog, tableDifferences, type IgnoredColumns } from './replay.js';
import type { Check, Problem } from './verify.js';

/** What Comptoir 0.1 never logged, or logged differently (see src-shared/operations/legacy.ts). */
export const NOT_IN_A_0_1_LOG: IgnoredColumns = {
  app_user: ['pin_hash'],
  member_number_block: ['id'],
  order_line: ['description'],
};

/**
 * The tables are exactly what replaying the audit log gives: the log is replayed into a scratch
 * database in memory, through the handlers every write uses, and the two are compared row by row.
 * An edit the log does not explain — a sale's line, payment and total changed together, cash
 * turned into card, a sale moved to another member — is found, however consistent it is. On a
 * desk that ran 0.1, what 0.1 never logged cannot be compared (NOT_IN_A_0_1_LOG).
 */
export const replayMatches: Check = (r: Reader): Problem[] => {
  const scratch = openConnection(':memory:', { create: true, trusted: true });
  try {
    try {
      replayLog(r, scratch);
    } catch (error) {
      return [{ message: `Journal d'audit : ${(error as Error).message} — le journal ne peut pas être rejoué.`, ref: 'replay' }];
    }
    const legacy = r.rawGet<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE op_version IS NULL')!.n > 0;
    return tableDifferences(r, scratch.reader, legacy ? NOT_IN_A_0_1_LOG : {}).flatMap((difference) => [
      ...difference.onlyInFirst.map((row) => ({
        message: `Table ${difference.table} : une ligne que le journal n'explique pas (modifiée ou ajoutée hors du journal) : ${row}`,
        ref: difference.table,
      })),
      ...difference.onlyInSecond.map((row) => ({
        message: `Table ${difference.table} : le journal donne une ligne qui manque ou a été modifiée : ${row}`,
        ref: difference.table,
      })),
    ]);
  } finally {
    scratch.close();
  }
};
