import type { Language } from '../../src-shared/language';
import { formatMoney, formatSignedMoney } from '../../src-shared/money';

/**
 * The few ways the cart, the receipt and the day summary write money on screen. The words
 * themselves (payment methods, kinds of line, card brands) come from src-shared/words.ts.
 */

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
  return `${formatSignedMoney(cents, language)} (${cents > 0 ? words.over : words.short})`;
}
