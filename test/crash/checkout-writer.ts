/**
 * The process the crash test kills. It opens a desk database and sells without pause through the
 * real core: cash renewals (forced, so the same few members can renew again and again), donations
 * split between cash and a cheque or a card, and now and then a void of one of its own sales.
 *
 * A receipt number is printed only after checkout() or voidOrder() returned, i.e. after the
 * transaction committed: a printed number is a sale the volunteer was told is done. Writes to a
 * pipe are synchronous on Linux, so a printed line reaches the parent even if SIGKILL follows
 * at once.
 *
 * Usage: node checkout-writer.mjs <database file> <seed>
 */
import { voidOrder } from '../../src-main/core/sales/corrections.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { systemUserId } from '../../src-main/core/desk/setup.js';
import { mulberry32 } from '../../src-main/demo/people.js';

const [file, seedText] = process.argv.slice(2);
if (!file) throw new Error('usage: checkout-writer <database file> <seed>');

const desk = openDesk(file);
const actor = { userId: systemUserId(desk) };
const numbers = desk.reader.rawAll<{ number: number }>('SELECT number FROM member ORDER BY number').map((m) => m.number);
const random = mulberry32(Number(seedText ?? 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const approval = () => ({ authCode: `A${Math.floor(random() * 1e6)}`, brand: 'visa', last4: '4242' });

/** This process's sales not yet voided, with how many card payments each void must give back. */
const voidable: { receipt: string; cards: number }[] = [];

function sellOnce(): string {
  const r = random();
  const last = voidable.at(-1);
  if (r < 0.08 && last) {
    voidable.pop();
    const cardRefunds = Array.from({ length: last.cards }, approval);
    return voidOrder(desk, actor, { receiptNumber: last.receipt, reason: 'Test de panne', cardRefunds }).order.receiptNumber;
  }
  let input: unknown;
  let cards = 0;
  if (r < 0.55) {
    input = {
      memberNumber: pick(numbers),
      lines: [{ kind: 'membership', force: true }],
      payments: [{ method: 'cash', tenderedCents: pick([2500, 3000, 5000]) }],
    };
  } else {
    // Odd cents, so the cash part is rounded to 0.05 $ and a rounding line is written too.
    const amountCents = 1000 + Math.floor(random() * 9000);
    const exact =
      r < 0.8
        ? { method: 'cheque', amountCents: 500, chequeNumber: String(100 + Math.floor(random() * 900)), bank: 'Desjardins' }
        : { method: 'card', amountCents: 700, approval: approval() };
    cards = exact.method === 'card' ? 1 : 0;
    input = {
      memberNumber: pick(numbers),
      lines: [{ kind: 'donation', amountCents }],
      payments: [exact, { method: 'cash', tenderedCents: 10_000 }],
    };
  }
  const receipt = checkout(desk, actor, input).order.receiptNumber;
  voidable.push({ receipt, cards });
  return receipt;
}

process.stdout.write('ready\n');
// The parent kills this process well before; the limit only stops an orphan.
const stopAt = Date.now() + 60_000;
while (Date.now() < stopAt) {
  // "?" says a sale is in flight: if the kill lands before its receipt line, the parent knows
  // it hit inside a checkout, and whether that transaction had reached the disk.
  process.stdout.write('?\n');
  process.stdout.write(`${sellOnce()}\n`);
}
desk.close();
