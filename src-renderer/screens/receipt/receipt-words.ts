import type { Texts } from '../../app/i18n';
import type { Output } from '../../app/api';
import { PAYMENT_METHOD_WORDS } from '../../../src-shared/words';

/** The receipt screen's words, in French and English (its paper, its dialogs, its notices). */
export const RECEIPT_TEXTS: Texts<
  | 'title'
  | 'copy'
  | 'void'
  | 'refund'
  | 'desk'
  | 'when'
  | 'volunteer'
  | 'member'
  | 'noMember'
  | 'reason'
  | 'item'
  | 'amount'
  | 'total'
  | 'payments'
  | 'method'
  | 'details'
  | 'period'
  | 'periodVoided'
  | 'forMember'
  | 'clubPrice'
  | 'tendered'
  | 'change'
  | 'chequeNo'
  | 'auth'
  | 'credit'
  | 'changeBig'
  | 'voidedBy'
  | 'refundedBy'
  | 'seeReceipt'
  | 'print'
  | 'pdf'
  | 'pdfRoll'
  | 'email'
  | 'emailLabel'
  | 'emailOnFile'
  | 'emailInvalid'
  | 'emailQueued'
  | 'voidButton'
  | 'voidTitle'
  | 'voidIntro'
  | 'voidCash'
  | 'voidCheque'
  | 'voidCredit'
  | 'voidCreditDone'
  | 'refundButton'
  | 'refundTreasurer'
  | 'refundDone'
  | 'refundCheque'
  | 'voidReason'
  | 'voidReasonHint'
  | 'voidCard'
  | 'voidCardCode'
  | 'voidCardError'
  | 'voidOk'
  | 'voidKeep'
  | 'required'
  | 'voidDone'
  | 'voidCashBack'
  | 'done'
  | 'loading'
> = {
  fr: {
    title: 'Reçu {n}',
    copy: 'COPIE',
    void: 'Annulation du reçu {n}',
    refund: 'Remboursement sur le reçu {n}',
    desk: 'Poste {name}',
    when: 'Date et heure',
    volunteer: 'Bénévole',
    member: 'Membre',
    noMember: 'Aucun membre',
    reason: 'Raison',
    item: 'Article',
    amount: 'Montant',
    total: 'Total',
    payments: 'Paiements',
    method: 'Mode',
    details: 'Détails',
    period: 'Du {from} au {to}',
    periodVoided: 'période annulée',
    forMember: 'pour {name}, no de membre {n}',
    clubPrice: 'prix du club : {amount}',
    tendered: 'Montant remis {amount}',
    change: 'monnaie rendue {amount}',
    chequeNo: 'No {n}, {bank}',
    auth: 'autorisation {code}',
    credit: PAYMENT_METHOD_WORDS.fr.credit,
    changeBig: 'Monnaie à rendre : {amount}',
    voidedBy: 'Cette vente a été annulée : reçu {n}.',
    refundedBy: 'Un remboursement a été fait sur cette vente : reçu {n}.',
    seeReceipt: 'Voir le reçu {n}',
    print: 'Imprimer',
    pdf: 'Enregistrer en PDF',
    pdfRoll: 'PDF pour imprimante à reçus (80 mm)',
    email: 'Envoyer par courriel',
    emailLabel: 'Adresse courriel',
    emailOnFile: 'L’adresse du membre. Seul le trésorier peut envoyer un reçu à une autre adresse.',
    emailInvalid: 'Vérifiez l’adresse courriel (exemple : nom@exemple.com).',
    emailQueued: 'Le reçu sera envoyé à {email}.',
    voidButton: 'Annuler cette vente',
    voidTitle: 'Annuler la vente {n} ?',
    voidIntro: 'Chaque article sera annulé (adhésion, inscriptions) et un reçu d’annulation sera fait. On ne peut pas revenir en arrière.',
    voidCash: 'Rendez {amount} comptant au membre.',
    voidCheque: 'Rendez le chèque no {n} ({bank}, {amount}) au membre.',
    voidCredit: '{amount} sera remis sur le crédit du membre.',
    voidCreditDone: '{amount} est remis sur le crédit du membre.',
    refundButton: 'Rembourser des articles',
    refundTreasurer: 'Pour rembourser des articles de ce reçu, le trésorier doit se connecter.',
    refundDone: 'Des articles du reçu {n} sont remboursés.',
    refundCheque: 'Remettez au membre le chèque no {n} ({bank}, {amount}).',
    voidReason: 'Raison de l’annulation',
    voidReasonHint: 'Par exemple : erreur de montant, le membre a changé d’idée.',
    voidCard: 'Remboursez {amount} sur le terminal ({card}). Quand il affiche APPROUVÉE, tapez le code d’autorisation du remboursement.',
    voidCardCode: 'Code d’autorisation du remboursement',
    voidCardError: 'Tapez le code imprimé par le terminal pour le remboursement : de 2 à 12 lettres ou chiffres.',
    voidOk: 'Annuler la vente',
    voidKeep: 'Ne pas annuler',
    required: 'Ce renseignement est nécessaire.',
    voidDone: 'La vente {n} est annulée.',
    voidCashBack: 'Rendez {amount} comptant au membre.',
    done: 'Terminé',
    loading: 'Un instant…',
  },
  en: {
    title: 'Receipt {n}',
    copy: 'COPY',
    void: 'Void of receipt {n}',
    refund: 'Refund on receipt {n}',
    desk: 'Desk {name}',
    when: 'Date and time',
    volunteer: 'Volunteer',
    member: 'Member',
    noMember: 'No member',
    reason: 'Reason',
    item: 'Item',
    amount: 'Amount',
    total: 'Total',
    payments: 'Payments',
    method: 'Method',
    details: 'Details',
    period: 'From {from} to {to}',
    periodVoided: 'period voided',
    forMember: 'for {name}, member no. {n}',
    clubPrice: 'club price: {amount}',
    tendered: 'Tendered {amount}',
    change: 'change given {amount}',
    chequeNo: 'No. {n}, {bank}',
    auth: 'authorization {code}',
    credit: PAYMENT_METHOD_WORDS.en.credit,
    changeBig: 'Change to give: {amount}',
    voidedBy: 'This sale was voided: receipt {n}.',
    refundedBy: 'A refund was made on this sale: receipt {n}.',
    seeReceipt: 'See receipt {n}',
    print: 'Print',
    pdf: 'Save as PDF',
    pdfRoll: 'PDF for receipt printer (80 mm)',
    email: 'Send by email',
    emailLabel: 'Email address',
    emailOnFile: 'The member’s address. Only the treasurer may send a receipt to another address.',
    emailInvalid: 'Check the email address (example: name@example.com).',
    emailQueued: 'The receipt will be sent to {email}.',
    voidButton: 'Void this sale',
    voidTitle: 'Void sale {n}?',
    voidIntro: 'Every item will be cancelled (membership, registrations) and a void receipt will be made. This cannot be undone.',
    voidCash: 'Give {amount} in cash back to the member.',
    voidCheque: 'Give cheque no. {n} ({bank}, {amount}) back to the member.',
    voidCredit: '{amount} will be put back on the member’s credit.',
    voidCreditDone: '{amount} is back on the member’s credit.',
    refundButton: 'Refund items',
    refundTreasurer: 'To refund items of this receipt, the treasurer must sign in.',
    refundDone: 'Items of receipt {n} are refunded.',
    refundCheque: 'Give the member cheque no. {n} ({bank}, {amount}).',
    voidReason: 'Reason for the void',
    voidReasonHint: 'For example: wrong amount, the member changed their mind.',
    voidCard: 'Refund {amount} on the terminal ({card}). When it shows APPROVED, type the refund’s authorization code.',
    voidCardCode: 'Refund authorization code',
    voidCardError: 'Type the code the terminal printed for the refund: 2 to 12 letters or digits.',
    voidOk: 'Void the sale',
    voidKeep: 'Do not void',
    required: 'This is needed.',
    voidDone: 'Sale {n} is voided.',
    voidCashBack: 'Give {amount} in cash back to the member.',
    done: 'Done',
    loading: 'One moment…',
  },
};


export type Order = Output<'orders.get'>;
export type Change = Output<'sales.checkout'>['cash'];
export type T = (key: keyof (typeof RECEIPT_TEXTS)['fr'], params?: Record<string, string | number>) => string;
