import { join } from 'node:path';
import { openConnection, type Connection } from '../src-main/db/connection.js';
import type { DatabaseKey } from '../src-main/db/key.js';
import { timeMs } from './figures.js';

/**
 * The floor under every desk write: one durable commit (WAL, synchronous=FULL) of a one-row
 * insert, in its own file opened exactly like the desk's (openConnection sets the pragmas;
 * encrypted like the desk's when given a key).
 * A sale cannot be faster than this; it tells the disk's cost apart from ours.
 */
export class DurableFloor {
  private readonly connection: Connection;

  constructor(folder: string, key: DatabaseKey | null = null) {
    this.connection = openConnection(join(folder, key ? 'floor-chiffre.sqlite' : 'floor.sqlite'), { migrate: false, create: true, key });
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
