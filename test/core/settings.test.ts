import { describe, expect, it } from 'vitest';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { addMember, newDesk, openDrawer } from '../helpers.js';

describe('club settings', () => {
  it('lets the club switch to a fixed end date and a new price, for the sales that follow', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    updateClubSettings(desk, admin, {
      membershipRule: { kind: 'fixed', endMonthDay: '12-31', rolloverMonthDay: '09-01' },
      membershipPriceCents: 3000,
    });
    const no = addMember(desk, admin, 'Luc', 'Fortin');
    const sale = checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
    expect(sale.periods[0]?.endsOn).toBe('2027-12-31');
    expect(sale.order.totalCents).toBe(3000);
  });

  it('rejects a bad rule and changes nothing', () => {
    const { desk, admin } = newDesk();
    const before = desk.settings();
    expect(() => updateClubSettings(desk, admin, { membershipRule: { kind: 'fixed', endMonthDay: '13-40' } })).toThrow(/Données invalides/);
    expect(() => updateClubSettings(desk, admin, { graceDays: -1 })).toThrow(/Données invalides/);
    expect(desk.settings()).toEqual(before);
  });
});
