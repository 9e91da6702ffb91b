import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCashSession } from '../src-main/core/cash/cash-sessions.js';
import { checkout } from '../src-main/core/sales/checkout.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { insertDemoMembers } from '../src-main/demo/people.js';
import { DurableFloor } from './floor.js';
import { percentile, timeMs, type Figure } from './figures.js';

const WARM_UP = 100;

/**
 * What a volunteer waits for at the desk: one cash renewal through checkout(), on a real file
 * opened like the desk opens it (WAL, synchronous=FULL), each for a different member so no
 * renewal needs `force`. Each checkout is paired with a bare durable one-row insert on the same
 * disk at the same moment (the floor): disk latency drifts by tens of percent from one minute
 * to the next, and interleaving keeps the ratio about our code rather than about the drift.
 */
export function benchCheckout(checkouts = 800): Figure[] {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-checkout-'));
  const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Banc d’essai', receiptPrefix: 'B' });
  const floor = new DurableFloor(folder);
  try {
    const actor = { userId: systemUserId };
    insertDemoMembers(desk, actor, WARM_UP + checkouts, 1);
    openCashSession(desk, actor, { count: { '2000': 2, '1000': 4, '500': 4 } });
    const numbers = desk.reader.rawAll<{ number: number }>('SELECT number FROM member ORDER BY number').map((m) => m.number);
    const renew = (number: number) =>
      checkout(desk, actor, { memberNumber: number, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
    // Warm up: statement cache, JIT, the first WAL pages.
    for (const number of numbers.slice(0, WARM_UP)) {
      renew(number);
      floor.commitOne();
    }
    const floorSamples: number[] = [];
    const samples = numbers.slice(WARM_UP).map((number) => {
      floorSamples.push(floor.commitOne());
      return timeMs(() => renew(number));
    });
    const p50 = percentile(samples, 50);
    const floorP50 = percentile(floorSamples, 50);
    const pairedRatio = percentile(samples.map((ms, i) => ms / floorSamples[i]!), 50);
    return [
      { name: 'durable_insert_ms_p50', value: floorP50, unit: 'ms' },
      { name: 'checkout_ms_p50', value: p50, unit: 'ms' },
      { name: 'checkout_ms_p90', value: percentile(samples, 90), unit: 'ms' },
      { name: 'checkout_vs_floor', value: p50 / floorP50, unit: 'x' },
      // The same, pair by pair: each checkout against the floor commit made just before it.
      { name: 'checkout_vs_floor_paired_p50', value: pairedRatio, unit: 'x' },
    ];
  } finally {
    floor.close();
    desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
