import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection } from '../src-main/db/connection.js';
import { percentile, timeMs, type Figure } from './figures.js';

/**
 * The floor under every desk write: one durable commit (WAL, synchronous=FULL) of a one-row
 * insert, in its own file opened exactly like the desk's (openConnection sets the pragmas).
 * A sale cannot be faster than this; it tells the disk's cost apart from ours.
 */
export function benchDurableInsert(commits = 300): Figure[] {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-floor-'));
  const connection = openConnection(join(folder, 'floor.sqlite'), { migrate: false });
  try {
    connection.transaction((w) => w.rawRun('CREATE TABLE floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT'));
    const samples: number[] = [];
    for (let i = 0; i < commits; i++) {
      const at = new Date().toISOString();
      samples.push(timeMs(() => connection.transaction((w) => w.rawRun('INSERT INTO floor (at) VALUES (?)', at))));
    }
    return [{ name: 'durable_insert_ms_p50', value: percentile(samples, 50), unit: 'ms' }];
  } finally {
    connection.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
