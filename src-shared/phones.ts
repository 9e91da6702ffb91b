// Pure JavaScript with its own metadata, no Node or DOM: it runs wherever shared code runs.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Language } from './language.js';
import { cleanText } from './text.js';

/**
 * Phone numbers as the club types them, stored in one form and shown in the reader's language.
 *
 * Stored form: E.164 (`+14185550123`), then `;ext=22` when there is an extension (the RFC 3966
 * parameter): one spelling per number, whatever was typed, that any telephony library reads back.
 * Shown: « 418 555-0123, poste 22 » in French (the Office québécois de la langue française's
 * spelling), "418-555-0123, ext. 22" in English; numbers outside North America in their
 * international form (« +33 1 23 45 67 89 »).
 *
 * A number without a leading + is North American (Canada, plan NANP): 10 digits, or 11 starting
 * with 1. Its area code and exchange must start with 2–9 and not be N11 (911, 411): that is the
 * plan's structure and never changes, whereas libphonenumber's list of assigned area codes ages
 * with each desk's copy (Québec opened 263 and 354 recently), so a desk never refuses a new area
 * code. Other countries are checked by libphonenumber-js (its metadata, "min" set).
 *
 * Databases written before this rule hold phones as typed ("(418) 555.1234", even 7 digits):
 * formatPhone shows them like new ones when it can, as stored when it cannot; phoneDigits
 * (text.ts) gives both forms the same digits for search and the duplicate check.
 */

/** What is wrong with a typed phone, said to the volunteer after the field's name. */
export interface PhoneProblem {
  fr: string;
  en: string;
}

export type ParsedPhone = { ok: true; phone: string; national: string | null; ext: string | null } | { ok: false; problem: PhoneProblem };

// « poste 22 », « p. 22 », "ext. 22", "x22", "#22", ";ext=22" (the stored form), after a comma or not.
const EXTENSION = /^(.*?)[\s,;]*(?:poste|post|p|extension|ext|x|#)[.=:]?\s*(\d+)\s*$/i;
const EXTENSION_WITHOUT_DIGITS = /(?:poste|ext\.?|extension|#)\s*$/i;
const NUMBER_CHARACTERS = /^[\d\s().+\-/]*$/;
const MAX_EXTENSION_DIGITS = 6;
const EXAMPLE = { fr: 'ex. : 418 555-0123', en: 'e.g. 418-555-0123' };

const problem = (fr: string, en: string): { ok: false; problem: PhoneProblem } => ({ ok: false, problem: { fr, en } });

/**
 * Reads a typed phone: « 418 555-0123 poste 22 », "(418) 555.0123 x22", "1-418-555-0123",
 * "+33 1 23 45 67 89", or the stored form. Gives the stored form, or what is wrong in both
 * languages (never throws). `national` is the 10 North-American digits, null abroad.
 */
export function parsePhone(typed: string): ParsedPhone {
  const text = cleanText(typed).replace(/\u00a0/g, ' ').trim();
  if (text === '') return problem('est vide', 'is empty');
  const withExtension = EXTENSION.exec(text);
  const main = (withExtension ? withExtension[1]! : text).trim();
  const ext = withExtension ? withExtension[2]! : null;
  if (!withExtension && EXTENSION_WITHOUT_DIGITS.test(text)) {
    return problem('a un poste sans chiffres : tapez le numéro du poste après « poste » (ex. : 418 555-0123 poste 22)', 'has an extension without digits: type its number after "ext." (e.g. 418-555-0123 ext. 22)');
  }
  if (!NUMBER_CHARACTERS.test(main)) {
    const wrong = [...new Set(main.replace(/[\d\s().+\-/]/g, ''))].join('');
    return problem(
      `contient « ${wrong} », qui n'est pas un chiffre : tapez un numéro comme 418 555-0123, suivi de « poste 22 » au besoin`,
      `contains "${wrong}", which is not a digit: type a number like 418-555-0123, followed by "ext. 22" if needed`,
    );
  }
  if (ext && ext.length > MAX_EXTENSION_DIGITS) {
    return problem(`a un poste de ${ext.length} chiffres : ${MAX_EXTENSION_DIGITS} au plus`, `has a ${ext.length}-digit extension: ${MAX_EXTENSION_DIGITS} at most`);
  }
  const digits = main.replace(/\D/g, '');
  // "011" is how a North-American phone dials abroad: the same as a leading +.
  const abroad = main.startsWith('+') ? digits : digits.startsWith('011') ? digits.slice(3) : null;
  if (abroad !== null && !abroad.startsWith('1')) return international(abroad, ext);
  return northAmerican(abroad ?? digits, ext);
}

function northAmerican(digits: string, ext: string | null): ParsedPhone {
  const n = digits.length;
  if (n === 0) return problem(`ne contient aucun chiffre (${EXAMPLE.fr})`, `has no digits (${EXAMPLE.en})`);
  if (n === 7) {
    return problem(`n'a que 7 chiffres : ajoutez l'indicatif régional devant (${EXAMPLE.fr})`, `has only 7 digits: add the area code in front (${EXAMPLE.en})`);
  }
  if (n < 10) {
    return problem(
      `n'a que ${n} chiffres : un numéro d'ici en a 10, indicatif régional compris (${EXAMPLE.fr})`,
      `has only ${n} digits: a North-American number has 10, area code included (${EXAMPLE.en})`,
    );
  }
  if (n === 11 && !digits.startsWith('1')) {
    return problem(
      `a 11 chiffres : un numéro d'ici en a 10 (${EXAMPLE.fr}), ou 11 s'il commence par 1 ; vérifiez s'il y a un chiffre en trop`,
      `has 11 digits: a North-American number has 10 (${EXAMPLE.en}), or 11 starting with 1; check for an extra digit`,
    );
  }
  if (n > 11) {
    return problem(
      `a ${n} chiffres, trop pour un numéro d'ici (10 chiffres, ${EXAMPLE.fr}) ; un poste s'écrit après le numéro : 418 555-0123 poste 22`,
      `has ${n} digits, too many for a North-American number (10 digits, ${EXAMPLE.en}); an extension goes after the number: 418-555-0123 ext. 22`,
    );
  }
  const national = n === 11 ? digits.slice(1) : digits;
  const area = national.slice(0, 3);
  if (!/^[2-9]/.test(area) || area.endsWith('11')) {
    return problem(
      `commence par ${area}, qui n'est pas un indicatif régional (un indicatif ne commence jamais par 0 ou 1 et ne finit pas par 11)`,
      `starts with ${area}, which is not an area code (an area code never starts with 0 or 1, nor ends with 11)`,
    );
  }
  if (!/^[2-9]/.test(national.slice(3))) {
    return problem(
      `n'existe pas : après l'indicatif ${area}, le numéro ne commence jamais par 0 ou 1 (${national.slice(3, 6)}…)`,
      `does not exist: after area code ${area}, a number never starts with 0 or 1 (${national.slice(3, 6)}…)`,
    );
  }
  return { ok: true, phone: `+1${national}${ext ? `;ext=${ext}` : ''}`, national, ext };
}

function international(digits: string, ext: string | null): ParsedPhone {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed || !parsed.isValid()) {
    return problem(
      `n'est pas un numéro valide pour l'indicatif de pays +${parsed?.countryCallingCode ?? digits.slice(0, 3)} : vérifiez les chiffres`,
      `is not a valid number for country code +${parsed?.countryCallingCode ?? digits.slice(0, 3)}: check the digits`,
    );
  }
  return { ok: true, phone: `${parsed.number}${ext ? `;ext=${ext}` : ''}`, national: null, ext };
}

/**
 * A stored phone as people read it: « 418 555-0123, poste 22 » / "418-555-0123, ext. 22", or
 * « +33 1 23 45 67 89 ». A phone stored before numbers were normalised is shown the same way
 * when it can be read, as it was typed when it cannot (seven digits without an area code).
 */
export function formatPhone(stored: string, language: Language): string {
  const parsed = parsePhone(stored);
  if (!parsed.ok) return stored;
  const ext = parsed.ext ? (language === 'fr' ? `, poste ${parsed.ext}` : `, ext. ${parsed.ext}`) : '';
  const n = parsed.national;
  if (n) return `${n.slice(0, 3)}${language === 'fr' ? ' ' : '-'}${n.slice(3, 6)}-${n.slice(6)}${ext}`;
  const number = parsePhoneNumberFromString(parsed.phone.split(';')[0]!);
  return `${number ? number.formatInternational() : parsed.phone}${ext}`;
}

/** True when two phones, stored in any form, are the same line and extension. */
export function samePhone(a: string, b: string): boolean {
  const pa = parsePhone(a);
  const pb = parsePhone(b);
  return pa.ok && pb.ok ? pa.phone === pb.phone : a.trim() === b.trim();
}
