import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivity } from '../src-main/core/activities/activities.js';
import { closeCashSession, currentCashSession, openCashSession } from '../src-main/core/cash/cash-sessions.js';
import { fixedClock } from '../src-shared/clock.js';
import { voidOrder } from '../src-main/core/sales/corrections.js';
import { dayReport } from '../src-main/core/cash/day-report.js';
import { checkout } from '../src-main/core/sales/checkout.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { countFor } from '../src-main/demo/orders.js';
import { insertDemoMembers } from '../src-main/demo/people.js';
import { percentile, progress, timeMs, type Figure } from './figures.js';

const DAY = '2026-09-14';
const MEMBERS = 3_000;
const ACTIVITIES = ['YOGA-A26', 'AQUA-A26', 'DANSE-A26', 'BRIDGE-A26'];
const card = (n: number) => ({ authCode: `X${n}`, brand: 'interac', last4: '1234' });

/**
 * The treasurer's end of day on a very busy one: dayReport over `orders` orders of one business
 * date, all made through checkout() (and voidOrder for one in a hundred) with a clock fixed on
 * that day. Also says what a checkout costs once the file already holds that many orders.
 */
export function benchDayReport(orders = 10_000, runs = 9): Figure[] {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-report-'));
  // 8 h in Montréal; one order a second ends before 11 h: every order is on DAY.
  const clock = fixedClock(`${DAY}T12:00:00Z`);
  const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Banc d’essai', receiptPrefix: 'B' }, { clock });
  try {
    const actor = { userId: systemUserId };
    for (const code of ACTIVITIES) {
      createActivity(desk, actor, { code, name: code, season: 'Automne 2026', priceCents: 4500, membershipRequired: false });
    }
    insertDemoMembers(desk, actor, MEMBERS, 1);
    openCashSession(desk, actor, { count: { '2000': 2, '1000': 4, '500': 4 } });
    progress(`Rapport du jour : ${orders} transactions par checkout()…`);

    const lateCheckouts: number[] = [];
    let lastSale = null as { receipt: string; cards: number } | null;
    for (let i = 0; i < orders; i++) {
      clock.advance(1000);
      if (i % 100 === 99 && lastSale) {
        const cardRefunds = Array.from({ length: lastSale.cards }, (_, k) => card(i + k));
        voidOrder(desk, actor, { receiptNumber: lastSale.receipt, reason: 'Erreur de saisie', cardRefunds });
        lastSale = null;
        continue;
      }
      const { input, cards } = saleFor(i);
      let receipt = '';
      const ms = timeMs(() => (receipt = checkout(desk, actor, input).order.receiptNumber));
      lastSale = { receipt, cards };
      if (i >= orders - 500) lateCheckouts.push(ms);
    }
    clock.advance(60_000);
    closeCashSession(desk, actor, { count: countFor(currentCashSession(desk)?.expectedCents ?? 0) });

    const check = dayReport(desk, DAY);
    const counted = check.orders.sales + check.orders.voids + check.orders.refunds;
    if (counted !== orders) throw new Error(`the report counts ${counted} orders, expected ${orders}`);
    const samples = Array.from({ length: runs }, () => timeMs(() => dayReport(desk, DAY)));
    return [
      { name: 'report_day_ms_10k_orders', value: percentile(samples, 50), unit: 'ms' },
      { name: 'checkout_ms_p50_after_10k_orders', value: percentile(lateCheckouts, 50), unit: 'ms' },
    ];
  } finally {
    desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A busy registration day's mix: renewals, activities, donations; cash, cheques, cards, splits. */
function saleFor(i: number): { input: unknown; cards: number } {
  const memberNumber = 100_000 + (i % MEMBERS);
  // Each member takes each activity at most once: pass p over the members uses activity p.
  const activityCode = ACTIVITIES[Math.floor(i / MEMBERS) % ACTIVITIES.length]!;
  const renewal = { kind: 'membership', force: true };
  switch (i % 10) {
    case 5:
    case 6:
      return {
        input: { memberNumber, lines: [renewal, { kind: 'activity', activityCode }], payments: [{ method: 'card', amountCents: 7000, approval: card(i) }] },
        cards: 1,
      };
    case 7:
      return {
        input: { memberNumber, lines: [{ kind: 'donation', amountCents: 2000 }], payments: [{ method: 'cheque', amountCents: 2000, chequeNumber: String(i), bank: 'Desjardins' }] },
        cards: 0,
      };
    case 8:
      return {
        input: {
          memberNumber,
          lines: [{ kind: 'activity', activityCode }, { kind: 'donation', amountCents: 1242 }],
          payments: [{ method: 'card', amountCents: 3000, approval: card(i) }, { method: 'cash', tenderedCents: 5000 }],
        },
        cards: 1,
      };
    case 9:
      return {
        input: { memberNumber, lines: [renewal], payments: [{ method: 'cheque', amountCents: 2500, chequeNumber: String(i), bank: 'Banque Nationale' }] },
        cards: 0,
      };
    default:
      return { input: { memberNumber, lines: [renewal], payments: [{ method: 'cash', tenderedCents: 3000 }] }, cards: 0 };
  }
}
