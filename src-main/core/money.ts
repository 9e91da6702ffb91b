import type { Language } from '../db/schema.js';

/** Money is always integer cents (CAD). */
export type Cents = number;

/**
 * Canada withdrew the penny: a cash total rounds to the nearest 0.05 $ (1–2 ¢ down, 3–4 ¢ up).
 * Cheques and cards stay exact.
 */
export function roundCashToNickel(cents: Cents): Cents {
  const remainder = ((cents % 5) + 5) % 5;
  return remainder <= 2 ? cents - remainder : cents + (5 - remainder);
}

const formatters: Record<Language, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }),
  en: new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }),
};

export function formatMoney(cents: Cents, language: Language = 'fr'): string {
  return formatters[language].format(cents / 100);
}

/** Canadian bills and coins a drawer is counted in, in cents. */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5] as const;
export type Denomination = (typeof DENOMINATIONS)[number];
