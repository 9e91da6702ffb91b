import { describe, expect, it } from 'vitest';
import { createActivity, listActivities } from '../../src-main/core/activities/activities.js';
import { voidOrder } from '../../src-main/core/sales/corrections.js';
import { activityRoster, cancelRegistration, memberRegistrations, registerMember } from '../../src-main/core/activities/registrations.js';
import { findMemberRow } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { addMember, count, newDesk, openDrawer } from '../helpers.js';

function bridgeWithTwoPlaces() {
  const t = newDesk();
  createActivity(t.desk, t.admin, {
    code: 'BRIDGE-A26',
    name: 'Bridge',
    season: 'Automne 2026',
    leader: 'Gilles Côté',
    schedule: 'Mardi 13 h 30',
    place: 'Salle Jean-Talon',
    priceCents: 2000,
    capacity: 2,
    membershipRequired: false,
  });
  return t;
}

describe('activities and registrations', () => {
  it('lists activities with places left and the waitlist length', () => {
    const { desk, admin } = bridgeWithTwoPlaces();
    const a = addMember(desk, admin, 'Jean', 'Roy');
    registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: a });
    const [bridge] = listActivities(desk, { season: 'Automne 2026' });
    expect(bridge).toMatchObject({ code: 'BRIDGE-A26', capacity: 2, registeredCount: 1, placesLeft: 1, waitlistCount: 0 });
  });

  it('puts a member on the waitlist of a full activity only when asked, and says so otherwise', () => {
    const { desk, admin } = bridgeWithTwoPlaces();
    const [a, b, c] = ['Jean', 'Marie', 'Luc'].map((first) => addMember(desk, admin, first, 'Roy'));
    registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: a });
    registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: b });
    expect(() => registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: c })).toThrow(
      /« Bridge » est complète \(2 places\)\. Le membre peut être mis sur la liste d'attente/,
    );
    const waiting = registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: c, waitlistIfFull: true });
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(() => registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: c, waitlistIfFull: true })).toThrow(
      /déjà sur la liste d'attente de « Bridge »/,
    );
  });

  it('moves the first waitlisted member up when someone cancels', () => {
    const { desk, admin } = bridgeWithTwoPlaces();
    const [a, b, c, d] = ['Jean', 'Marie', 'Luc', 'Anne'].map((first) => addMember(desk, admin, first, 'Roy'));
    for (const no of [a, b]) registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: no });
    for (const no of [c, d]) registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: no, waitlistIfFull: true });
    const { movedUp } = cancelRegistration(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: a });
    expect(movedUp).toMatchObject({ memberNumber: c, status: 'registered' });
    const roster = activityRoster(desk, 'BRIDGE-A26');
    expect(roster.registered.map((r) => r.memberNumber).sort()).toEqual([b, c].sort());
    expect(roster.waitlist.map((r) => [r.memberNumber, r.waitlistPosition])).toEqual([[d, 1]]);
  });

  it('refuses to sell a place in a full activity, and selling one from the waitlist once a place frees up', () => {
    const { desk, admin } = bridgeWithTwoPlaces();
    openDrawer(desk, admin);
    const [a, b, c] = ['Jean', 'Marie', 'Luc'].map((first) => addMember(desk, admin, first, 'Roy')) as [number, number, number];
    const pay = (no: number) => checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'activity', activityCode: 'BRIDGE-A26' }], payments: [{ method: 'cash', tenderedCents: 2000 }] });
    const first = pay(a);
    pay(b);
    expect(() => pay(c)).toThrow(/complète/);
    expect(count(desk, 'sale_order')).toBe(2);
    registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: c, waitlistIfFull: true });
    voidOrder(desk, admin, { receiptNumber: first.order.receiptNumber, reason: 'Le membre se désiste' });
    const roster = activityRoster(desk, 'BRIDGE-A26');
    expect(roster.registered.find((r) => r.memberNumber === c)).toMatchObject({ paid: false });
    pay(c);
    expect(activityRoster(desk, 'BRIDGE-A26').registered.find((r) => r.memberNumber === c)).toMatchObject({ paid: true });
  });

  it('asks for an active membership when the activity requires one, which the same cart can provide', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    createActivity(desk, admin, { code: 'YOGA', name: 'Yoga doux', season: 'Automne 2026', priceCents: 5000 });
    const no = addMember(desk, admin, 'Lise', 'Simard');
    expect(() => registerMember(desk, admin, { activityCode: 'YOGA', memberNumber: no })).toThrow(/demande une adhésion active/);
    const sale = checkout(desk, admin, {
      memberNumber: no,
      lines: [{ kind: 'activity', activityCode: 'YOGA' }, { kind: 'membership' }],
      payments: [{ method: 'cash', tenderedCents: 10000 }],
    });
    expect(sale.registrations).toHaveLength(1);
    expect(sale.cash?.changeCents).toBe(2500);
  });

  it('keeps activity codes unique and only lets an administrator create activities', () => {
    const { desk, admin } = bridgeWithTwoPlaces();
    expect(() => createActivity(desk, admin, { code: 'bridge-a26', name: 'Autre', season: 'Hiver 2027', priceCents: 0 })).toThrow(/déjà utilisé/);
    expect(() => registerMember(desk, admin, { activityCode: 'NOPE', memberNumber: 1 })).toThrow(/n'existe pas/);
  });
});

describe('where a registration’s money stands', () => {
  it('says « due » for a place held unpaid, « paid » once sold, « refunded » after a void, and « free » for a free activity', () => {
    const { desk, admin } = bridgeWithTwoPlaces();
    createActivity(desk, admin, { code: 'MARCHE', name: 'Marche', season: 'Automne 2026', priceCents: 0, capacity: null, membershipRequired: false });
    openDrawer(desk, admin);
    const a = addMember(desk, admin, 'Jean', 'Roy');
    registerMember(desk, admin, { activityCode: 'BRIDGE-A26', memberNumber: a });
    registerMember(desk, admin, { activityCode: 'MARCHE', memberNumber: a });
    const state = () => Object.fromEntries([...activityRoster(desk, 'BRIDGE-A26').registered, ...activityRoster(desk, 'MARCHE').registered].map((r) => [r.activityCode, [r.payment, r.paid, r.priceCents]]));
    expect(state()).toEqual({ 'BRIDGE-A26': ['due', false, 2000], MARCHE: ['free', false, 0] });

    const sale = checkout(desk, admin, { memberNumber: a, lines: [{ kind: 'activity', activityCode: 'BRIDGE-A26' }], payments: [{ method: 'cash', tenderedCents: 2000 }] });
    expect(state()['BRIDGE-A26']).toEqual(['paid', true, 2000]);

    voidOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, reason: 'Erreur de saisie' });
    expect(activityRoster(desk, 'BRIDGE-A26').registered).toEqual([]);
    const history = memberRegistrations(desk.reader, findMemberRow(desk.reader, a).id);
    expect(history.map((r) => [r.activityCode, r.status, r.payment])).toEqual(
      expect.arrayContaining([
        ['BRIDGE-A26', 'cancelled', 'refunded'],
        ['MARCHE', 'registered', 'free'],
      ]),
    );
  });
});
