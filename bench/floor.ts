import { join } from 'node:path';
import { openConnection, type Connection } from '../src-main/db/connection.js';
import { timeMs } from './figures.js';

/**
 * The floor under every desk write: one durable commit (WAL, synchronous=FULL) of a one-row
 * insert, in its own file opened exactly like the desk's (openConnection sets the pragmas).
 * A sale cannot be faster than this; it tells the disk's cost apart from ours.
 */
export class DurableFloor {
  private readonly connection: Connection;

  constructor(folder: string) {
    this.connection = openConnection(join(folder, 'floor.sqlite'), { migrate: false, create: true });
    this.connection.transaction((w) => w.rawRun('CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT'));
  }

  /** Milliseconds for one bare durable insert transaction. */
  commitOne(): number {
    const at = new Date().toISOString();
    return timeMs(() => this.connection.transaction((w) => w.rawRun('INSERT INTO floor (at) VALUES (?)', at)));
  }

  close(): void {
    this.connection.close();
  }
}
