import { describe, expect, it } from 'vitest';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { registerMember } from '../../src-main/core/activities/registrations.js';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { getMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { refundOrder } from '../../src-main/core/sales/corrections.js';
import { recordCardApproval } from '../../src-main/core/sales/payments.js';
import { closeCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createApiService } from '../../src-main/api/service.js';
import { createUser } from '../../src-main/core/users/users.js';
import { addMember, count, newDesk, openDrawer, refusal } from '../helpers.js';

const renew = { lines: [{ kind: 'membership' as const }], payments: [{ method: 'cash' as const, tenderedCents: 2500 }] };

describe('club settings are checked as strictly as a member’s', () => {
  it('refuses a fixed rule ending 02-30 or rolling over 04-31, and says which field', () => {
    const { desk, admin } = newDesk();
    const before = desk.settings();
    expect(refusal(() => updateClubSettings(desk, admin, { membershipRule: { kind: 'fixed', endMonthDay: '02-30', rolloverMonthDay: '04-31' } }))).toEqual({
      code: 'INVALID_INPUT',
      message:
        'Données invalides : « Date de fin de l\'adhésion (MM-JJ) » doit être un jour du calendrier, MM-JJ (ex. : 12-31) ; « Date de bascule (MM-JJ) » doit être un jour du calendrier, MM-JJ (ex. : 12-31)',
    });
    for (const monthDay of ['00-10', '13-01', '06-31', '11-31', '2-28', '12-1']) {
      expect(refusal(() => updateClubSettings(desk, admin, { membershipRule: { kind: 'fixed', endMonthDay: monthDay, rolloverMonthDay: '09-01' } })).code).toBe('INVALID_INPUT');
    }
    expect(desk.settings()).toEqual(before);
    // February 29 is a calendar day: in a common year the period ends on the 28th.
    expect(updateClubSettings(desk, admin, { membershipRule: { kind: 'fixed', endMonthDay: '02-29', rolloverMonthDay: '12-01' } }).membershipRule).toMatchObject({ endMonthDay: '02-29' });
  });

  it('refuses a price above 100 000 $, a grace or renewal window beyond a year, and cleans the club’s name', () => {
    const { desk, admin } = newDesk();
    expect(refusal(() => updateClubSettings(desk, admin, { membershipPriceCents: 9_007_199_254_740_991 })).message).toContain('« Prix de l\'adhésion » ne peut pas dépasser 100 000,00 $');
    expect(refusal(() => updateClubSettings(desk, admin, { graceDays: 400 })).code).toBe('INVALID_INPUT');
    expect(refusal(() => updateClubSettings(desk, admin, { renewalWindowDays: -1 })).code).toBe('INVALID_INPUT');
    expect(updateClubSettings(desk, admin, { clubName: 'Club\u0000 des\u202e aînés\n' }).clubName).toBe('Club des aînés');
  });
});

describe('a membership’s status follows the periods that remain', () => {
  it('shows a member whose earlier period was refunded as « à venir », not active, until the next one starts', () => {
    const { desk, admin, clock } = newDesk({ at: '2026-01-10T15:00:00Z' });
    const treasurer = { userId: createUser(desk, admin, { name: 'Huguette Lavoie', role: 'treasurer', pin: '9876' }).id };
    const member = addMember(desk, admin, 'Rita', 'Gingras');
    openDrawer(desk, admin);
    const a = checkout(desk, admin, { memberNumber: member, lines: [{ kind: 'membership' }], payments: [{ method: 'cheque', amountCents: 2500, chequeNumber: '12', bank: 'BN' }] });
    closeCashSession(desk, admin, { count: { '2000': 2, '1000': 4, '500': 4 } });
    clock.set('2026-12-15T15:00:00Z');
    openDrawer(desk, admin);
    const b = checkout(desk, admin, { memberNumber: member, ...renew });
    expect(b.periods[0]).toMatchObject({ startsOn: '2027-01-11', endsOn: '2028-01-10' });
    expect(getMember(desk, member).statusLabel).toBe('Actif — expire dans 391 jours');

    refundOrder(desk, treasurer, { receiptNumber: a.order.receiptNumber, linePositions: [1], reason: 'Payé en double', method: { method: 'cash' } });
    const after = getMember(desk, member);
    expect(after.status).toEqual({ kind: 'upcoming', startsOn: '2027-01-11', expiresOn: '2028-01-10', daysUntil: 27 });
    expect(after.statusLabel).toBe('Adhésion à venir — commence le 11 janvier 2027');
    // Not a member today: an activity that needs a membership says so.
    createActivity(desk, admin, { code: 'YOGA', name: 'Yoga doux', season: 'Hiver 2027', priceCents: 0 });
    expect(refusal(() => registerMember(desk, admin, { activityCode: 'YOGA', memberNumber: member })).code).toBe('MEMBERSHIP_REQUIRED');
    // On the day B starts, the member is active to its end.
    clock.set('2027-01-11T15:00:00Z');
    expect(getMember(desk, member).status).toMatchObject({ kind: 'active', expiresOn: '2028-01-10' });
  });

  it('keeps the earlier period when the later one is refunded: active to its own end', () => {
    const { desk, admin, clock } = newDesk({ at: '2026-06-10T15:00:00Z' });
    const member = addMember(desk, admin, 'Rita', 'Gingras');
    openDrawer(desk, admin);
    checkout(desk, admin, { memberNumber: member, ...renew });
    clock.set('2027-04-15T15:00:00Z');
    const b = checkout(desk, admin, { memberNumber: member, ...renew });
    refundOrder(desk, admin, { receiptNumber: b.order.receiptNumber, linePositions: [1], reason: 'Erreur', method: { method: 'cash' } });
    expect(getMember(desk, member).status).toEqual({ kind: 'active', expiresOn: '2027-06-10', daysLeft: 56 });
  });
});

describe('a second renewal in the same membership year needs a confirmation', () => {
  it.each([
    ['a new member', () => undefined],
    ['a lapsed member', 'lapsed'],
    ['an active member', 'active'],
  ] as const)('catches %s renewed on 2026-11-27 and again on 2026-11-28', (_who, before) => {
    const { desk, admin, clock } = newDesk({ at: '2024-09-01T15:00:00Z' });
    const member = addMember(desk, admin, 'Gérard', 'Côté');
    openDrawer(desk, admin);
    if (before === 'lapsed') checkout(desk, admin, { memberNumber: member, ...renew });
    clock.set(before === 'active' ? '2026-10-01T15:00:00Z' : '2026-11-27T15:00:00Z');
    if (before === 'active') checkout(desk, admin, { memberNumber: member, ...renew });
    clock.set('2026-11-27T15:00:00Z');
    if (before !== 'active') checkout(desk, admin, { memberNumber: member, ...renew });
    clock.set('2026-11-28T15:00:00Z');
    const expiry = getMember(desk, member).expiresOn!;
    expect(refusal(() => checkout(desk, admin, { memberNumber: member, ...renew })).code).toBe('ALREADY_RENEWED');
    expect(getMember(desk, member).expiresOn).toBe(expiry);
    const forced = checkout(desk, admin, { memberNumber: member, lines: [{ kind: 'membership', force: true }], payments: renew.payments });
    expect(forced.periods).toHaveLength(1);
  });

  it('lets a member renew within 120 days of expiry, as the club’s renewal window says', () => {
    const { desk, admin, clock } = newDesk({ at: '2026-01-10T15:00:00Z' });
    const member = addMember(desk, admin, 'Gérard', 'Côté');
    openDrawer(desk, admin);
    checkout(desk, admin, { memberNumber: member, ...renew });
    clock.set('2026-09-13T15:00:00Z'); // 119 days before 2027-01-10
    expect(checkout(desk, admin, { memberNumber: member, ...renew }).periods[0]).toMatchObject({ startsOn: '2027-01-11', endsOn: '2028-01-10' });
  });
});

describe('amounts', () => {
  it('accepts a free activity paid with a 0 $ cash line, and writes no payment', () => {
    const { desk, admin } = newDesk();
    createActivity(desk, admin, { code: 'CAFE', name: 'Café-rencontre', season: 'Hiver 2027', priceCents: 0, membershipRequired: false });
    const member = addMember(desk, admin, 'Paul', 'Roy');
    openDrawer(desk, admin);
    const sale = checkout(desk, admin, { memberNumber: member, lines: [{ kind: 'activity', activityCode: 'CAFE' }], payments: [{ method: 'cash', tenderedCents: 0 }] });
    expect(sale.order).toMatchObject({ totalCents: 0, payments: [] });
    expect(sale.cash).toBeNull();
    // Cash handed over when nothing is due is refused, with what to do.
    expect(
      refusal(() => checkout(desk, admin, { memberNumber: addMember(desk, admin, 'Luc', 'Roy'), lines: [{ kind: 'activity', activityCode: 'CAFE' }], payments: [{ method: 'cash', tenderedCents: 500 }] })),
    ).toEqual({ code: 'NOTHING_DUE_IN_CASH', message: 'Il ne reste rien à payer comptant : rendez les 5,00 $ au membre, ou enlevez le paiement comptant.' });
  });

  it('refuses a 9 007 199 254 740 991-cent card payment, and every amount above 100 000 $, changing nothing', async () => {
    const { desk, admin } = newDesk();
    const member = addMember(desk, admin, 'Paul', 'Roy');
    openDrawer(desk, admin);
    const huge = Number.MAX_SAFE_INTEGER;
    const entries = count(desk, 'audit_log');
    expect(refusal(() => recordCardApproval(desk, admin, { amountCents: huge, reference: 'x', approval: { authCode: 'A1' } })).code).toBe('INVALID_INPUT');
    for (const cart of [
      { memberNumber: member, lines: [{ kind: 'donation', amountCents: 5000 }], payments: [{ method: 'card', amountCents: huge, approval: { authCode: 'A1' } }] },
      { memberNumber: member, lines: [{ kind: 'donation', amountCents: huge }], payments: [{ method: 'cash', tenderedCents: huge }] },
      { memberNumber: member, lines: [{ kind: 'credit', amountCents: 10_000_001 }], payments: [{ method: 'cash', tenderedCents: 10_000_001 }] },
    ]) {
      expect(refusal(() => checkout(desk, admin, cart)).message).toContain('ne peut pas dépasser 100 000,00 $');
    }
    expect(count(desk, 'audit_log')).toBe(entries);
    // The contract refuses it too, before any terminal is asked.
    const api = createApiService(desk, { log: () => {} });
    const volunteer = createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    expect(await api.call('payments.card', { amountCents: huge, reference: 'panier', slip: { authCode: 'A1' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
