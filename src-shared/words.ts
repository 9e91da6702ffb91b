import { perLanguage, type Language } from './language.js';

/**
 * The club's words, once, in French (Québec) and English: the screens, the paper, the command
 * line and the error messages all take them from here. docs/GLOSSARY.md explains them.
 */
export type Words<K extends string> = Record<Language, Record<K, string>>;

export type PaymentMethod = 'cash' | 'cheque' | 'card' | 'credit';
export type LineKind = 'membership' | 'activity' | 'donation' | 'credit' | 'rounding';
export type OrderKind = 'sale' | 'void' | 'refund';
export type Role = 'volunteer' | 'leader' | 'treasurer' | 'admin';
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';
export type RegistrationPayment = 'paid' | 'due' | 'free' | 'refunded';
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'interac' | 'other';
export type DuplicateReason = 'same_name' | 'similar_name' | 'birth_date' | 'phone' | 'email' | 'postal_code';

/** How a payment was made, as the receipt and the screens name it. */
export const PAYMENT_METHOD_WORDS: Words<PaymentMethod> = {
  fr: { cash: 'Comptant', cheque: 'Chèque', card: 'Carte', credit: 'Crédit / Coupons' },
  en: { cash: 'Cash', cheque: 'Cheque', card: 'Card', credit: 'Credit / coupons' },
};

/** One line of a receipt, by its kind (an activity line is named by the activity itself). */
export const LINE_KIND_WORDS: Words<LineKind> = {
  fr: { membership: 'Adhésion annuelle', activity: 'Activité', donation: 'Don', credit: 'Crédit au compte', rounding: 'Arrondi (argent comptant)' },
  en: { membership: 'Annual membership', activity: 'Activity', donation: 'Donation', credit: 'Account credit', rounding: 'Cash rounding' },
};

/** The same kinds as headings of a report's totals. */
export const LINE_KIND_TOTAL_WORDS: Words<LineKind> = {
  fr: { membership: 'Adhésions', activity: 'Activités', donation: 'Dons', credit: 'Crédit au compte', rounding: 'Arrondi (argent comptant)' },
  en: { membership: 'Memberships', activity: 'Activities', donation: 'Donations', credit: 'Account credit', rounding: 'Cash rounding' },
};

export const ORDER_KIND_WORDS: Words<OrderKind> = {
  fr: { sale: 'Vente', void: 'Annulation', refund: 'Remboursement' },
  en: { sale: 'Sale', void: 'Void', refund: 'Refund' },
};

export const ROLE_WORDS: { name: Words<Role>; toWhom: Words<Role> } = {
  name: {
    fr: { volunteer: 'Bénévole', leader: 'Responsable d’activité', treasurer: 'Trésorier', admin: 'Administrateur' },
    en: { volunteer: 'Volunteer', leader: 'Activity leader', treasurer: 'Treasurer', admin: 'Administrator' },
  },
  /** « Cette action est réservée au trésorier ». */
  toWhom: {
    fr: { volunteer: 'aux bénévoles', leader: 'aux responsables d’activité', treasurer: 'au trésorier', admin: "à l'administrateur" },
    en: { volunteer: 'volunteers', leader: 'activity leaders', treasurer: 'the treasurer', admin: 'the administrator' },
  },
};

export const REGISTRATION_STATUS_WORDS: Words<RegistrationStatus> = {
  fr: { registered: 'Inscrit', waitlisted: "Liste d'attente", cancelled: 'Annulée' },
  en: { registered: 'Registered', waitlisted: 'Waitlist', cancelled: 'Cancelled' },
};

/** Where a registration's money stands, instead of a bare « Payée : Oui/Non ». */
export const REGISTRATION_PAYMENT_WORDS: Words<RegistrationPayment> = {
  fr: { paid: 'Payée', due: 'À payer', free: 'Gratuite', refunded: 'Remboursée' },
  en: { paid: 'Paid', due: 'To pay', free: 'Free', refunded: 'Refunded' },
};

/** Why a record looks like the person being typed in. */
export const DUPLICATE_REASON_WORDS: Words<DuplicateReason> = {
  fr: { same_name: 'même nom', similar_name: 'nom semblable', birth_date: 'même date de naissance', phone: 'même téléphone', email: 'même courriel', postal_code: 'même code postal' },
  en: { same_name: 'same name', similar_name: 'similar name', birth_date: 'same birth date', phone: 'same phone', email: 'same email', postal_code: 'same postal code' },
};

const BRAND_NAMES: Record<Exclude<CardBrand, 'other'>, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  interac: 'Interac',
};

/** A card brand as printed: « Visa »; an unknown brand is « autre carte ». */
export function cardBrandName(brand: string | null, language: Language): string {
  if (!brand) return '';
  if (brand === 'other') return language === 'fr' ? 'autre carte' : 'other card';
  return BRAND_NAMES[brand as keyof typeof BRAND_NAMES] ?? brand;
}

/**
 * What an order line says: its kind in the reader's language, or for an activity its name and
 * season as the club entered them, « Yoga doux (Automne 2026) ».
 */
export function lineLabel(line: { kind: LineKind; activityName?: string | null; activitySeason?: string | null }, language: Language): string {
  if (line.kind === 'activity' && line.activityName) {
    return line.activitySeason ? `${line.activityName} (${line.activitySeason})` : line.activityName;
  }
  return LINE_KIND_WORDS[language][line.kind];
}

type Unit = 'day' | 'item' | 'place' | 'member' | 'sale' | 'registration' | 'result' | 'similarRecord' | 'cardPayment' | 'attempt' | 'unknownField' | 'void' | 'refund' | 'problem' | 'rewrittenLogEntry' | 'otherProblem' | 'line' | 'payment' | 'operation' | 'waitingOperation' | 'operationToCheck';
const UNITS: Record<Unit, Record<Language, { one: string; other: string }>> = {
  day: { fr: { one: 'jour', other: 'jours' }, en: { one: 'day', other: 'days' } },
  item: { fr: { one: 'article', other: 'articles' }, en: { one: 'item', other: 'items' } },
  place: { fr: { one: 'place', other: 'places' }, en: { one: 'place', other: 'places' } },
  member: { fr: { one: 'membre', other: 'membres' }, en: { one: 'member', other: 'members' } },
  sale: { fr: { one: 'vente', other: 'ventes' }, en: { one: 'sale', other: 'sales' } },
  registration: { fr: { one: 'inscription', other: 'inscriptions' }, en: { one: 'registration', other: 'registrations' } },
  result: { fr: { one: 'résultat', other: 'résultats' }, en: { one: 'result', other: 'results' } },
  similarRecord: { fr: { one: 'fiche semblable', other: 'fiches semblables' }, en: { one: 'similar record', other: 'similar records' } },
  cardPayment: { fr: { one: 'paiement par carte', other: 'paiements par carte' }, en: { one: 'card payment', other: 'card payments' } },
  attempt: { fr: { one: 'essai', other: 'essais' }, en: { one: 'attempt', other: 'attempts' } },
  void: { fr: { one: 'annulation', other: 'annulations' }, en: { one: 'void', other: 'voids' } },
  refund: { fr: { one: 'remboursement', other: 'remboursements' }, en: { one: 'refund', other: 'refunds' } },
  problem: { fr: { one: 'problème', other: 'problèmes' }, en: { one: 'problem', other: 'problems' } },
  rewrittenLogEntry: { fr: { one: 'entrée du journal réécrite', other: 'entrées du journal réécrites' }, en: { one: 'log entry rewritten', other: 'log entries rewritten' } },
  otherProblem: { fr: { one: 'autre problème', other: 'autres problèmes' }, en: { one: 'other problem', other: 'other problems' } },
  line: { fr: { one: 'article', other: 'articles' }, en: { one: 'line', other: 'lines' } },
  payment: { fr: { one: 'paiement', other: 'paiements' }, en: { one: 'payment', other: 'payments' } },
  operation: { fr: { one: 'opération', other: 'opérations' }, en: { one: 'operation', other: 'operations' } },
  waitingOperation: { fr: { one: 'opération en attente', other: 'opérations en attente' }, en: { one: 'operation waiting', other: 'operations waiting' } },
  operationToCheck: { fr: { one: 'opération à vérifier', other: 'opérations à vérifier' }, en: { one: 'operation to check', other: 'operations to check' } },
  unknownField: { fr: { one: 'champ inconnu', other: 'champs inconnus' }, en: { one: 'unknown field', other: 'unknown fields' } },
};
const plurals = perLanguage((locale) => new Intl.PluralRules(locale));

/**
 * « 1 jour », « 12 jours », « 0 article », "0 days": the plural each language's rules give
 * (Intl.PluralRules; French counts 0 and 1 as singular, English only 1).
 */
export function countOf(n: number, unit: Unit, language: Language): string {
  const forms = UNITS[unit][language];
  return `${n} ${plurals[language].select(n) === 'one' ? forms.one : forms.other}`;
}

/** « Libellé : » in French (with the space French puts before a colon, unbreakable), "Label:" in English. */
export function withColon(label: string, language: Language): string {
  return language === 'fr' ? `${label}\u00a0:` : `${label}:`;
}

/** The treasurer's day, on the closing screen and on the printed report alike. */
export const REPORT_WORDS: Words<
  | 'float'
  | 'counted'
  | 'byMethod'
  | 'method'
  | 'count'
  | 'total'
  | 'byKind'
  | 'kind'
  | 'byActivity'
  | 'activity'
  | 'cheques'
  | 'receipt'
  | 'chequeNo'
  | 'bank'
  | 'amount'
  | 'cards'
  | 'corrections'
  | 'by'
  | 'wholeDay'
  | 'desk'
  | 'cashSales'
  | 'differenceReason'
  | 'priceChanges'
  | 'clubPrice'
  | 'soldAt'
  | 'priceReason'
> = {
  fr: {
    float: 'Fonds de caisse',
    counted: 'Compté',
    byMethod: 'Paiements par mode',
    method: 'Mode',
    count: 'Nombre',
    total: 'Total',
    byKind: 'Ventes par sorte d’article',
    kind: 'Sorte',
    byActivity: 'Ventes par activité',
    activity: 'Activité',
    cheques: 'Chèques à déposer',
    receipt: 'Reçu',
    chequeNo: 'No du chèque',
    bank: 'Banque',
    amount: 'Montant',
    cards: 'Cartes',
    corrections: 'Annulations et remboursements',
    by: 'Par',
    wholeDay: 'Toute la journée, tous les postes',
    desk: 'Poste',
    cashSales: 'Ventes au comptant (net)',
    differenceReason: 'Raison de l’écart',
    priceChanges: 'Prix modifiés au poste',
    clubPrice: 'Prix du club',
    soldAt: 'Vendu à',
    priceReason: 'Raison',
  },
  en: {
    float: 'Float',
    counted: 'Counted',
    byMethod: 'Payments by method',
    method: 'Method',
    count: 'Count',
    total: 'Total',
    byKind: 'Sales by kind of item',
    kind: 'Kind',
    byActivity: 'Sales by activity',
    activity: 'Activity',
    cheques: 'Cheques to deposit',
    receipt: 'Receipt',
    chequeNo: 'Cheque no.',
    bank: 'Bank',
    amount: 'Amount',
    cards: 'Cards',
    corrections: 'Voids and refunds',
    by: 'By',
    wholeDay: 'The whole day, every desk',
    desk: 'Desk',
    cashSales: 'Cash sales (net)',
    differenceReason: 'Reason for the difference',
    priceChanges: 'Prices changed at the desk',
    clubPrice: 'Club price',
    soldAt: 'Sold at',
    priceReason: 'Reason',
  },
};

/** The name a new household takes from the member it starts with: « Famille Tremblay ». */
export function householdName(lastName: string, language: Language): string {
  return language === 'fr' ? `Famille ${lastName}` : `${lastName} family`;
}

/**
 * A household's name in the reader's language: the file keeps it in the language of the member
 * who started it (« Kowalski family »), a French screen says « Famille Kowalski ». A name the club
 * typed otherwise is shown as it is.
 */
export function householdNameIn(stored: string, language: Language): string {
  const family = /^Famille (.+)$/.exec(stored)?.[1] ?? /^(.+) family$/.exec(stored)?.[1];
  return family ? householdName(family, language) : stored;
}
