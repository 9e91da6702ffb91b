import type { Language } from '../db/schema.js';

type Params = Record<string, string | number>;
type Message = (p: Params) => string;

const ROLE_NAMES: Record<Language, Record<string, string>> = {
  fr: { volunteer: 'aux bénévoles', treasurer: 'au trésorier', admin: "à l'administrateur" },
  en: { volunteer: 'volunteers', treasurer: 'the treasurer', admin: 'the administrator' },
};

function roleNames(roles: string | number | undefined, language: Language): string {
  return String(roles ?? '')
    .split(',')
    .map((role) => ROLE_NAMES[language][role] ?? role)
    .join(language === 'fr' ? ' ou ' : ' or ');
}

/**
 * Every error the core can raise, with what to tell the volunteer in French and English.
 * Messages say what happened and, where there is one, what to do next.
 */
const catalogue = {
  INVALID_INPUT: {
    fr: (p) => `Données invalides : ${p.detailsFr}`,
    en: (p) => `Invalid input: ${p.detailsEn}`,
  },
  DATABASE_TOO_NEW: {
    fr: (p) =>
      `Cette base de données a été écrite par une version plus récente de Comptoir (schéma ${p.found}, cette version connaît ${p.known}). Elle n'a pas été modifiée : installez la dernière version de Comptoir.`,
    en: (p) =>
      `This database was written by a newer version of Comptoir (schema ${p.found}, this version knows ${p.known}). It was not changed: install the latest Comptoir.`,
  },
  DATABASE_NOT_INITIALIZED: {
    fr: () => `Ce poste n'est pas encore configuré : lancez « comptoir init » avec le nom du poste et le préfixe des reçus.`,
    en: () => `This desk is not set up yet: run "comptoir init" with the desk name and receipt prefix.`,
  },
  ALREADY_INITIALIZED: {
    fr: (p) => `Ce poste est déjà configuré (« ${p.name} », préfixe ${p.prefix}).`,
    en: (p) => `This desk is already set up ("${p.name}", prefix ${p.prefix}).`,
  },
  MEMBER_NOT_FOUND: {
    fr: (p) => `Aucun membre ne porte le numéro ${p.ref}.`,
    en: (p) => `No member has number ${p.ref}.`,
  },
  POSSIBLE_DUPLICATE: {
    fr: (p) => `Ce membre existe peut-être déjà (${p.count} fiche(s) semblable(s)). Vérifiez, puis choisissez « Créer quand même » si c'est bien une autre personne.`,
    en: (p) => `This member may already exist (${p.count} similar record(s)). Check, then choose "Create anyway" if this really is another person.`,
  },
  NO_MEMBER_NUMBERS_LEFT: {
    fr: () => `Ce poste n'a plus de numéros de membre réservés. Demandez à l'administrateur d'ajouter un bloc de numéros.`,
    en: () => `This desk has no reserved member numbers left. Ask the administrator to add a block of numbers.`,
  },
  NUMBER_BLOCK_OVERLAP: {
    fr: (p) => `Le bloc ${p.first}–${p.last} chevauche des numéros déjà réservés ou attribués.`,
    en: (p) => `Block ${p.first}–${p.last} overlaps numbers already reserved or given.`,
  },
  HOUSEHOLD_NOT_FOUND: {
    fr: () => `Ce ménage n'existe pas.`,
    en: () => `This household does not exist.`,
  },
  ALREADY_RENEWED: {
    fr: (p) => `Ce membre a déjà renouvelé : son adhésion est valide jusqu'au ${p.expiresOn}${p.receipt ? ` (reçu ${p.receipt})` : ''}. Un second renouvellement demande une confirmation.`,
    en: (p) => `This member already renewed: the membership runs until ${p.expiresOn}${p.receipt ? ` (receipt ${p.receipt})` : ''}. A second renewal needs a confirmation.`,
  },
  ACTIVITY_NOT_FOUND: {
    fr: (p) => `L'activité ${p.ref} n'existe pas.`,
    en: (p) => `Activity ${p.ref} does not exist.`,
  },
  ACTIVITY_CODE_TAKEN: {
    fr: (p) => `Le code d'activité ${p.code} est déjà utilisé.`,
    en: (p) => `Activity code ${p.code} is already used.`,
  },
  ACTIVITY_FULL: {
    fr: (p) => `L'activité « ${p.name} » est complète (${p.capacity} places). Le membre peut être mis sur la liste d'attente.`,
    en: (p) => `"${p.name}" is full (${p.capacity} places). The member can be put on the waitlist.`,
  },
  MEMBERSHIP_REQUIRED: {
    fr: (p) => `L'activité « ${p.name} » demande une adhésion active. Renouvelez d'abord l'adhésion du membre (dans le même panier si vous voulez).`,
    en: (p) => `"${p.name}" requires an active membership. Renew the member's membership first (in the same cart if you like).`,
  },
  ALREADY_REGISTERED: {
    fr: (p) => `Ce membre est déjà ${p.status === 'waitlisted' ? "sur la liste d'attente de" : 'inscrit à'} « ${p.name} ».`,
    en: (p) => `This member is already ${p.status === 'waitlisted' ? 'on the waitlist of' : 'registered to'} "${p.name}".`,
  },
  REGISTRATION_NOT_FOUND: {
    fr: () => `Cette inscription n'existe pas ou est déjà annulée.`,
    en: () => `This registration does not exist or is already cancelled.`,
  },
  EMPTY_CART: {
    fr: () => `Le panier est vide : ajoutez au moins un article.`,
    en: () => `The cart is empty: add at least one item.`,
  },
  PAYMENT_MISMATCH: {
    fr: (p) => `Les paiements (${p.paid}) ne correspondent pas au total à payer (${p.due}).`,
    en: (p) => `The payments (${p.paid}) do not match the amount due (${p.due}).`,
  },
  ONE_CASH_PAYMENT: {
    fr: () => `Un seul paiement en argent par transaction : additionnez les montants remis.`,
    en: () => `Only one cash payment per transaction: add up the amounts tendered.`,
  },
  TENDERED_TOO_LOW: {
    fr: (p) => `Le montant remis (${p.tendered}) est inférieur au montant à payer en argent (${p.due}).`,
    en: (p) => `The cash tendered (${p.tendered}) is less than the cash due (${p.due}).`,
  },
  INSUFFICIENT_CREDIT: {
    fr: (p) => `Le crédit du membre (${p.balance}) ne suffit pas pour payer ${p.amount}.`,
    en: (p) => `The member's credit (${p.balance}) is not enough to pay ${p.amount}.`,
  },
  MEMBER_REQUIRED: {
    fr: () => `Choisissez d'abord un membre : ce paiement ou cet article lui est rattaché.`,
    en: () => `Choose a member first: this payment or item belongs to one.`,
  },
  NO_OPEN_CASH_SESSION: {
    fr: () => `La caisse n'est pas ouverte. Ouvrez la caisse (compter le fonds de caisse) avant d'encaisser.`,
    en: () => `The cash drawer is not open. Open the drawer (count the float) before taking payments.`,
  },
  CASH_SESSION_ALREADY_OPEN: {
    fr: (p) => `La caisse de ce poste est déjà ouverte depuis ${p.openedAt}. Fermez-la avant d'en ouvrir une autre.`,
    en: (p) => `This desk's drawer has been open since ${p.openedAt}. Close it before opening another.`,
  },
  DIFFERENCE_REASON_REQUIRED: {
    fr: (p) => `La caisse présente un écart de ${p.difference}. Indiquez la raison de l'écart pour fermer la caisse.`,
    en: (p) => `The drawer is off by ${p.difference}. Give a reason for the difference to close it.`,
  },
  NOT_ENOUGH_CASH: {
    fr: (p) => `La caisse ne contient que ${p.available} ; impossible de sortir ${p.amount}.`,
    en: (p) => `The drawer only holds ${p.available}; cannot take out ${p.amount}.`,
  },
  ORDER_NOT_FOUND: {
    fr: (p) => `La transaction ${p.ref} n'existe pas.`,
    en: (p) => `Transaction ${p.ref} does not exist.`,
  },
  ORDER_ALREADY_CORRECTED: {
    fr: (p) => `La transaction ${p.receipt} a déjà été annulée ou remboursée (${p.by}).`,
    en: (p) => `Transaction ${p.receipt} was already voided or refunded (${p.by}).`,
  },
  NOT_A_SALE: {
    fr: (p) => `${p.receipt} est déjà une annulation ou un remboursement : il ne peut pas être corrigé à son tour.`,
    en: (p) => `${p.receipt} is itself a void or a refund: it cannot be corrected in turn.`,
  },
  CARD_REFUND_REQUIRED: {
    fr: (p) => `Cette transaction a ${p.count} paiement(s) par carte : remboursez-les d'abord au terminal, puis entrez le code d'autorisation de chaque remboursement.`,
    en: (p) => `This transaction has ${p.count} card payment(s): refund them on the terminal first, then enter each refund's approval code.`,
  },
  LINE_NOT_REFUNDABLE: {
    fr: (p) => `La ligne ${p.position} du reçu ${p.receipt} n'existe pas, est un arrondi ou a déjà été remboursée.`,
    en: (p) => `Line ${p.position} of receipt ${p.receipt} does not exist, is a rounding or was already refunded.`,
  },
  NO_EMAIL_ADDRESS: {
    fr: () => `Ce membre n'a pas d'adresse courriel : entrez-en une, ou imprimez le reçu.`,
    en: () => `This member has no email address: enter one, or print the receipt.`,
  },
  NOT_SIGNED_IN: {
    fr: () => `Votre session est terminée (inactivité). Choisissez votre nom et entrez votre NIP.`,
    en: () => `Your session has ended (inactivity). Choose your name and enter your PIN.`,
  },
  UNKNOWN_METHOD: {
    fr: (p) => `Demande inconnue : ${p.method}.`,
    en: (p) => `Unknown request: ${p.method}.`,
  },
  INTERNAL: {
    fr: () => `Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez, puis appelez le responsable si elle revient.`,
    en: () => `An unexpected error occurred; nothing was saved. Try again, then call the person in charge if it happens again.`,
  },
  USER_NOT_FOUND: {
    fr: () => `Ce bénévole n'existe pas ou n'est plus actif.`,
    en: () => `This volunteer does not exist or is no longer active.`,
  },
  USER_NAME_TAKEN: {
    fr: (p) => `Le nom « ${p.name} » est déjà utilisé par un autre bénévole.`,
    en: (p) => `The name "${p.name}" is already used by another volunteer.`,
  },
  WRONG_PIN: {
    fr: (p) => `NIP incorrect. Essayez de nouveau (encore ${p.left} essai(s) avant le blocage).`,
    en: (p) => `Wrong PIN. Try again (${p.left} attempt(s) left before lock-out).`,
  },
  USER_LOCKED: {
    fr: (p) => `Trop d'essais : ce compte est bloqué jusqu'à ${p.until}. Un administrateur peut le débloquer.`,
    en: (p) => `Too many attempts: this account is locked until ${p.until}. An administrator can unlock it.`,
  },
  FORBIDDEN: {
    fr: (p) => `Cette action est réservée ${roleNames(p.roles, 'fr')}.`,
    en: (p) => `This action is reserved to ${roleNames(p.roles, 'en')}.`,
  },
} satisfies Record<string, Record<Language, Message>>;

export type ErrorCode = keyof typeof catalogue;

export class ComptoirError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;
  readonly details: unknown;

  constructor(code: ErrorCode, params: Params = {}, details?: unknown) {
    super(catalogue[code].fr(params));
    this.name = 'ComptoirError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  messageIn(language: Language): string {
    return catalogue[this.code][language](this.params);
  }

  /** The shape errors take when they cross a boundary: data, never a stack trace. */
  toData(language: Language = 'fr'): { code: ErrorCode; message: string; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.messageIn(language) }
      : { code: this.code, message: this.messageIn(language), details: this.details };
  }
}

export function isComptoirError(error: unknown): error is ComptoirError {
  return error instanceof ComptoirError;
}
