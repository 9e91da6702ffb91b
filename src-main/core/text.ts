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
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0)
    .map((token) => ABBREVIATIONS[token] ?? token);
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
