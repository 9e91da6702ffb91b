import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCashSession } from '../src-main/core/cash-sessions.js';
import { checkout } from '../src-main/core/sales.js';
import { initializeDesk } from '../src-main/core/setup.js';
import { insertDemoMembers } from '../src-main/demo/people.js';
import { percentile, timeMs, type Figure } from './figures.js';

const WARM_UP = 100;

/**
 * What a volunteer waits for at the desk: one cash renewal through checkout(), on a real file
 * opened like the desk opens it (WAL, synchronous=FULL), each for a different member so no
 * renewal needs `force`. Compared with `floorMsP50`, the bare durable one-row insert on the same
 * disk (bench/floor.ts): the ratio says how much is ours and how much is the disk's.
 */
export function benchCheckout(floorMsP50: number, checkouts = 600): Figure[] {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-checkout-'));
  const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Banc d’essai', receiptPrefix: 'B' });
  try {
    const actor = { userId: systemUserId };
    insertDemoMembers(desk, actor, WARM_UP + checkouts, 1);
    openCashSession(desk, actor, { count: { '2000': 2, '1000': 4, '500': 4 } });
    const numbers = desk.reader.rawAll<{ number: number }>('SELECT number FROM member ORDER BY number').map((m) => m.number);
    const renew = (number: number) =>
      checkout(desk, actor, { memberNumber: number, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
    // Warm up: statement cache, JIT, the first WAL pages.
    for (const number of numbers.slice(0, WARM_UP)) renew(number);
    const samples = numbers.slice(WARM_UP).map((number) => timeMs(() => renew(number)));
    const p50 = percentile(samples, 50);
    return [
      { name: 'checkout_ms_p50', value: p50, unit: 'ms' },
      { name: 'checkout_ms_p90', value: percentile(samples, 90), unit: 'ms' },
      { name: 'checkout_vs_floor', value: p50 / floorMsP50, unit: 'x' },
    ];
  } finally {
    desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
