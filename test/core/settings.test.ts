import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { initializeDesk } from '../../src-main/core/desk/setup.js';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { addMember, newDesk, openDrawer, tempFolder } from '../helpers.js';

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

  it('refuses a club name, an address or an activity the documents would print with empty boxes, and changes nothing', () => {
    const { desk, admin } = newDesk();
    const before = desk.settings();
    expect(() => updateClubSettings(desk, admin, { clubName: 'Club de l’âge d’or 🌞' })).toThrow(
      'Données invalides : « Nom du club » contient « 🌞 », un caractère qui ne peut pas être imprimé sur les cartes ni sur les reçus : retirez-le ou remplacez-le',
    );
    expect(() => updateClubSettings(desk, admin, { clubAddress: '123, rue Principale ★\nQuébec' })).toThrow(/« Adresse du club » contient « ★ »/);
    expect(desk.settings()).toEqual(before);
    // A two-line address and the club's words in French print.
    expect(updateClubSettings(desk, admin, { clubAddress: '123, rue Principale\nQuébec (Québec) G1H 2A3' }).clubAddress).toBe('123, rue Principale\nQuébec (Québec) G1H 2A3');
    expect(() => createActivity(desk, admin, { code: 'YOGA', name: 'Yoga 🧘', season: 'Hiver 2027', priceCents: 6000 })).toThrow(/« Nom » contient « 🧘 »/);
    expect(() => initializeDesk(join(tempFolder(), 'club.sqlite'), { deskName: 'Accueil', receiptPrefix: 'A', club: { clubName: 'Club ♥' } })).toThrow(/« Nom du club » contient « ♥ »/);
  });
});
