import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { initialSchema } from './0001-initial.js';
import { typedOperations } from './0002-typed-operations.js';
import { leaderRole } from './0003-leader-role.js';
import { privacy } from './0004-privacy.js';
import { rebuildSearchKeys, searchKeys } from './0005-search-keys.js';
import { priceChanges } from './0006-price-changes.js';
import { rebuildFieldStamps, sync } from './0007-sync.js';
import { emailDelivery } from './0008-email-delivery.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * The migration rebuilds a table others point to (SQLite's way to change a constraint): foreign
   * keys are switched off around it, and checked whole before it commits.
   */
  rebuildsTables?: boolean;
  /**
   * Run after `sql`, in the same transaction, for derived rows SQL cannot compute (search keys
   * folded in every script): they must equal what the handlers write, so they are written by the
   * handlers' own code.
   */
  rebuild?: (sqlite: BetterSqlite3.Database) => void;
}

/**
 * Every migration, imported statically: the packaged app lives in an asar archive where
 * globbing a folder at run time is not possible. Append only; never edit a shipped one.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'typed-operations', sql: typedOperations },
  { version: 3, name: 'leader-role', sql: leaderRole, rebuildsTables: true },
  { version: 4, name: 'privacy', sql: privacy },
  { version: 5, name: 'search-keys', sql: searchKeys, rebuild: rebuildSearchKeys },
  { version: 6, name: 'price-changes', sql: priceChanges },
  { version: 7, name: 'sync', sql: sync, rebuild: rebuildFieldStamps },
  { version: 8, name: 'email-delivery', sql: emailDelivery },
];
