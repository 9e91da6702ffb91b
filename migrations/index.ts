import { initialSchema } from './0001-initial.js';
import { typedOperations } from './0002-typed-operations.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration, imported statically: the packaged app lives in an asar archive where
 * globbing a folder at run time is not possible. Append only; never edit a shipped one.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'typed-operations', sql: typedOperations },
];
