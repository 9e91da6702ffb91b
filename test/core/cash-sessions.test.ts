import { describe, expect, it } from 'vitest';
import {
  closeCashSession,
  countTotal,
  currentCashSession,
  lastClosingCount,
  openCashSession,
  recordCashMovement,
} from '../../src-main/core/cash/cash-sessions.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { addMember, newDesk } from '../helpers.js';

const FLOAT = { '2000': 2, '1000': 3, '500': 2, '200': 5, '100': 5, '25': 8, '10': 10, '5': 4 };

describe('cash sessions', () => {
  it('counts a float by Canadian denominations', () => {
    expect(countTotal(FLOAT)).toBe(4000 + 3000 + 1000 + 1000 + 500 + 200 + 100 + 20);
    expect(countTotal({ '10000': 1, '5000': 1 })).toBe(15000);
  });

  it('allows one open drawer per desk', () => {
    const { desk, admin } = newDesk();
    openCashSession(desk, admin, { count: FLOAT });
    expect(() => openCashSession(desk, admin, { count: FLOAT })).toThrow(/déjà ouverte/);
  });

  it('expects float + cash sales + cash in − cash out, and closes with an over/short and its reason', () => {
    const { desk, admin } = newDesk();
    openCashSession(desk, admin, { count: FLOAT });
    const no = addMember(desk, admin, 'Paul', 'Roy');
    checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'donation', amountCents: 1242 }], payments: [{ method: 'cash', tenderedCents: 2000 }] });
    recordCashMovement(desk, admin, { kind: 'out', amountCents: 2000, reason: 'Dépôt à la banque' });
    recordCashMovement(desk, admin, { kind: 'in', amountCents: 500, reason: 'Monnaie du trésorier' });
    const open = currentCashSession(desk)!;
    expect(open.expectedCents).toBe(countTotal(FLOAT) + 1240 - 2000 + 500);

    // Expected is the float − 2,60 $; this count is 2,70 $ under the float: 10 ¢ short.
    const closingCount = { ...FLOAT, '200': 4, '25': 6, '10': 8 };
    expect(() => closeCashSession(desk, admin, { count: closingCount })).toThrow(
      /écart de −0,10\s\$. Indiquez la raison de l'écart/,
    );
    const closed = closeCashSession(desk, admin, { count: closingCount, reason: 'Erreur de monnaie rendue' });
    expect(closed).toMatchObject({ differenceCents: -10, differenceReason: 'Erreur de monnaie rendue', countedCents: open.expectedCents - 10 });
    expect(currentCashSession(desk)).toBeNull();
    expect(lastClosingCount(desk)).toMatchObject({ '10': 8, '2000': 2 });
  });

  it('locks a closed session against any later change', () => {
    const { desk, admin } = newDesk();
    openCashSession(desk, admin, { count: FLOAT });
    closeCashSession(desk, admin, { count: FLOAT });
    expect(() => desk.connection.rawDatabase.exec('UPDATE cash_session SET difference_reason = NULL')).toThrow(/locked/);
  });

  it('refuses to take out more cash than the drawer holds, or a count with bad numbers', () => {
    const { desk, admin } = newDesk();
    openCashSession(desk, admin, { count: { '2000': 1 } });
    expect(() => recordCashMovement(desk, admin, { kind: 'out', amountCents: 5000, reason: 'Dépôt' })).toThrow(/ne contient que 20,00/);
    expect(() => recordCashMovement(desk, admin, { kind: 'out', amountCents: 500, reason: '' })).toThrow(/« Raison » est obligatoire/);
    expect(() => closeCashSession(desk, admin, { count: { '2000': -1 } })).toThrow(/Données invalides/);
    expect(() => closeCashSession(desk, admin, { count: { '3000': 1 } })).toThrow(/champ inconnu : 3000/);
  });
});
