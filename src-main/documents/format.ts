import type { Language, PaymentMethod } from '../db/schema.js';
import { cardBrandName, PAYMENT_METHOD_WORDS } from '../../src-shared/words.js';

export type { Language };

/** Points per millimetre: PDF pages are measured in 1/72 inch. */
export const MM = 72 / 25.4;

/**
 * How a payment is named on paper: the method, then only what identifies it to the member —
 * cheque number and bank; card brand and last 4 digits (never the approval code or ids).
 */
export function paymentLabel(
  p: { method: PaymentMethod; chequeNumber: string | null; bank: string | null; cardBrand: string | null; cardLast4: string | null },
  language: Language,
): string {
  const name = PAYMENT_METHOD_WORDS[language][p.method];
  if (p.method === 'cheque') {
    const number = p.chequeNumber ? (language === 'fr' ? ` no ${p.chequeNumber}` : ` #${p.chequeNumber}`) : '';
    return `${name}${number}${p.bank ? `, ${p.bank}` : ''}`;
  }
  if (p.method === 'card') {
    const brand = p.cardBrand && p.cardBrand !== 'other' ? cardBrandName(p.cardBrand, language) : undefined;
    return `${name}${brand ? ` ${brand}` : ''}${p.cardLast4 ? ` •••• ${p.cardLast4}` : ''}`;
  }
  return name;
}

/** Text as one printable line: control characters and line breaks become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
