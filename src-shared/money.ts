import { perLanguage, type Language } from './language.js';

/** Money is always integer cents (CAD). */
export type Cents = number;

/**
 * The largest amount any one price, payment, line or cash movement may be: 100 000 $. A seniors'
 * club never takes more in one go, and every sum stays far inside JavaScript's exact integers.
 */
export const MAX_CENTS = 10_000_000;

/** The largest total an order may reach: its 50 lines at most, each within MAX_CENTS. */
export const MAX_ORDER_CENTS = 50 * MAX_CENTS;

/**
 * Canada withdrew the penny: a cash total rounds to the nearest 0.05 $ (1–2 ¢ down, 3–4 ¢ up).
 * Cheques and cards stay exact. (Royal Canadian Mint, « Élimination du cent », 2013.)
 */
export function roundCashToNickel(cents: Cents): Cents {
  const remainder = ((cents % 5) + 5) % 5;
  return remainder <= 2 ? cents - remainder : cents + (5 - remainder);
}

const formatters = perLanguage((locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }));

/** « 12,50 $ » in French, "$12.50" in English. */
export function formatMoney(cents: Cents, language: Language = 'fr'): string {
  return formatters[language].format(cents / 100);
}

/** « +0,03 $ » or « −0,02 $ »: a correction or a difference that says which way it goes. */
export function formatSignedMoney(cents: Cents, language: Language): string {
  if (cents === 0) return formatMoney(0, language);
  const sign = cents > 0 ? '+' : '−';
  return `${sign}${formatMoney(Math.abs(cents), language)}`;
}

/** Canadian bills and coins a drawer is counted in, in cents. */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5] as const;
export type Denomination = (typeof DENOMINATIONS)[number];
