import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { MemberTable } from '../src-main/db/schema.js';
import { searchKeysFor } from '../src-main/core/members/search-keys.js';
import { sortNameOf } from '../src-main/core/members/apply.js';

/**
 * Search keys for what the club really types (issue 8): names in every script (Тарас Шевченко),
 * O'Brien as "o brien" and "obrien", MacDonald and Mac Donald, words in any order (the word-pair
 * kinds); and members' sort names (`sort_name`), which dropped every letter outside Latin. Both are
 * derived: the member handlers write them (core/members/apply.ts, search.ts), a replay of the log
 * writes today's, and verify compares the file's with the replay's, so a file's must be today's.
 * SQL can neither fold Cyrillic nor split "O'Brien": the SQL empties the keys and
 * `rebuildSearchKeys` writes every member's keys and sort name again with the handlers' own code,
 * in the same transaction.
 */
export const searchKeys = 'DELETE FROM member_search_key;';

/**
 * Writes every member's search keys as the handlers do today (searchKeysFor). Calls today's code
 * on purpose: the keys must equal what a replay writes. The next change to the keys adds a
 * migration with this same step.
 */
export function rebuildSearchKeys(sqlite: BetterSqlite3.Database): void {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO member_search_key (kind, key, member_id) VALUES (?, ?, ?)');
  const sortName = sqlite.prepare('UPDATE member SET sort_name = ? WHERE id = ? AND sort_name IS NOT ?');
  const members = sqlite.prepare('SELECT id, first_name, last_name, email, phone FROM member').all() as Pick<MemberTable, 'id' | 'first_name' | 'last_name' | 'email' | 'phone'>[];
  for (const member of members) {
    for (const { kind, key } of searchKeysFor(member)) insert.run(kind, key, member.id);
    const sorted = sortNameOf(member.first_name, member.last_name);
    sortName.run(sorted, member.id, sorted);
  }
}
