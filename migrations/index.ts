import { initialSchema } from './0001-initial.js';
import { typedOperations } from './0002-typed-operations.js';
import { leaderRole } from './0003-leader-role.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * The migration rebuilds a table others point to (SQLite's way to change a constraint): foreign
   * keys are switched off around it, and checked whole before it commits.
   */
  rebuildsTables?: boolean;
}

/**
 * Every migration, imported statically: the packaged app lives in an asar archive where
 * globbing a folder at run time is not possible. Append only; never edit a shipped one.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'typed-operations', sql: typedOperations },
  { version: 3, name: 'leader-role', sql: leaderRole, rebuildsTables: true },
];
