import { z } from 'zod';
import { formatLongDate, isIsoDate } from './dates.js';
import { ComptoirError } from './errors.js';
import { MAX_CENTS } from './money.js';
import { parsePhone } from './phones.js';
import { cleanText, hasLoneSurrogate } from './text.js';
import { countOf } from './words.js';

/** Field names as the volunteer knows them, for messages about bad input. */
const FIELD_LABELS: Record<string, { fr: string; en: string }> = {
  firstName: { fr: 'Prénom', en: 'First name' },
  lastName: { fr: 'Nom', en: 'Last name' },
  email: { fr: 'Courriel', en: 'Email' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  birthDate: { fr: 'Date de naissance', en: 'Birth date' },
  address: { fr: 'Adresse', en: 'Address' },
  city: { fr: 'Ville', en: 'City' },
  postalCode: { fr: 'Code postal', en: 'Postal code' },
  language: { fr: 'Langue', en: 'Language' },
  notes: { fr: 'Notes', en: 'Notes' },
  memberNumber: { fr: 'No de membre', en: 'Member number' },
  number: { fr: 'Numéro', en: 'Number' },
  query: { fr: 'Recherche', en: 'Search' },
  name: { fr: 'Nom', en: 'Name' },
  pin: { fr: 'NIP', en: 'PIN' },
  role: { fr: 'Rôle', en: 'Role' },
  code: { fr: 'Code', en: 'Code' },
  season: { fr: 'Saison', en: 'Season' },
  priceCents: { fr: 'Prix', en: 'Price' },
  capacity: { fr: 'Nombre de places', en: 'Capacity' },
  amountCents: { fr: 'Montant', en: 'Amount' },
  tenderedCents: { fr: 'Montant remis', en: 'Amount tendered' },
  chequeNumber: { fr: 'Numéro du chèque', en: 'Cheque number' },
  bank: { fr: 'Banque', en: 'Bank' },
  authCode: { fr: "Code d'autorisation", en: 'Approval code' },
  last4: { fr: '4 derniers chiffres', en: 'Last 4 digits' },
  brand: { fr: 'Type de carte', en: 'Card brand' },
  reason: { fr: 'Raison', en: 'Reason' },
  lines: { fr: 'Articles', en: 'Items' },
  payments: { fr: 'Paiements', en: 'Payments' },
  count: { fr: 'Comptage', en: 'Count' },
  receiptPrefix: { fr: 'Préfixe des reçus', en: 'Receipt prefix' },
  deskName: { fr: 'Nom du poste', en: 'Desk name' },
  clubName: { fr: 'Nom du club', en: 'Club name' },
  adminName: { fr: 'Nom de l’administrateur', en: 'Administrator’s name' },
  adminPin: { fr: 'NIP de l’administrateur', en: 'Administrator’s PIN' },
  slug: { fr: 'Nom court du club', en: 'Club short name' },
  graceDays: { fr: 'Période de grâce (jours)', en: 'Grace period (days)' },
  membershipPriceCents: { fr: "Prix de l'adhésion", en: 'Membership price' },
  membershipRule: { fr: "Règle d'adhésion", en: 'Membership rule' },
  clubAddress: { fr: 'Adresse du club', en: 'Club address' },
  registrationNumbers: { fr: "Numéros d'enregistrement", en: 'Registration numbers' },
  logoPng: { fr: 'Logo du club', en: 'Club logo' },
  endMonthDay: { fr: "Date de fin de l'adhésion (MM-JJ)", en: 'Membership end date (MM-DD)' },
  rolloverMonthDay: { fr: 'Date de bascule (MM-JJ)', en: 'Rollover date (MM-DD)' },
  activityCode: { fr: "Code d'activité", en: 'Activity code' },
  receiptNumber: { fr: 'No de reçu', en: 'Receipt number' },
  linePositions: { fr: 'Lignes à rembourser', en: 'Lines to refund' },
  first: { fr: 'Premier numéro', en: 'First number' },
  last: { fr: 'Dernier numéro', en: 'Last number' },
  userId: { fr: 'Bénévole', en: 'Volunteer' },
  date: { fr: 'Date', en: 'Date' },
  limit: { fr: 'Nombre de résultats', en: 'Result count' },
  offset: { fr: 'Position', en: 'Offset' },
};

/** Custom checks name a message key here instead of carrying a one-language string. */
const CHECK_MESSAGES: Record<string, { fr: string; en: string }> = {
  isoDate: { fr: 'doit être une date valide AAAA-MM-JJ', en: 'must be a valid date YYYY-MM-DD' },
  postalCode: { fr: 'doit ressembler à G1H 2A3', en: 'must look like G1H 2A3' },
  pin: { fr: 'doit contenir de 4 à 8 chiffres', en: 'must have 4 to 8 digits' },
  cents: { fr: 'doit être un montant en cents (entier)', en: 'must be an amount in cents (whole number)' },
  centsMax: { fr: 'ne peut pas dépasser 100 000,00 $', en: 'cannot be more than $100,000.00' },
  monthDay: { fr: 'doit être un jour du calendrier, MM-JJ (ex. : 12-31)', en: 'must be a calendar day, MM-DD (e.g. 12-31)' },
  receiptPrefix: { fr: "doit avoir 1 à 4 lettres ou chiffres (ex. : A)", en: 'must be 1 to 4 letters or digits (e.g. A)' },
  last4: { fr: 'doit contenir exactement 4 chiffres', en: 'must be exactly 4 digits' },
  code: { fr: 'doit avoir 2 à 20 lettres, chiffres ou tirets (ex. : YOGA-A26)', en: 'must be 2 to 20 letters, digits or dashes (e.g. YOGA-A26)' },
  authCode: { fr: "doit avoir 2 à 12 lettres ou chiffres, comme sur le reçu du terminal", en: 'must be 2 to 12 letters or digits, as on the terminal slip' },
  notBlank: { fr: 'est obligatoire', en: 'is required' },
  logoPng: { fr: 'doit être une image PNG (base64)', en: 'must be a PNG image (base64)' },
};

export const isoDate = z.string().refine(isIsoDate, { message: 'isoDate' });
/** An amount in cents, 0 to MAX_CENTS (100 000 $). */
export const cents = z.number({ message: 'cents' }).int({ message: 'cents' }).min(0, { message: 'cents' }).max(MAX_CENTS, { message: 'centsMax' });
export const positiveCents = cents.refine((v) => v > 0, { message: 'cents' });
/** Text someone typed, cleaned (cleanText) then trimmed: control and bidi characters never get in. */
const typed = (multiline: boolean) => z.string().transform((v) => cleanText(v, { multiline }).trim());
/** A required one-line text of at most `max` characters. */
export const text = (max = 200) => typed(false).pipe(z.string().min(1, { message: 'notBlank' }).max(max));
/** An optional one-line text; empty means none (null). */
export const optionalText = (max = 200) =>
  typed(false).pipe(z.string().max(max)).transform((v) => (v === '' ? null : v)).nullish().transform((v) => v ?? null);
/** An optional text that may hold line breaks (notes, an address). */
export const optionalMultilineText = (max = 1000) =>
  typed(true).pipe(z.string().max(max)).transform((v) => (v === '' ? null : v)).nullish().transform((v) => v ?? null);
export const pin = z.string().regex(/^\d{4,8}$/, { message: 'pin' });
/** A JSON text parsed; null when there is none, or it is not JSON (an answer, a logged fact or a stored copy that came altered). */
export function jsonOrNull(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * True when a JSON text holds a NUL character (`\u0000` — an escaped backslash before `u0000`
 * is text): no desk writes one (cleanText takes control characters out), and PostgreSQL's text
 * cannot hold one.
 */
export function jsonHoldsNul(json: string): boolean {
  return /(?:^|[^\\])(?:\\\\)*\\u0000/.test(json);
}

/**
 * True when a parsed JSON value holds a lone surrogate in any of its texts, keys included
 * (`hasLoneSurrogate`): no desk writes one (cleanText takes them out), and no database would
 * keep it as it came — stored, a log entry would no longer give its hash.
 */
export function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => hasLoneSurrogate(key) || holdsLoneSurrogate(inner));
  return false;
}

/**
 * The same for a JSON text, once read: a lone surrogate in the text itself, or escaped (`\ud800`
 * without its other half). Only a text that escapes a surrogate is read through; a desk's never
 * does (its JSON writes characters as they are).
 */
export function jsonHoldsLoneSurrogate(json: string): boolean {
  if (hasLoneSurrogate(json)) return true;
  return /\\u[dD][89a-fA-F]/.test(json) && holdsLoneSurrogate(jsonOrNull(json));
}

/**
 * What in a JSON text no database would store as it came, in a few words to end « contient … »
 * (French) or « holds … » (English): a NUL character (`jsonHoldsNul`), then half a character
 * (`jsonHoldsLoneSurrogate`); null when there is neither. No desk writes either.
 */
export function unstorableText(json: string): { fr: string; en: string } | null {
  if (jsonHoldsNul(json)) return { fr: 'un caractère nul (\\u0000)', en: 'a NUL character (\\u0000)' };
  if (jsonHoldsLoneSurrogate(json)) return { fr: 'un caractère incomplet (\\ud800 à \\udfff sans son autre moitié)', en: 'half a character (a lone \\ud800 to \\udfff)' };
  return null;
}

/** The highest member number a desk gives or takes: nine digits fit the card and the receipt. */
export const MAX_MEMBER_NUMBER = 999_999_999;
export const memberNumber = z.coerce.number({ message: 'number' }).int().positive().max(MAX_MEMBER_NUMBER);

/**
 * A day of the year, MM-DD, that every year (or every leap year: 02-29) has: 02-30 and 04-31 are
 * refused, as a member's birth date would be.
 */
export const monthDay = z.string().refine((v) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) && isIsoDate(`2024-${v}`), { message: 'monthDay' });

/** What is wrong with one value, said after the field's label (« … » doit…, "…" must…). */
export interface Problem {
  fr: string;
  en: string;
}

/** Reports a problem in the problem's own words: parseInput puts them after the field's label. */
export function addProblem(ctx: z.RefinementCtx, problem: Problem, input: unknown): void {
  ctx.addIssue({ code: 'custom', message: problem.fr, params: problem, input });
}

/** An optional phone, any way it is typed (phones.ts), stored E.164 with `;ext=`; empty means none. */
export const optionalPhone = z
  .string()
  .transform((v, ctx) => {
    const typed = cleanText(v).trim();
    if (typed === '') return null;
    const parsed = parsePhone(typed);
    if (parsed.ok) return parsed.phone;
    addProblem(ctx, parsed.problem, v);
    return z.NEVER;
  })
  .nullish()
  .transform((v) => v ?? null);

// Month names and their usual abbreviations, French and English, accents and case aside.
const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, february: 2, feb: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, april: 4, apr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, august: 8, aug: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};
const MONTH_NAMES = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export type TypedDate = { ok: true; date: string } | { ok: false; problem: Problem };

const failed = (fr: string, en: string): TypedDate => ({ ok: false, problem: { fr, en } });
const pad = (n: number) => String(n).padStart(2, '0');

/** A day, month and year as typed, checked: the date as YYYY-MM-DD, or what is wrong with it. */
function calendarDate(yearText: string, month: number, day: number, dayFirst: boolean): TypedDate {
  let year = Number(yearText);
  if (yearText.length === 2) {
    // Members are seniors: "48" is 1948. "05" could be 1905 or 2005; nobody is asked to guess.
    if (year < 20) {
      return failed(
        `a une année à 2 chiffres (« ${yearText} ») qui peut être 19${yearText} ou 20${yearText} : tapez l'année en entier (ex. : 1948)`,
        `has a 2-digit year ("${yearText}") that could be 19${yearText} or 20${yearText}: type the whole year (e.g. 1948)`,
      );
    }
    year += 1900;
  }
  if (month < 1 || month > 12) {
    return dayFirst
      ? failed(
          `a un mois ${month}, qui n'existe pas : tapez le jour en premier, JJ/MM/AAAA (ex. : 17/05/1948 pour le 17 mai 1948)`,
          `has a month ${month}, which does not exist: type the day first, DD/MM/YYYY (e.g. 17/05/1948 for May 17, 1948)`,
        )
      : failed(`a un mois ${month}, qui n'existe pas (AAAA-MM-JJ : le mois suit l'année)`, `has a month ${month}, which does not exist (YYYY-MM-DD: the month follows the year)`);
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > 31) return failed(`a un jour ${day}, qui n'existe pas`, `has a day ${day}, which does not exist`);
  const fr = MONTH_NAMES.fr[month - 1]!;
  const en = MONTH_NAMES.en[month - 1]!;
  if (day > days && month === 2 && day === 29) {
    return failed(`n'existe pas : il n'y a pas de 29 février en ${year} (pas une année bissextile)`, `does not exist: there is no February 29 in ${year} (not a leap year)`);
  }
  if (day > days) return failed(`n'existe pas : il n'y a pas de ${day} ${fr} (${fr} a ${days} jours)`, `does not exist: there is no ${en} ${day} (${en} has ${days} days)`);
  return { ok: true, date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

function monthNumber(word: string): number | undefined {
  return MONTHS[word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '')];
}

/**
 * A calendar date as a Québec volunteer types it: 1948-05-17, 1948/05/17, 17/05/1948, 17-05-1948,
 * 17.05.1948, 17/5/48, 17051948, 17 mai 1948, 1er mai 1948, 17 May 1948, May 17, 1948. Numbers
 * are read day first (JJ/MM/AAAA, Québec's order): 05/06/1948 is June 5. A 2-digit year is
 * 19xx from 20 to 99 and refused below (it could be 20xx). Gives YYYY-MM-DD or what is wrong.
 */
export function parseTypedDate(typed: string): TypedDate {
  const text = cleanText(typed).replace(/\s+/g, ' ').trim().replace(/^le /i, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(text))) return calendarDate(m[1]!, Number(m[2]), Number(m[3]), false);
  if ((m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})$/.exec(text))) return calendarDate(m[3]!, Number(m[2]), Number(m[1]), true);
  if ((m = /^(\d{8})$/.exec(text))) {
    // 19480517 or 17051948: never both, since a year 19xx or 20xx would put 19 or 20 in the month.
    const d = m[1]!;
    const yearFirst = /^(19|20)/.test(d) ? calendarDate(d.slice(0, 4), Number(d.slice(4, 6)), Number(d.slice(6)), false) : undefined;
    return yearFirst?.ok ? yearFirst : calendarDate(d.slice(4), Number(d.slice(2, 4)), Number(d.slice(0, 2)), true);
  }
  const named =
    /^(\d{1,2})(?:er|re|st|nd|rd|th)?[ -]([\p{L}.]+),?[ -](\d{4}|\d{2})$/u.exec(text) ?? /^([\p{L}.]+)[ -](\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(text);
  if (named) {
    const [day, word] = /^\d/.test(named[1]!) ? [named[1]!, named[2]!] : [named[2]!, named[1]!];
    const month = monthNumber(word);
    if (month === undefined) {
      return failed(`a « ${word} », qui n'est pas un mois reconnu (ex. : 17 mai 1948)`, `has "${word}", which is not a month we recognise (e.g. 17 May 1948)`);
    }
    return calendarDate(named[3]!, month, Number(day), true);
  }
  return failed(
    `n'est pas une date reconnue (« ${text} ») : tapez le jour, le mois puis l'année, comme 17/05/1948 ou 17 mai 1948, ou bien 1948-05-17`,
    `is not a date we recognise ("${text}"): type the day, the month, then the year, like 17/05/1948 or 17 May 1948, or else 1948-05-17`,
  );
}

/** The earliest birth date taken: older would be a typo in the year. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * An optional birth date, typed any way parseTypedDate reads, stored YYYY-MM-DD. Not before
 * 1900; not after `today` (the desk's business date, from its clock) when given. Schemas are
 * static, so a schema without `today` (the contract's first check) leaves the future to the
 * core's own parse, which knows the desk's date.
 */
export function optionalBirthDate(today: string | null) {
  return z
    .string()
    .transform((v, ctx) => {
      const typed = cleanText(v).trim();
      if (typed === '') return null;
      const parsed = parseTypedDate(typed);
      if (!parsed.ok) {
        addProblem(ctx, parsed.problem, v);
        return z.NEVER;
      }
      const date = parsed.date;
      if (date < EARLIEST_BIRTH_DATE) {
        addProblem(ctx, { fr: `est en ${date.slice(0, 4)}, avant 1900 : vérifiez l'année`, en: `is in ${date.slice(0, 4)}, before 1900: check the year` }, v);
        return z.NEVER;
      }
      if (today !== null && date > today) {
        addProblem(
          ctx,
          {
            fr: `est dans le futur (le ${formatLongDate(date, 'fr')}, après aujourd'hui) : vérifiez l'année`,
            en: `is in the future (${formatLongDate(date, 'en')}, after today): check the year`,
          },
          v,
        );
        return z.NEVER;
      }
      return date;
    })
    .nullish()
    .transform((v) => v ?? null);
}

/** Whether the documents can print a character (by code point): the core asks the font it embeds. */
export type CanPrint = (codePoint: number) => boolean;

// Characters as people see them: 👍🏽 or ❤️ is one, though it is two code points.
const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** The characters of `text` that cannot be printed, each once, in the order they come. */
export function unprintableCharacters(text: string, canPrint: CanPrint): string[] {
  // Nearly every text prints: segmenting it into characters is only worth it when one does not.
  let printable = true;
  for (const char of text) if (!canPrint(char.codePointAt(0)!)) printable = false;
  if (printable) return [];
  const found = new Set<string>();
  for (const { segment } of graphemes.segment(text)) {
    if ([...segment].some((char) => !canPrint(char.codePointAt(0)!))) found.add(segment);
  }
  return [...found];
}

const codePoints = (character: string) => [...character].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
// A character nobody can see (a zero-width space, a private-use sign): only its code names it.
const INVISIBLE = /^[\p{Cf}\p{Z}\p{M}\p{Cc}\p{Co}\p{Cn}]+$/u;
const shown = (character: string, quote: (c: string) => string) => (INVISIBLE.test(character) ? codePoints(character) : quote(character));

/**
 * Refuses a text holding characters the documents would print as empty boxes (an emoji on a
 * member card), showing each one as typed (an invisible one by its code: it has no other name) and `where`
 * it would be printed (« sur la carte de membre », "on the member card").
 */
export function printable<S extends z.ZodType<string | null>>(schema: S, canPrint: CanPrint, where: Problem): S {
  return schema.superRefine((value, ctx) => {
    if (value === null) return;
    const bad = unprintableCharacters(value, canPrint);
    if (bad.length === 0) return;
    // A volunteer sees « 😀 », not « U+1F600 »; the code only for what cannot be seen.
    const fr = bad.map((c) => shown(c, (x) => `« ${x} »`)).join(', ');
    const en = bad.map((c) => shown(c, (x) => `"${x}"`)).join(', ');
    addProblem(
      ctx,
      bad.length === 1
        ? { fr: `contient ${fr}, un caractère qui ne peut pas être imprimé ${where.fr} : retirez-le ou remplacez-le`, en: `contains ${en}, a character that cannot be printed ${where.en}: remove or replace it` }
        : { fr: `contient ${fr}, des caractères qui ne peuvent pas être imprimés ${where.fr} : retirez-les ou remplacez-les`, en: `contains ${en}, characters that cannot be printed ${where.en}: remove or replace them` },
      value,
    );
  }) as S;
}

function label(path: PropertyKey[], language: 'fr' | 'en'): string {
  const named = [...path].reverse().find((part): part is string => typeof part === 'string');
  const base = named ? (FIELD_LABELS[named]?.[language] ?? named) : language === 'fr' ? 'Valeur' : 'Value';
  const index = path.find((part): part is number => typeof part === 'number');
  return index === undefined ? base : `${base} (${language === 'fr' ? 'no' : '#'} ${index + 1})`;
}

function describeIssue(issue: z.core.$ZodIssue, language: 'fr' | 'en'): string {
  const field = label(issue.path, language);
  const fr = language === 'fr';
  const q = (s: string) => (fr ? `« ${s} »` : `"${s}"`);
  // A check that says exactly what is wrong with this value carries its own words (a Problem).
  const said = issue.code === 'custom' ? (issue.params as Partial<Problem> | undefined)?.[language] : undefined;
  if (said) return `${q(field)} ${said}`;
  const custom = CHECK_MESSAGES[issue.message];
  if (custom) return `${q(field)} ${custom[language]}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return fr ? `${q(field)} est obligatoire` : `${q(field)} is required`;
      return fr ? `${q(field)} n'a pas le bon format` : `${q(field)} has the wrong type`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return fr ? `${q(field)} est obligatoire` : `${q(field)} is required`;
      if (issue.origin === 'string') return fr ? `${q(field)} doit contenir au moins ${issue.minimum} caractères` : `${q(field)} needs at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return fr ? `${q(field)} : il en faut au moins ${issue.minimum}` : `${q(field)}: at least ${issue.minimum} needed`;
      return fr ? `${q(field)} doit être au moins ${issue.minimum}` : `${q(field)} must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return fr ? `${q(field)} est trop long (${issue.maximum} caractères au plus)` : `${q(field)} is too long (at most ${issue.maximum} characters)`;
      if (issue.origin === 'array') return fr ? `${q(field)} : ${issue.maximum} au plus` : `${q(field)}: at most ${issue.maximum}`;
      return fr ? `${q(field)} doit être au plus ${issue.maximum}` : `${q(field)} must be at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return fr ? `${q(field)} n'est pas une adresse courriel valide` : `${q(field)} is not a valid email address`;
      return fr ? `${q(field)} n'a pas le bon format` : `${q(field)} has the wrong format`;
    case 'invalid_value':
      return fr
        ? `${q(field)} doit être l'une de ces valeurs : ${issue.values.join(', ')}`
        : `${q(field)} must be one of: ${issue.values.join(', ')}`;
    case 'unrecognized_keys':
      return `${countOf(issue.keys.length, 'unknownField', fr ? 'fr' : 'en').replace(/^\d+ /, '')}${fr ? ' :' : ':'} ${issue.keys.join(', ')}`;
    default:
      return fr ? `${q(field)} est invalide` : `${q(field)} is invalid`;
  }
}

/**
 * Validates input at a core boundary. Bad input throws INVALID_INPUT listing every problem in
 * French and English, before anything is written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // Parsed plainly first: zod 4 parses about twice as slowly when asked to report the input (a
  // push reads thousands of entries); only input that fails is parsed again to describe it.
  const plain = schema.safeParse(input);
  if (plain.success) return plain.data;
  // reportInput: zod 4 leaves the offending value out of its issues by default, and without it a
  // wrong value could not be told apart from a missing one.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const described = issues.map((issue) => ({
    field: issue.path.join('.'),
    fr: describeIssue(issue, 'fr'),
    en: describeIssue(issue, 'en'),
  }));
  // Two checks of one field can fail for the same reason: the volunteer reads it once.
  const fields = described.filter((f, i) => described.findIndex((g) => g.field === f.field && g.fr === f.fr) === i);
  throw new ComptoirError(
    'INVALID_INPUT',
    { fr: fields.map((f) => f.fr).join(' ; '), en: fields.map((f) => f.en).join('; ') },
    { fields },
  );
}
