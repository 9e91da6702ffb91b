import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCashSession } from '../src-main/core/cash/cash-sessions.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { replayMatches } from '../src-main/core/ledger/verify-replay.js';
import { verifyDatabase } from '../src-main/core/ledger/verify.js';
import { checkout } from '../src-main/core/sales/checkout.js';
import { newDatabaseKey } from '../src-main/db/key.js';
import { insertDemoMembers } from '../src-main/demo/people.js';
import { timeMs, type Figure } from './figures.js';

/**
 * What `verify` costs on a desk's busy season: 2,000 members and 10,000 sales on an encrypted
 * file. `verify_replay_ms_10k_orders` replays the whole log into a scratch database and compares
 * every table (the proof that the tables are what the log says); `verify_all_ms_10k_orders` is
 * every check `comptoir verify` runs.
 */
export function benchVerify(orders = 10_000): Figure[] {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-verify-'));
  const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Banc d’essai', receiptPrefix: 'B' }, { key: newDatabaseKey() });
  try {
    const actor = { userId: systemUserId };
    insertDemoMembers(desk, actor, 2000, 3);
    openCashSession(desk, actor, { count: { '2000': 5 } });
    const numbers = desk.reader.rawAll<{ number: number }>('SELECT number FROM member').map((m) => m.number);
    // One transaction for the whole season: the sales are the scene, not what is measured.
    desk.connection.transaction(() => {
      for (let i = 0; i < orders; i++) {
        const memberNumber = numbers[i % numbers.length]!;
        const lines = i < numbers.length ? [{ kind: 'membership' as const }] : [{ kind: 'donation' as const, amountCents: 100 + (i % 50) * 25 }];
        checkout(desk, actor, { memberNumber, lines, payments: [{ method: 'cash', tenderedCents: 10_000 }] });
      }
    });
    let problems = 0;
    const replay = timeMs(() => (problems = replayMatches(desk.reader).length));
    if (problems) throw new Error(`the bench's desk does not verify (${problems} problems)`);
    const all = timeMs(() => verifyDatabase(desk.reader));
    return [
      { name: 'verify_replay_ms_10k_orders', value: replay, unit: 'ms' },
      { name: 'verify_all_ms_10k_orders', value: all, unit: 'ms' },
    ];
  } finally {
    desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
