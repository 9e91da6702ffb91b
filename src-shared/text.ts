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

// C0 and C1 control characters (a tab or a line break, too, in one-line text), the bidi
// embeddings, overrides and isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069),
// and lone surrogates: none of them belongs in a name or a note, and some make a receipt lie.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as it may be stored: composed (NFC), without control characters, bidi overrides or lone
 * surrogates; in one-line text a tab or line break becomes a space. Applied to every text a person
 * types, whatever the way in (screen, command line, import).
 */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const kept = text.replace(LONE_SURROGATES, '').replace(BIDI_CONTROLS, '').normalize('NFC');
  return options.multiline
    ? kept.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LINE_BREAKS, '')
    : kept.replace(/[\t\n\r\v\f]+/g, ' ').replace(CONTROL, '');
}
