import type { UserRole } from '../db/schema.js';
import { fixedClock } from '../../src-shared/clock.js';
import { deskOn, type Desk } from '../core/desk/desk.js';
import { createUser } from '../core/users/users.js';
import type { Actor } from '../core/ledger/write.js';
import { DEMO_SEASONS, DEMO_SETUP_DAY, insertDemoActivities } from './activities.js';
import { simulatePastDays } from './orders.js';
import { insertDemoMembers } from './people.js';

/** Demo volunteers. Their PINs are public on purpose: a demo database is never a real one. */
export const DEMO_VOLUNTEERS: readonly { name: string; role: UserRole; pin: string }[] = [
  { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' },
  { name: 'Réal Gagnon', role: 'volunteer', pin: '2345' },
  { name: 'Ginette Côté', role: 'volunteer', pin: '3456' },
  { name: 'Yvon Pelletier', role: 'volunteer', pin: '4567' },
  { name: 'Huguette Lavoie', role: 'treasurer', pin: '9876' },
  // She leads « Yoga doux »: she keeps its list, and handles no money.
  { name: 'Claudette Bérubé', role: 'leader', pin: '5678' },
  { name: 'Gilles Fortin', role: 'admin', pin: '2468' },
];

/**
 * Past orders grow with the club — about 1.1 per member, so that most members are active or
 * recently lapsed, as in a real club a year in — but stop where loading gets slow (the 100,000-member
 * benchmark club keeps 10,000).
 */
export const MIN_DEMO_ORDERS = 150;
export const MAX_DEMO_ORDERS = 10_000;

export interface DemoOptions {
  members: number;
  seed?: number;
  /** Past sales to replay; by default 1.1 per member, between MIN_DEMO_ORDERS and MAX_DEMO_ORDERS. */
  orders?: number;
}

export interface DemoSummary {
  seed: number;
  members: number;
  households: number;
  volunteers: { name: string; role: UserRole; pin: string }[];
  activities: { total: number; bySeason: Record<string, number> };
  businessDays: number;
  cashSessions: { total: number; overShort: number };
  orders: { sales: number; voids: number };
  registrations: { registered: number; waitlisted: number };
  /** Wall time of the whole load, in milliseconds. */
  ms: number;
  /** Plain-French lines to show the person who asked for the demo. */
  notes: string[];
}

export function demoOrderCount(members: number): number {
  return Math.min(MAX_DEMO_ORDERS, Math.max(MIN_DEMO_ORDERS, Math.round(members * 1.1)));
}

/**
 * Fills a freshly initialized desk with a believable club: volunteers, five seasons of
 * activities, `members` people, and a year of registration days replayed through the real sale
 * path. The same seed always gives the same club. The writes run on a clock of their own that
 * walks through the past days; the caller's desk and its clock are left as they were.
 */
export function loadDemoData(desk: Desk, actor: Actor, options: DemoOptions): DemoSummary {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const clock = fixedClock(`${DEMO_SETUP_DAY}T14:00:00Z`);
  const demo = deskOn(desk.connection, { clock, language: desk.language });

  const volunteers = DEMO_VOLUNTEERS.map((v) => {
    clock.advance(60_000);
    return { userId: createUser(demo, actor, { name: v.name, role: v.role, pin: v.pin }).id };
  });
  clock.advance(60_000);
  const activities = insertDemoActivities(demo, actor);
  clock.advance(60_000);
  const people = insertDemoMembers(demo, actor, options.members, seed);
  const sellers = volunteers.filter((_, i) => DEMO_VOLUNTEERS[i]?.role === 'volunteer');
  const simulated = simulatePastDays(demo, clock, {
    orders: options.orders ?? demoOrderCount(options.members),
    seed,
    volunteers: sellers,
    activities,
  });

  const r = desk.reader;
  const counts = r.rawGet<{ registered: number; waitlisted: number }>(
    "SELECT coalesce(sum(status = 'registered'), 0) AS registered, coalesce(sum(status = 'waitlisted'), 0) AS waitlisted FROM registration",
  )!;
  const bySeason = Object.fromEntries(DEMO_SEASONS.map((s) => [s.name, activities.filter((a) => a.season === s.name).length]));
  const summary: Omit<DemoSummary, 'notes' | 'ms'> = {
    seed,
    members: people.members,
    households: people.households,
    volunteers: DEMO_VOLUNTEERS.map((v) => ({ ...v })),
    activities: { total: activities.length, bySeason },
    businessDays: simulated.businessDays,
    cashSessions: { total: simulated.businessDays, overShort: simulated.overShortSessions },
    orders: { sales: simulated.sales, voids: simulated.voids },
    registrations: counts,
  };
  return { ...summary, ms: performance.now() - started, notes: demoNotes(summary) };
}

/** Who may do what, said without a gender (the demo's treasurer is Huguette, its admin Gilles). */
const DEMO_ROLE_WORDS: Record<UserRole, string> = { volunteer: 'bénévole', leader: 'responsable d’activité', treasurer: 'trésorerie', admin: 'administration' };

function demoNotes(s: Omit<DemoSummary, 'notes' | 'ms'>): string[] {
  const n = (value: number) => value.toLocaleString('fr-CA');
  return [
    `${n(s.members)} membres de démonstration (dont ${n(s.households)} couples), graine ${s.seed}.`,
    `${s.activities.total} activités sur ${Object.keys(s.activities.bySeason).length} saisons.`,
    `${n(s.orders.sales)} ventes et ${n(s.orders.voids)} annulations sur ${s.businessDays} journées d'inscription, caisse fermée chaque jour (${s.cashSessions.overShort} avec un écart expliqué).`,
    `${n(s.registrations.registered)} inscriptions, ${n(s.registrations.waitlisted)} sur liste d'attente.`,
    `Bénévoles de démonstration (NIP publics, à ne jamais utiliser pour de vrai) : ${s.volunteers.map((v) => `${v.name} ${v.pin}${v.role === 'volunteer' ? '' : ` (${DEMO_ROLE_WORDS[v.role]})`}`).join(', ')}.`,
  ];
}
