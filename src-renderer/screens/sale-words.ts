import { formatMoney, type Language } from '../app/format';
import type { Texts } from '../app/i18n';

/**
 * Words shared by the cart, the receipt and the day summary: payment methods, kinds of line,
 * card brands; and the few ways money is written there (signed, or as a value to type over).
 */

export type PaymentMethod = 'cash' | 'cheque' | 'card' | 'credit';
export type LineKind = 'membership' | 'activity' | 'donation' | 'credit' | 'rounding';
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'interac' | 'other';

export const METHOD_WORDS: Texts<PaymentMethod> = {
  fr: { cash: 'Argent', cheque: 'Chèque', card: 'Carte', credit: 'Crédit' },
  en: { cash: 'Cash', cheque: 'Cheque', card: 'Card', credit: 'Credit' },
};

export const LINE_WORDS: Texts<LineKind> = {
  fr: { membership: 'Adhésion annuelle', activity: 'Activité', donation: 'Don', credit: 'Crédit au compte', rounding: 'Arrondi (argent comptant)' },
  en: { membership: 'Annual membership', activity: 'Activity', donation: 'Donation', credit: 'Credit to account', rounding: 'Rounding (cash)' },
};

/** Kinds of line counted in the day report (plural headings). */
export const LINE_KIND_TOTAL_WORDS: Texts<LineKind> = {
  fr: { membership: 'Adhésions', activity: 'Activités', donation: 'Dons', credit: 'Crédits au compte', rounding: 'Arrondis (argent comptant)' },
  en: { membership: 'Memberships', activity: 'Activities', donation: 'Donations', credit: 'Credits to account', rounding: 'Rounding (cash)' },
};

export const BRAND_WORDS: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  interac: 'Interac',
  other: '',
};

export function brandLabel(brand: string | null, language: Language): string {
  if (!brand) return '';
  if (brand === 'other') return language === 'fr' ? 'autre carte' : 'other card';
  return BRAND_WORDS[brand as CardBrand] ?? brand;
}

/** "+0,03 $" or "−0,02 $": a correction that says which way it goes. */
export function signedMoney(cents: number, language: Language): string {
  if (cents === 0) return formatMoney(0, language);
  const sign = cents > 0 ? '+' : '−';
  return `${sign}${formatMoney(Math.abs(cents), language)}`;
}

const TIME = {
  fr: new Intl.DateTimeFormat('fr-CA', { timeStyle: 'short', timeZone: 'America/Toronto' }),
  en: new Intl.DateTimeFormat('en-CA', { timeStyle: 'short', timeZone: 'America/Toronto' }),
};

/** The time of an instant (ISO-8601) in the club's time zone: "14 h 05". */
export function formatTime(iso: string, language: Language): string {
  return TIME[language].format(new Date(iso));
}

/** The colon as each language writes it: "Total : 5 $" in French, "Total: $5" in English. */
export function colon(language: Language): string {
  return language === 'fr' ? '\u00a0: ' : ': ';
}

/** An amount ready to be typed over in a field: "12,50" in French, "12.50" in English. */
export function centsToInput(cents: number, language: Language): string {
  const text = (cents / 100).toFixed(2);
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** "+2,50 $ (surplus)", "−1,00 $ (manque)": over/short in words, never colour alone. */
export function differenceText(cents: number, language: Language, words: { over: string; short: string; even: string }): string {
  if (cents === 0) return `${formatMoney(0, language)} (${words.even})`;
  return `${signedMoney(cents, language)} (${cents > 0 ? words.over : words.short})`;
}
