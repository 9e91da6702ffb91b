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

/**
 * The folded words of a text, abbreviations left as typed: letters and digits of every script
 * (Тарас Шевченко → "тарас", "шевченко"), accents and other diacritics stripped, lower case,
 * apostrophes dropped ("O'Brien" → "obrien"), anything else between words. `fold` builds
 * member.sort_name (stored and replayed: migration 5 rebuilt it when other scripts stopped being
 * dropped). Search folds with `searchSpellings`, which also splits "O'Brien" and "McGill".
 */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\p{Mn}\p{Me}]/gu, '')
    .toLowerCase()
    .replace(/[đðøłıþœæßς]/g, (letter) => (letter === 'ς' ? 'σ' : (UNDECOMPOSABLE[letter] ?? letter)))
    .replace(/['’‘`´ʼ]/g, '')
    .split(/[^\p{L}\p{N}\p{Mc}]+/u)
    .filter((token) => token.length > 0);
}

// Marks that sit on a letter without taking room of their own (accents, tones, the tonos, the
// breve of й): stripped, so "é" is "e" and "Ё" is "е". Spacing marks (the vowel signs of Indic
// scripts) are part of the word and kept.
const NONSPACING_MARKS = /[\p{Mn}\p{Me}]/gu;
// Letters NFKD does not split, plus the Greek final sigma, which is a σ written at the end of a word.
const SEARCH_LETTERS: Record<string, string> = { ...UNDECOMPOSABLE, ς: 'σ' };
const SEARCH_SPECIAL = /[đðøłıþœæßς]/g;
// Apostrophes as typed on every keyboard: straight, curly (’ ‘), backtick, acute, the modifier letter ʼ.
const APOSTROPHE = /['’‘`´ʼ＇]/u;
// A word of a name: letters, digits and marks of any script, apostrophes inside it ("O'Brien").
const SEARCH_WORD = /[\p{L}\p{N}\p{M}'’‘`´ʼ＇]+/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{Mc}]/gu;
/**
 * Words that start a family name and are also written glued to the next word: "Mac Donald" and
 * "MacDonald", "Le Blanc" and "Leblanc", "De La Rue" and "Delarue", "O Brien" typed for O'Brien.
 */
const PARTICLES = new Set(['o', 'd', 'l', 'mac', 'de', 'du', 'des', 'da', 'di', 'del', 'della', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'ten', 'ter']);
/** Words people abbreviate in Québec names; in a query, "ste" may also be the start of "Stéphane". */
const SEARCH_ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** One piece of a name folded for search: NFKD, accents off, lower case, every script kept. */
function foldSearchPiece(piece: string): string {
  return piece
    .normalize('NFKD')
    .replace(NONSPACING_MARKS, '')
    .toLowerCase()
    .replace(SEARCH_SPECIAL, (letter) => SEARCH_LETTERS[letter] ?? letter)
    .replace(NOT_WORD, '');
}

/** Length of a "Mc"/"Mac" that starts a word before its stem: "McGill", "MCGILL", "MacDonald"; not "Macron". */
function macLength(part: string): number {
  if (/^mc\p{L}/iu.test(part)) return 2;
  return /^Mac\p{Lu}/u.test(part) ? 3 : 0;
}

/**
 * A written word's pieces: apart at its apostrophes ("O'Brien" → o, brien) and after a Scottish
 * or Irish "Mc"/"Mac" ("McGill" → mac, gill; "MacDonald" → mac, donald; only a capital after
 * "Mac" says it is a prefix). "Mc" is always spelt "mac", so "mc donald" finds MacDonald.
 */
function searchPieces(word: string): string[] {
  const pieces: string[] = [];
  for (const part of word.split(APOSTROPHE)) {
    const mac = macLength(part);
    if (mac > 0) pieces.push('mac', foldSearchPiece(part.slice(mac)));
    else {
      const piece = foldSearchPiece(part);
      pieces.push(piece === 'mc' ? 'mac' : piece);
    }
  }
  return pieces.filter((piece) => piece.length > 0);
}

/** How a name or a query is spelt for search, see `searchSpellings`. */
export interface SearchSpellings {
  /** Every piece its own word: "O'Brien" → ["o", "brien"], "McGill" → ["mac", "gill"]. */
  split: string[];
  /** Pieces joined and particles glued to the next word: "O'Brien" → ["obrien"], "Mac Donald" → ["macdonald"]. */
  joined: string[];
}

/**
 * The words search reads in a name or a query, in any script: Unicode letters and digits kept
 * (Тарас Шевченко → "тарас", "шевченко"), lower case, accents and other diacritics stripped
 * (NFKD), hyphens and other punctuation between words. A name may be written two ways, and people
 * type either: both spellings are given (they are equal for most names). `abbreviations`:
 * "expand" spells out "St"/"Ste" (St-Onge is filed as Saint-Onge), "keep" leaves them as typed.
 */
export function searchSpellings(text: string, abbreviations: 'expand' | 'keep' = 'expand'): SearchSpellings {
  const words = (text.match(SEARCH_WORD) ?? []).map(searchPieces).filter((pieces) => pieces.length > 0);
  const expand = (word: string) => (abbreviations === 'expand' ? (SEARCH_ABBREVIATIONS[word] ?? word) : word);
  const split = words.flatMap((pieces) => (pieces.length === 1 ? [expand(pieces[0]!)] : pieces));
  const joined: string[] = [];
  let particles = '';
  for (const pieces of words) {
    const word = pieces.length === 1 ? expand(pieces[0]!) : pieces.join('');
    if (PARTICLES.has(word)) particles += word;
    else {
      joined.push(particles + word);
      particles = '';
    }
  }
  if (particles) joined.push(particles);
  return { split, joined };
}

/** A text as search folds it, every script kept: "O’Brien-Côté" → "o brien cote", "Шевченко" → "шевченко". */
export function searchFold(text: string): string {
  return searchSpellings(text).split.join(' ');
}

/**
 * Digits of a phone number in any format, without the North-American leading 1 nor the
 * extension: "+14185550123;ext=22" (the stored form, phones.ts), "(418) 555.0123" (as 0.1
 * stored it) and "418 555-0123 poste 22" all give "4185550123", for search and duplicate keys.
 * The number ends at the first character a number is not written with (";", ",", a letter, "#").
 */
export function phoneDigits(phone: string): string {
  const number = /^[\d\s().+\-/]*/.exec(phone)![0];
  const digits = number.replace(/\D/g, '');
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
// lone surrogates, and the invisible characters a copy from a web page carries (zero-width space,
// word joiner, byte-order mark, soft hyphen: a name of nothing but these looks empty): none of them
// belongs in a name or a note, and some make a receipt lie. Zero-width joiners stay (emoji, scripts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const HIDDEN_CHARACTERS = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u00ad]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * True when a text holds a lone surrogate: half of a UTF-16 pair, which is no character. Neither
 * database keeps one as it came (PostgreSQL stores U+FFFD, SQLite bytes that are not UTF-8).
 */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
/** LONE_SURROGATES without the global flag: `test` keeps no position from one call to the next. */
const LONE_SURROGATE = new RegExp(LONE_SURROGATES.source);

/**
 * Text as it may be stored: composed (NFC), without control characters, bidi overrides, lone
 * surrogates or invisible characters; in one-line text a tab or line break becomes a space. Applied to every text a person
 * types, whatever the way in (screen, command line, import).
 */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const kept = text.replace(LONE_SURROGATES, '').replace(HIDDEN_CHARACTERS, '').normalize('NFC');
  return options.multiline
    ? kept.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LINE_BREAKS, '')
    : kept.replace(/[\t\n\r\v\f]+/g, ' ').replace(CONTROL, '');
}
