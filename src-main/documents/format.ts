import type { Language, LineKind, PaymentMethod } from '../db/schema.js';
import { CLUB_TIME_ZONE } from '../../src-shared/dates.js';
import { formatMoney } from '../../src-shared/money.js';

export type { Language };

/** Points per millimetre: PDF pages are measured in 1/72 inch. */
export const MM = 72 / 25.4;

export function money(cents: number, language: Language): string {
  return formatMoney(cents, language);
}

// Intl formatters are slow to build and documents format many dates: one of each, kept.
const calendarDates: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }),
};
const timeParts = { hour: 'numeric', minute: '2-digit', timeZone: CLUB_TIME_ZONE } as const;
const moments: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', { year: 'numeric', month: 'long', day: 'numeric', ...timeParts }),
  en: new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'long', day: 'numeric', ...timeParts }),
};
const clockTimes: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', timeParts),
  en: new Intl.DateTimeFormat('en-CA', timeParts),
};

/** « 9 h 08 » and "9:08 a.m." never split across two lines. */
function unbreakableTime(text: string): string {
  return text.replace(/(\d) h (\d)/, '$1\u00a0h\u00a0$2').replace(/ ([ap]\.m\.)/, '\u00a0$1');
}

/** A business date (YYYY-MM-DD) in words: « 27 novembre 2026 », "November 27, 2026". */
export function longDate(isoDate: string, language: Language): string {
  // A calendar date has no zone: read and print it in UTC so it never slips a day.
  return calendarDates[language].format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as the club's clock showed it: « 27 novembre 2026 à 9 h 07 ». */
export function dateTime(isoInstant: string, language: Language): string {
  return unbreakableTime(moments[language].format(new Date(isoInstant)));
}

/** « 9 h 07 », "9:07 a.m.", in the club's zone. */
export function clockTime(isoInstant: string, language: Language): string {
  return unbreakableTime(clockTimes[language].format(new Date(isoInstant)));
}

/** « Libellé : valeur » in French (with the space French puts before a colon), "Label: value" in English. */
export function colon(label: string, language: Language): string {
  return language === 'fr' ? `${label}\u00a0:` : `${label}:`;
}

export const METHOD_NAMES: Record<PaymentMethod, Record<Language, string>> = {
  cash: { fr: 'Comptant', en: 'Cash' },
  cheque: { fr: 'Chèque', en: 'Cheque' },
  card: { fr: 'Carte', en: 'Card' },
  credit: { fr: 'Crédit / Coupons', en: 'Credit / coupons' },
};

export const LINE_KIND_NAMES: Record<LineKind, Record<Language, string>> = {
  membership: { fr: 'Adhésions', en: 'Memberships' },
  activity: { fr: 'Activités', en: 'Activities' },
  donation: { fr: 'Dons', en: 'Donations' },
  credit: { fr: 'Crédit au compte', en: 'Account credit' },
  rounding: { fr: 'Arrondi (argent comptant)', en: 'Cash rounding' },
};

const CARD_BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  interac: 'Interac',
};

/**
 * How a payment is named on paper: the method, then only what identifies it to the member —
 * cheque number and bank; card brand and last 4 digits (never the approval code or ids).
 */
export function paymentLabel(
  p: { method: PaymentMethod; chequeNumber: string | null; bank: string | null; cardBrand: string | null; cardLast4: string | null },
  language: Language,
): string {
  const name = METHOD_NAMES[p.method][language];
  if (p.method === 'cheque') {
    const number = p.chequeNumber ? (language === 'fr' ? ` no ${p.chequeNumber}` : ` #${p.chequeNumber}`) : '';
    return `${name}${number}${p.bank ? `, ${p.bank}` : ''}`;
  }
  if (p.method === 'card') {
    const brand = p.cardBrand ? CARD_BRANDS[p.cardBrand] : undefined;
    return `${name}${brand ? ` ${brand}` : ''}${p.cardLast4 ? ` •••• ${p.cardLast4}` : ''}`;
  }
  return name;
}

/** Text as one printable line: control characters and line breaks become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
