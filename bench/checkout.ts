import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCashSession } from '../src-main/core/cash/cash-sessions.js';
import type { Desk } from '../src-main/core/desk/desk.js';
import { checkout } from '../src-main/core/sales/checkout.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { newDatabaseKey, type DatabaseKey } from '../src-main/db/key.js';
import { insertDemoMembers } from '../src-main/demo/people.js';
import { DurableFloor } from './floor.js';
import { percentile, timeMs, type Figure } from './figures.js';

const WARM_UP = 100;

/** A desk ready to renew `count` members, one each, in cash; encrypted when given a key. */
function renewingDesk(folder: string, name: string, key: DatabaseKey | null, count: number): { desk: Desk; renew: () => void } {
  const { desk, systemUserId } = initializeDesk(join(folder, name), { deskName: 'Banc d’essai', receiptPrefix: 'B' }, { key });
  const actor = { userId: systemUserId };
  insertDemoMembers(desk, actor, count, 1);
  openCashSession(desk, actor, { count: { '2000': 2, '1000': 4, '500': 4 } });
  const numbers = desk.reader.rawAll<{ number: number }>('SELECT number FROM member ORDER BY number').map((m) => m.number);
  let next = 0;
  const renew = () => {
    checkout(desk, actor, { memberNumber: numbers[next++]!, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
  };
  return { desk, renew };
}

/**
 * What a volunteer waits for at the desk: one cash renewal through checkout(), on real files
 * opened like the desk opens them (WAL, synchronous=FULL, SQLCipher), each for a different member
 * so no renewal needs `force`. Each checkout on the encrypted desk (the way the desk runs) is
 * paired with the same checkout on a plain desk and with a bare durable one-row insert on a plain
 * file and on an encrypted one (the floors), on the same disk at the same moment: disk latency drifts by tens of percent
 * from one minute to the next, and interleaving keeps the ratios about our code (and the
 * cipher), not about the drift. The order within each pair alternates.
 */
export function benchCheckout(checkouts = 800): Figure[] {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-checkout-'));
  const encrypted = renewingDesk(folder, 'chiffre.sqlite', newDatabaseKey(), WARM_UP + checkouts);
  const plain = renewingDesk(folder, 'clair.sqlite', null, WARM_UP + checkouts);
  const floor = new DurableFloor(folder);
  const encryptedFloor = new DurableFloor(folder, newDatabaseKey());
  try {
    // Warm up: statement cache, JIT, the first WAL pages.
    for (let i = 0; i < WARM_UP; i++) {
      encrypted.renew();
      plain.renew();
      floor.commitOne();
      encryptedFloor.commitOne();
    }
    const floorSamples: number[] = [];
    const encryptedFloorSamples: number[] = [];
    const plainSamples: number[] = [];
    const samples: number[] = [];
    for (let i = 0; i < checkouts; i++) {
      floorSamples.push(floor.commitOne());
      encryptedFloorSamples.push(encryptedFloor.commitOne());
      if (i % 2 === 0) {
        samples.push(timeMs(encrypted.renew));
        plainSamples.push(timeMs(plain.renew));
      } else {
        plainSamples.push(timeMs(plain.renew));
        samples.push(timeMs(encrypted.renew));
      }
    }
    const p50 = percentile(samples, 50);
    const floorP50 = percentile(floorSamples, 50);
    const plainP50 = percentile(plainSamples, 50);
    const paired = (a: number[], b: number[]) => percentile(a.map((ms, i) => ms / b[i]!), 50);
    return [
      { name: 'durable_insert_ms_p50', value: floorP50, unit: 'ms' },
      { name: 'checkout_ms_p50', value: p50, unit: 'ms' },
      { name: 'checkout_ms_p90', value: percentile(samples, 90), unit: 'ms' },
      { name: 'checkout_plain_ms_p50', value: plainP50, unit: 'ms' },
      { name: 'durable_insert_encrypted_ms_p50', value: percentile(encryptedFloorSamples, 50), unit: 'ms' },
      // The desk as it runs (encrypted) against the bare durable insert on a plain file.
      { name: 'checkout_vs_floor', value: p50 / floorP50, unit: 'x' },
      { name: 'checkout_vs_floor_paired_p50', value: paired(samples, floorSamples), unit: 'x' },
      // The plain desk against the plain floor (0.1's figure), and the encrypted desk against a
      // bare durable insert on an encrypted file: what our code adds to the cipher's own cost.
      { name: 'checkout_plain_vs_floor_paired_p50', value: paired(plainSamples, floorSamples), unit: 'x' },
      { name: 'checkout_vs_encrypted_floor_paired_p50', value: paired(samples, encryptedFloorSamples), unit: 'x' },
      // What SQLCipher costs a sale: the same checkout, encrypted and plain, side by side.
      { name: 'checkout_encrypted_vs_plain', value: p50 / plainP50, unit: 'x' },
      { name: 'checkout_encrypted_vs_plain_paired_p50', value: paired(samples, plainSamples), unit: 'x' },
    ];
  } finally {
    floor.close();
    encryptedFloor.close();
    encrypted.desk.close();
    plain.desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
