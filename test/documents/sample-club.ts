import { PNG } from 'pngjs';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { closeCashSession, currentCashSession, openCashSession, recordCashMovement } from '../../src-main/core/cash/cash-sessions.js';
import type { fixedClock } from '../../src-shared/clock.js';
import { refundOrder, voidOrder } from '../../src-main/core/sales/corrections.js';
import type { ClubSettings, Desk } from '../../src-main/core/desk/desk.js';
import { createMember, type CreateMemberResult } from '../../src-main/core/members/members.js';
import { countFor } from '../../src-main/demo/orders.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { createUser } from '../../src-main/core/users/users.js';
import type { Actor } from '../../src-main/core/ledger/write.js';

/**
 * A registration Monday at a Québec club, made through the core on a real desk file: the data
 * every document test and the sample renderer print. Kept free of vitest so that
 * scripts/render-samples.ts can build the same day.
 *
 * 2025-09-01  an old renewal for Seán O'Brien, expired by now
 * 2026-11-27  R-000002  Françoise renews, cash 25 $ (40 $ tendered, 15 $ change)
 *             R-000003  Nguyễn renews + Yoga: cheque 50 $ (no 123, Desjardins) + Visa •••• 4242 35 $
 *             R-000004  Jean gives 10 $ by card (voided by R-000005)
 *             R-000006  Gisèle: Peinture 40 $ + 2,42 $ donation; Mastercard 20 $ + cash (−0,02 $ rounding)
 *             R-000007  Marie-Ève pays for many: 14 memberships of her group and 26 activities (one receipt, many pages)
 *             R-000008  refund of R-000003's Yoga line, cash
 *             then 36 small donations by cheque; 10 $ out for coffee; the drawer closed 2 $ short
 *             R-000045  afternoon drawer (opened by the treasurer): Gisèle gives 20 $ cash
 *             R-000046  Paul gives 30 $ by cheque (no 777, Banque Laurentienne)
 *             R-000047  Jean gives 15 $ by Interac card
 *             R-000048  Paul gives 5 $ cash, entered twice: voided by R-000049; the drawer closed exact
 */
export const SAMPLE_CLUB: Partial<ClubSettings> = {
  clubName: 'Club de l’âge d’or de Saint-Jean-sur-Richelieu',
  clubAddress: '123, rue Principale\nSaint-Jean-sur-Richelieu (Québec)  J3B 1A1',
  registrationNumbers: [
    { label: 'No d’organisme de bienfaisance', number: '12345 6789 RR0001' },
    { label: 'TPS / TVQ', number: '123456789 RT0001 / 1234567890 TQ0001' },
  ],
  membershipPriceCents: 2500,
  logoPng: sampleLogo(),
};

export const NAMES = {
  francoise: ['Françoise', 'Léveillé-Côté'],
  nguyen: ['Nguyễn Thị Minh', 'Khai'],
  obrien: ['Seán', "O'Brien"],
  jean: ['Jean', 'Tremblay'],
  gisele: ['Gisèle', 'Bélanger'],
  long: ['Marie-Ève-Bernadette', 'Tremblay-Bouchard-Vaillancourt de la Durantaye'],
  paul: ['Paul', 'Roy'],
} as const;

export type SampleNames = keyof typeof NAMES;

export interface SampleDay {
  members: Record<SampleNames, number>;
  receipts: {
    cash: string;
    split: string;
    voided: string;
    void: string;
    rounding: string;
    many: string;
    refund: string;
    afternoon: string;
    afternoonCheque: string;
    afternoonCard: string;
    afternoonVoid: string;
  };
  date: string;
}

export function populateSampleDay(desk: Desk, admin: Actor, clock: ReturnType<typeof fixedClock>): SampleDay {
  clock.set('2025-09-01T15:00:00Z');
  const volunteer = { userId: createUser(desk, admin, { name: 'Ginette Lévesque', role: 'volunteer', pin: '4821' }).id };
  const treasurer = { userId: createUser(desk, admin, { name: 'Gérard Côté', role: 'treasurer', pin: '7395' }).id };
  const languages: Partial<Record<SampleNames, 'en'>> = { nguyen: 'en', obrien: 'en' };
  const members = Object.fromEntries(
    Object.entries(NAMES).map(([key, [firstName, lastName]]) => {
      const language = languages[key as SampleNames] ?? 'fr';
      return [key, numberOf(createMember(desk, admin, { firstName, lastName, language, force: true }))];
    }),
  ) as Record<SampleNames, number>;

  // Last year: Seán's last renewal, expired by the registration day.
  openCashSession(desk, volunteer, { count: { '2000': 5 } });
  checkout(desk, volunteer, { memberNumber: members.obrien, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] });
  closeCashSession(desk, volunteer, { count: { '2000': 6, '500': 1 } });

  clock.set('2026-11-27T14:00:00Z');
  const later = () => clock.advance(4 * 60_000);
  openCashSession(desk, volunteer, { count: { '2000': 2, '1000': 4, '500': 4 } });
  createActivity(desk, admin, { code: 'YOGA-A26', name: 'Yoga doux', season: 'Automne 2026', priceCents: 6000, capacity: 12, schedule: 'Mardi 13 h 30', place: 'Salle Jean-Talon' });
  createActivity(desk, admin, { code: 'PEINT', name: 'Peinture à l’huile', season: 'Automne 2026', priceCents: 4000, membershipRequired: false });
  const crafts = Array.from({ length: 26 }, (_, i) => `ATL-${String(i + 1).padStart(2, '0')}`);
  crafts.forEach((code, i) =>
    createActivity(desk, admin, { code, name: `Atelier ${i + 1} : tricot, broderie et courtepointe`, season: 'Hiver 2027', priceCents: 500 + i * 25, membershipRequired: false }),
  );

  const sale = (input: Record<string, unknown>) => {
    later();
    return checkout(desk, volunteer, input).order.receiptNumber;
  };
  const cash = sale({ memberNumber: members.francoise, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 4000 }] });
  const split = sale({
    memberNumber: members.nguyen,
    lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'YOGA-A26' }],
    payments: [
      { method: 'cheque', amountCents: 5000, chequeNumber: '123', bank: 'Desjardins' },
      { method: 'card', amountCents: 3500, approval: { authCode: 'A1B2C3', brand: 'visa', last4: '4242', transactionId: 'ch_secret_123' } },
    ],
  });
  const voided = sale({
    memberNumber: members.jean,
    lines: [{ kind: 'donation', amountCents: 1000 }],
    payments: [{ method: 'card', amountCents: 1000, approval: { authCode: 'Q7W8E9', brand: 'mastercard', last4: '0005' } }],
  });
  later();
  const voidReceipt = voidOrder(desk, volunteer, { receiptNumber: voided, reason: 'Mauvais montant saisi', cardRefunds: [{ authCode: 'RF9876' }] }).order
    .receiptNumber;
  const rounding = sale({
    memberNumber: members.gisele,
    lines: [{ kind: 'activity', activityCode: 'PEINT' }, { kind: 'donation', amountCents: 242 }],
    payments: [
      { method: 'card', amountCents: 2000, approval: { authCode: 'D4E5F6', brand: 'mastercard', last4: '0005' } },
      { method: 'cash', tenderedCents: 2300 },
    ],
  });
  // One member pays for her walking group's memberships and for every winter workshop.
  const group = Array.from({ length: 14 }, (_, i) => numberOf(createMember(desk, admin, { firstName: `Membre ${i + 1}`, lastName: 'Groupe de marche', force: true })));
  const many = sale({
    memberNumber: members.long,
    lines: [
      ...group.map((memberNumber) => ({ kind: 'membership', memberNumber })),
      ...crafts.map((activityCode) => ({ kind: 'activity', activityCode })),
    ],
    payments: [{ method: 'cheque', amountCents: 35000 + 26 * 500 + 25 * 325, chequeNumber: '4567', bank: 'Banque Nationale du Canada' }],
  });
  later();
  const refund = refundOrder(desk, treasurer, { receiptNumber: split, linePositions: [2], reason: 'Cours annulé faute d’inscriptions', method: { method: 'cash' } })
    .order.receiptNumber;
  for (let i = 0; i < 36; i++) {
    sale({ lines: [{ kind: 'donation', amountCents: 500 + i * 100 }], payments: [{ method: 'cheque', amountCents: 500 + i * 100, chequeNumber: String(1000 + i), bank: i % 2 ? 'Caisse Desjardins du Haut-Richelieu' : 'RBC Banque Royale' }] });
  }
  later();
  recordCashMovement(desk, treasurer, { kind: 'out', amountCents: 1000, reason: 'Café des bénévoles' });
  later();
  const expected = currentCashSession(desk)!.expectedCents;
  closeCashSession(desk, volunteer, { count: countFor(expected - 200), reason: 'Erreur de monnaie, probablement sur un 2 $' });
  // The afternoon drawer: opened by the treasurer, closed exact by the volunteer.
  later();
  openCashSession(desk, treasurer, { count: { '2000': 5 } });
  const afternoon = sale({ memberNumber: members.gisele, lines: [{ kind: 'donation', amountCents: 2000 }], payments: [{ method: 'cash', tenderedCents: 2000 }] });
  const afternoonCheque = sale({
    memberNumber: members.paul,
    lines: [{ kind: 'donation', amountCents: 3000 }],
    payments: [{ method: 'cheque', amountCents: 3000, chequeNumber: '777', bank: 'Banque Laurentienne' }],
  });
  const afternoonCard = sale({
    memberNumber: members.jean,
    lines: [{ kind: 'donation', amountCents: 1500 }],
    payments: [{ method: 'card', amountCents: 1500, approval: { authCode: 'I5N6T7', brand: 'interac', last4: '1234' } }],
  });
  const twice = sale({ memberNumber: members.paul, lines: [{ kind: 'donation', amountCents: 500 }], payments: [{ method: 'cash', tenderedCents: 500 }] });
  later();
  const afternoonVoid = voidOrder(desk, treasurer, { receiptNumber: twice, reason: 'Don saisi deux fois' }).order.receiptNumber;
  later();
  closeCashSession(desk, volunteer, { count: { '2000': 6 } });
  return {
    members,
    receipts: { cash, split, voided, void: voidReceipt, rounding, many, refund, afternoon, afternoonCheque, afternoonCard, afternoonVoid },
    date: '2026-11-27',
  };
}

function numberOf(result: CreateMemberResult): number {
  if (!result.created) throw new Error('expected a new member');
  return result.member.number;
}

/** A 96 × 96 club logo (a blue disc with a white band), made here rather than shipped. */
function sampleLogo(): string {
  const png = new PNG({ width: 96, height: 96 });
  for (let y = 0; y < 96; y++) {
    for (let x = 0; x < 96; x++) {
      const i = (y * 96 + x) * 4;
      const inDisc = (x - 47.5) ** 2 + (y - 47.5) ** 2 < 46 ** 2;
      const band = Math.abs(y - 48) < 9;
      png.data[i] = inDisc && !band ? 20 : 255;
      png.data[i + 1] = inDisc && !band ? 70 : 255;
      png.data[i + 2] = inDisc && !band ? 140 : 255;
      png.data[i + 3] = inDisc ? 255 : 0;
    }
  }
  return PNG.sync.write(png).toString('base64');
}
