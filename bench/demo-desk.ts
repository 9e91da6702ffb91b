import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Desk } from '../src-main/core/desk/desk.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { insertDemoMembers, type DemoInsertResult } from '../src-main/demo/people.js';

export interface DemoDesk {
  desk: Desk;
  inserted: DemoInsertResult;
  /** Closes the desk and removes its folder. */
  dispose(): void;
}

/** A desk database in a temporary folder, filled with `count` demo members the way the app would. */
export function buildDemoDesk(count: number, seed = 1): DemoDesk {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Banc d’essai', receiptPrefix: 'B' });
  const inserted = insertDemoMembers(desk, { userId: systemUserId }, count, seed);
  return {
    desk,
    inserted,
    dispose() {
      desk.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
