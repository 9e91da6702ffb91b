import { registeredCount } from '../core/activities/activities.js';
import { closeCashSession, currentCashSession, openCashSession, type CashCount } from '../core/cash/cash-sessions.js';
import type { Clock } from '../../src-shared/clock.js';
import { voidOrder } from '../core/sales/corrections.js';
import type { ClubSettings, Desk } from '../core/desk/desk.js';
import { alreadyRenewed } from '../../src-shared/memberships.js';
import { DENOMINATIONS, roundCashToNickel } from '../../src-shared/money.js';
import { registerMember } from '../core/activities/registrations.js';
import { checkout } from '../core/sales/checkout.js';
import type { Actor } from '../core/ledger/write.js';
import { DEMO_SEASONS, type DemoActivity } from './activities.js';
import { mulberry32 } from './people.js';

/**
 * Past registration days replayed through the desk's real paths: each day a volunteer opens the
 * drawer with a float, renews members (cash, cheque, card or split), registers them to the
 * season's activities (waitlist when full), voids the odd mistake and closes the drawer, now and
 * then over or short with a reason. Nothing is written around the core: whatever the demo shows,
 * the desk could have produced.
 */
export interface SimulationOptions {
  orders: number;
  seed: number;
  volunteers: readonly Actor[];
  activities: readonly DemoActivity[];
}

export interface SimulationResult {
  businessDays: number;
  sales: number;
  voids: number;
  waitlisted: number;
  freeRegistrations: number;
  overShortSessions: number;
}

type SetClock = Clock & { set(at: Date | string): void; advance(ms: number): void };
type Random = () => number;

const BANKS = ['Caisse Desjardins de Limoilou', 'Caisse Desjardins de Charlesbourg', 'Banque Nationale', 'RBC Banque Royale', 'Banque TD', 'Banque Scotia', 'BMO', 'Banque Laurentienne'];
const CARD_BRANDS = ['interac', 'interac', 'interac', 'visa', 'mastercard'] as const;
const VOID_REASONS = ['Erreur de saisie : mauvais membre', 'Le membre a changé d’idée', 'Payé deux fois par erreur', 'Mauvaise activité choisie'];
const SHORT_REASONS = ['Erreur de monnaie rendue', 'Billet de 5 $ probablement remis en trop'];
const OVER_REASONS = ['Monnaie non réclamée par un membre', 'Pièce trouvée sous le tiroir'];
const DONATIONS = [500, 1000, 1000, 2000, 2500, 5000, 1242, 777];
const FLOATS: CashCount[] = [
  { '2000': 2, '1000': 4, '500': 4 },
  { '2000': 2, '1000': 4, '500': 4, '200': 5, '100': 5, '25': 20 },
];
// Registrations open at 13 h (EST) or 14 h (EDT) and the last sale is before 18 h.
const DAY_START_UTC = 'T18:00:00Z';
const DAY_LENGTH_MS = 3.75 * 3_600_000;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A copy in random order (Fisher–Yates), the same for the same seed. */
function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
const int = (random: Random, below: number) => Math.floor(random() * below);

function weightedPick<T extends { demand: number }>(random: Random, list: readonly T[]): T | undefined {
  const total = list.reduce((sum, item) => sum + item.demand, 0);
  let at = random() * total;
  for (const item of list) if ((at -= item.demand) < 0) return item;
  return list.at(-1);
}

/** Splits `total` over weights with largest remainders, so the parts add up exactly. */
function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[order[k]![1]]! += 1;
  return parts;
}

/** How a drawer holding `cents` is counted: big bills first, as volunteers do. */
export function countFor(cents: number): CashCount {
  const count: Record<string, number> = {};
  let rest = cents;
  for (const d of DENOMINATIONS) {
    const n = Math.floor(rest / d);
    if (n > 0) count[String(d)] = n;
    rest -= n * d;
  }
  return count as CashCount;
}

function tendered(random: Random, due: number): number {
  const roundTo = pick(random, [0, 500, 1000, 2000, 2000, 5000, 10000]);
  return roundTo === 0 ? due : Math.ceil(due / roundTo) * roundTo;
}

function cardApproval(random: Random) {
  const authCode = Array.from({ length: 6 }, () => '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'[int(random, 34)]).join('');
  return { authCode, brand: pick(random, CARD_BRANDS), last4: String(int(random, 10_000)).padStart(4, '0'), terminal: 'standalone' as const };
}

/** Cash, cheque, card, or a split of cash with a cheque or a card, for an exact total. */
function paymentsFor(random: Random, total: number): unknown[] {
  if (total === 0) return [];
  const cheque = (amountCents: number) => ({ method: 'cheque', amountCents, chequeNumber: String(100 + int(random, 900)), bank: pick(random, BANKS) });
  const card = (amountCents: number) => ({ method: 'card', amountCents, approval: cardApproval(random) });
  const r = random();
  if (r < 0.45) return [{ method: 'cash', tenderedCents: tendered(random, roundCashToNickel(total)) }];
  if (r < 0.63) return [cheque(total)];
  if (r < 0.88) return [card(total)];
  // Split: a part by cheque or card, the rest in cash (at least 1 $ of it).
  const part = Math.floor((total * (0.3 + 0.4 * random())) / 100) * 100;
  if (part <= 0 || total - part < 100) return [{ method: 'cash', tenderedCents: tendered(random, roundCashToNickel(total)) }];
  const cash = { method: 'cash', tenderedCents: tendered(random, roundCashToNickel(total - part)) };
  return [random() < 0.5 ? cheque(part) : card(part), cash];
}

interface MemberState {
  id: string;
  number: number;
  expires_on: string | null;
  household_id: string | null;
}

/** The reads the simulation needs to choose believable carts (it never writes on its own). */
function lookups(desk: Desk) {
  const r = desk.reader;
  const activityIds = new Map(r.rawAll<{ id: string; code: string }>('SELECT id, code FROM activity').map((a) => [a.code, a.id]));
  return {
    numbers: r.rawAll<{ number: number }>('SELECT number FROM member ORDER BY number').map((m) => m.number),
    member: (number: number) => r.rawGet<MemberState>('SELECT id, number, expires_on, household_id FROM member WHERE number = ?', number)!,
    partnerOf: (m: MemberState) =>
      m.household_id
        ? r.rawGet<{ number: number }>('SELECT number FROM member WHERE household_id = ? AND number <> ? ORDER BY number LIMIT 1', m.household_id, m.number)?.number
        : undefined,
    /** Registered or waitlisted already: the desk would refuse a second registration. */
    hasLive: (code: string, memberId: string) =>
      r.rawGet("SELECT 1 FROM registration WHERE activity_id = ? AND member_id = ? AND status <> 'cancelled'", activityIds.get(code) ?? '', memberId) !== undefined,
    placesLeft: (a: DemoActivity) => (a.capacity === null ? Infinity : a.capacity - registeredCount(r, activityIds.get(a.code) ?? '')),
    waitlistLength: (code: string) =>
      r.rawGet<{ n: number }>("SELECT count(*) AS n FROM registration WHERE activity_id = ? AND status = 'waitlisted'", activityIds.get(code) ?? '')!.n,
  };
}

interface Cart {
  memberNumber: number | undefined;
  lines: Record<string, unknown>[];
  /** Full activities the member asks to wait for, once the sale (and its renewal) is done. */
  waitlist: { code: string; number: number }[];
}

/**
 * What one member (and, now and then, their partner) buys on `date`: a renewal when lapsed or
 * simply renewing, one or two of the season's activities, sometimes a donation.
 */
function chooseCart(random: Random, find: ReturnType<typeof lookups>, settings: ClubSettings, date: string, number: number | undefined, paid: readonly DemoActivity[], seenToday: Set<number>): Cart {
  const cart: Cart = { memberNumber: number, lines: [], waitlist: [] };
  const kind = random();
  if (number !== undefined) {
    const main = find.member(number);
    const people = [main];
    const partner = find.partnerOf(main);
    if (partner !== undefined && !seenToday.has(partner) && random() < 0.4) {
      seenToday.add(partner);
      people.push(find.member(partner));
    }
    const wantsActivity = kind >= 0.3 && kind < 0.9;
    const open = paid.filter((a) => !find.hasLive(a.code, main.id));
    const chosen = wantsActivity ? weightedPick(random, open) : undefined;
    const extra = chosen && random() < 0.3 ? weightedPick(random, open.filter((a) => a !== chosen)) : undefined;
    for (const person of people) {
      const lapsed = !person.expires_on || person.expires_on < date;
      const renews = !alreadyRenewed(settings, person.expires_on, date) && (lapsed || !wantsActivity || random() < 0.15);
      if (renews) cart.lines.push({ kind: 'membership', memberNumber: person.number });
      for (const activity of [chosen, extra]) {
        if (!activity || (person !== main && find.hasLive(activity.code, person.id))) continue;
        if (activity.membershipRequired && lapsed && !renews) continue;
        const inCart = cart.lines.filter((l) => l.activityCode === activity.code).length;
        if (find.placesLeft(activity) - inCart > 0) cart.lines.push({ kind: 'activity', activityCode: activity.code, memberNumber: person.number });
        // A waitlist longer than half the class would never move: the member picks something else next time.
        else if (activity.capacity !== null && find.waitlistLength(activity.code) < Math.max(3, activity.capacity / 2)) {
          cart.waitlist.push({ code: activity.code, number: person.number });
        }
      }
    }
  }
  if (kind >= 0.9 || random() < 0.05 || cart.lines.length === 0) cart.lines.push({ kind: 'donation', amountCents: pick(random, DONATIONS) });
  return cart;
}

export function simulatePastDays(desk: Desk, clock: SetClock, options: SimulationOptions): SimulationResult {
  const random = mulberry32(options.seed ^ 0x0c0ffee);
  const settings = desk.settings();
  const find = lookups(desk);
  const days = DEMO_SEASONS.flatMap((season) => season.registrationDays.map((date, i) => ({ date, season: season.name, rush: i === 0 ? 3 : 1 })));
  const perDay = spread(options.orders, days.map((d) => d.rush));
  // Members come in turn (a shuffled queue) before anyone comes twice, as a real club's do once a
  // year; one in twenty never came (new members, a file made at the door).
  const queue = shuffled(random, find.numbers).slice(0, Math.round(find.numbers.length * 0.95));
  const nextMember = (seenToday: ReadonlySet<number>): number | undefined => {
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (!seenToday.has(next)) return next;
    }
    for (let tries = 0; tries < 5 && find.numbers.length > 0; tries++) {
      const candidate = pick(random, find.numbers);
      if (!seenToday.has(candidate)) return candidate;
    }
    return undefined;
  };
  const result: SimulationResult = { businessDays: days.length, sales: 0, voids: 0, waitlisted: 0, freeRegistrations: 0, overShortSessions: 0 };

  days.forEach((day, dayIndex) => {
    const ordersToday = perDay[dayIndex] ?? 0;
    const [opener, colleague] = [pick(random, options.volunteers), pick(random, options.volunteers)] as [Actor, Actor];
    const step = Math.floor(DAY_LENGTH_MS / (ordersToday * 1.3 + 4));
    const tick = () => clock.advance(step / 2 + int(random, step));
    clock.set(`${day.date}${DAY_START_UTC}`);
    openCashSession(desk, opener, { count: pick(random, FLOATS) });
    const paid = options.activities.filter((a) => a.season === day.season && a.priceCents > 0);
    const free = options.activities.filter((a) => a.season === day.season && a.priceCents === 0);
    const seenToday = new Set<number>();
    const sales: { receipt: string; cards: number }[] = [];
    let voidsToday = 0;

    for (let i = 0; i < ordersToday; i++) {
      tick();
      const seller = i % 3 === 2 ? colleague : opener;
      // Nobody comes twice the same day: a second renewal would be refused as already done.
      const number = nextMember(seenToday);
      if (number !== undefined) seenToday.add(number);
      const cart = chooseCart(random, find, settings, day.date, number, paid, seenToday);
      const total = cart.lines.reduce((sum, l) => sum + lineAmount(l, settings.membershipPriceCents, options.activities), 0);
      const payments = paymentsFor(random, total);
      const sale = checkout(desk, seller, { memberNumber: cart.memberNumber, lines: cart.lines, payments });
      sales.push({ receipt: sale.order.receiptNumber, cards: payments.filter((p) => (p as { method: string }).method === 'card').length });
      result.sales++;
      for (const wait of cart.waitlist) {
        tick();
        registerMember(desk, seller, { activityCode: wait.code, memberNumber: wait.number, waitlistIfFull: true });
        result.waitlisted++;
      }
      if (number !== undefined && free.length > 0 && random() < 0.08) {
        const talk = pick(random, free);
        if (!find.hasLive(talk.code, find.member(number).id)) {
          tick();
          registerMember(desk, seller, { activityCode: talk.code, memberNumber: number, waitlistIfFull: true });
          result.freeRegistrations++;
        }
      }
      // The odd mistake, caught while the member is still at the desk or a little later.
      // Each season's first (busiest) day has at least one, so every demo shows a void.
      const lastChance = day.rush > 1 && voidsToday === 0 && i === ordersToday - 1;
      if (lastChance || random() < (ordersToday < 40 ? 0.04 : 0.01)) {
        const undo = sales.splice(Math.max(0, sales.length - 1 - int(random, 4)), 1)[0];
        if (undo) {
          tick();
          const cardRefunds = Array.from({ length: undo.cards }, () => cardApproval(random));
          voidOrder(desk, seller, { receiptNumber: undo.receipt, reason: pick(random, VOID_REASONS), cardRefunds });
          result.voids++;
          voidsToday++;
        }
      }
    }

    tick();
    const expected = currentCashSession(desk)?.expectedCents ?? 0;
    const off = random() < 0.2 ? pick(random, [-500, -200, -100, -25, -5, 5, 10, 100, 200]) : 0;
    const difference = expected + off >= 0 ? off : 0;
    if (difference !== 0) result.overShortSessions++;
    closeCashSession(desk, opener, {
      count: countFor(expected + difference),
      reason: difference === 0 ? null : pick(random, difference < 0 ? SHORT_REASONS : OVER_REASONS),
    });
  });
  return result;
}

function lineAmount(line: Record<string, unknown>, membershipPrice: number, activities: readonly DemoActivity[]): number {
  if (line.kind === 'membership') return membershipPrice;
  if (line.kind === 'activity') return activities.find((a) => a.code === line.activityCode)?.priceCents ?? 0;
  return Number(line.amountCents ?? 0);
}
