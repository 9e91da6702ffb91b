import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { ComptoirError } from './errors.js';
import { MAX_CENTS } from './money.js';
import { cleanText } from './text.js';

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
  phone: { fr: 'doit contenir 7 à 11 chiffres', en: 'must have 7 to 11 digits' },
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
export const memberNumber = z.coerce.number({ message: 'number' }).int().positive().max(999_999_999);

/**
 * A day of the year, MM-DD, that every year (or every leap year: 02-29) has: 02-30 and 04-31 are
 * refused, as a member's birth date would be.
 */
export const monthDay = z.string().refine((v) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) && isIsoDate(`2024-${v}`), { message: 'monthDay' });

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
      return fr ? `champ(s) inconnu(s) : ${issue.keys.join(', ')}` : `unknown field(s): ${issue.keys.join(', ')}`;
    default:
      return fr ? `${q(field)} est invalide` : `${q(field)} is invalid`;
  }
}

/**
 * Validates input at a core boundary. Bad input throws INVALID_INPUT listing every problem in
 * French and English, before anything is written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput: zod 4 leaves the offending value out of its issues by default, and without it a
  // wrong value could not be told apart from a missing one.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const fields = issues.map((issue) => ({
    field: issue.path.join('.'),
    fr: describeIssue(issue, 'fr'),
    en: describeIssue(issue, 'en'),
  }));
  throw new ComptoirError(
    'INVALID_INPUT',
    { fr: fields.map((f) => f.fr).join(' ; '), en: fields.map((f) => f.en).join('; ') },
    { fields },
  );
}
