/** Words people abbreviate in Québec names: "St-Onge" is filed as "Saint-Onge". */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', mc: 'mac' };

/**
 * Accent-, case- and punctuation-blind form of a name or query: "Léveillé-Côté" → "leveille cote",
 * "St-Onge" → "saint onge".
 */
export function fold(text: string): string {
  return foldTokens(text).join(' ');
}

export function foldTokens(text: string): string[] {
  return foldWords(text).map((token) => ABBREVIATIONS[token] ?? token);
}

/** True when a folded word is an abbreviation that fold() spells out ("st" → "saint"). */
export function isAbbreviation(word: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, word);
}

// Letters NFD does not split into a base letter and an accent (Vietnamese đ, Polish ł, Nordic ø…).
const UNDECOMPOSABLE: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ı: 'i', þ: 'th', œ: 'oe', æ: 'ae', ß: 'ss' };

/** The folded words of a text, abbreviations left as typed. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[đðøłıþœæß]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** Digits of a phone number in any format, without the North-American leading 1. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Canadian postal code as printed: "g1h 2a3" → "G1H 2A3". */
export function normalizePostalCode(code: string): string {
  const compact = code.replace(/\s+/g, '').toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : compact;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
