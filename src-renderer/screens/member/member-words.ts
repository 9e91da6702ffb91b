import { useTexts, type Texts } from '../../app/i18n';
import type { Output } from '../../app/api';
import { PAYMENT_METHOD_WORDS } from '../../../src-shared/words';

/** « Mon profil »'s words, in French and English: the screen, its personal data, its transactions, its card. */
export const MEMBER_TEXTS: Texts<
  | 'created'
  | 'expires'
  | 'expired'
  | 'join'
  | 'days'
  | 'noMembership'
  | 'credit'
  | 'renew'
  | 'register'
  | 'printCard'
  | 'back'
  | 'actions'
  | 'personal'
  | 'edit'
  | 'save'
  | 'cancelEdit'
  | 'saving'
  | 'saved'
  | 'noChange'
  | 'fixFields'
  | 'household'
  | 'householdAlone'
  | 'householdMember'
  | 'thisMember'
  | 'transactions'
  | 'noOrders'
  | 'receipt'
  | 'corrects'
  | 'correctedBy_void'
  | 'correctedBy_refund'
  | 'reason'
  | 'by'
  | 'item'
  | 'amount'
  | 'total'
  | 'payments'
  | 'cheque'
  | 'card'
  | 'cardAuth'
  | 'tendered'
  | 'period'
  | 'periodVoided'
  | 'registrations'
  | 'noRegistrations'
  | 'activity'
  | 'status'
  | 'paid'
  | 'date'
  | 'st_waitlisted'
  | 'st_waitlistOver'
  | 'st_over'
  | 'receipts'
  | 'noReceipts'
  | 'openReceipt'
  | 'cardTitle'
  | 'print'
  | 'cardPdf'
  | 'cardSheetPdf'
  | 'backToProfile'
  | 'cardHint'
  | 'loadFailed'
  | 'sep'
> = {
  fr: {
    created: 'Création',
    expires: 'Expire le',
    expired: 'Expirée le',
    days: '({n} jours)',
    noMembership: 'Aucune adhésion',
    credit: PAYMENT_METHOD_WORDS.fr.credit,
    renew: 'Renouveler',
    join: 'Adhérer',
    register: 'Inscrire à une activité',
    printCard: 'Imprimer la carte',
    back: 'Retour',
    actions: 'Actions',
    personal: 'Données personnelles',
    edit: 'Modifier',
    save: 'Sauvegarder',
    cancelEdit: 'Annuler',
    saving: 'Sauvegarde…',
    saved: 'Les données personnelles sont sauvegardées.',
    noChange: 'Rien n’a changé : il n’y avait rien à sauvegarder.',
    fixFields: 'Corrigez les champs indiqués, puis appuyez de nouveau sur « Sauvegarder ».',
    household: 'Ménage : {name}',
    householdAlone: 'Personne d’autre dans ce ménage pour l’instant.',
    householdMember: '{name} (no {n})',
    thisMember: '(cette fiche)',
    transactions: 'Transactions',
    noOrders: 'Aucune transaction pour ce membre.',
    receipt: 'Reçu {n}',
    corrects: 'Corrige le reçu {n}.',
    correctedBy_void: 'Annulée par le reçu {n}.',
    correctedBy_refund: 'Remboursée (en tout ou en partie) par le reçu {n}.',
    reason: 'Raison : {r}',
    by: 'Par {who}, poste {desk}',
    item: 'Article',
    amount: 'Montant',
    total: 'Total',
    payments: 'Paiement : {method}',
    cheque: 'no {n}, {bank}',
    card: '{brand} se terminant par {last4}',
    cardAuth: 'autorisation {code}',
    tendered: 'remis {t}, monnaie rendue {c}',
    period: 'Adhésion du {from} au {to}',
    periodVoided: '(annulée)',
    registrations: 'Mes inscriptions',
    noRegistrations: 'Aucune inscription pour ce membre.',
    activity: 'Activité',
    status: 'Statut',
    paid: 'Paiement',
    date: 'Date',
    st_waitlisted: 'Liste d’attente, rang {n}',
    st_waitlistOver: 'Liste d’attente (activité terminée)',
    st_over: 'Inscrit (activité terminée)',
    receipts: 'Mes reçus',
    noReceipts: 'Aucun reçu pour ce membre.',
    openReceipt: 'Afficher le reçu {n}',
    cardTitle: 'Carte de membre',
    print: 'Imprimer',
    cardPdf: 'Carte en PDF (format carte de crédit)',
    cardSheetPdf: 'Carte en PDF (feuille lettre à découper)',
    backToProfile: 'Retour au profil',
    cardHint: 'Vérifiez la carte (agrandie ici), puis appuyez sur « Imprimer » : la carte imprimée porte aussi le logo du club et le code-barres du numéro.',
    loadFailed: 'La fiche n’a pas pu être ouverte. Revenez à la recherche et réessayez.',
    sep: ' ; ',
  },
  en: {
    created: 'Created',
    expires: 'Expires on',
    expired: 'Expired on',
    days: '({n} days)',
    noMembership: 'No membership',
    credit: PAYMENT_METHOD_WORDS.en.credit,
    renew: 'Renew',
    join: 'Join',
    register: 'Register for an activity',
    printCard: 'Print the card',
    back: 'Back',
    actions: 'Actions',
    personal: 'Personal information',
    edit: 'Edit',
    save: 'Save',
    cancelEdit: 'Cancel',
    saving: 'Saving…',
    saved: 'The personal information is saved.',
    noChange: 'Nothing changed: there was nothing to save.',
    fixFields: 'Correct the fields shown, then press “Save” again.',
    household: 'Household: {name}',
    householdAlone: 'Nobody else in this household yet.',
    householdMember: '{name} (no. {n})',
    thisMember: '(this record)',
    transactions: 'Transactions',
    noOrders: 'No transactions for this member.',
    receipt: 'Receipt {n}',
    corrects: 'Corrects receipt {n}.',
    correctedBy_void: 'Voided by receipt {n}.',
    correctedBy_refund: 'Refunded (in whole or in part) by receipt {n}.',
    reason: 'Reason: {r}',
    by: 'By {who}, desk {desk}',
    item: 'Item',
    amount: 'Amount',
    total: 'Total',
    payments: 'Payment: {method}',
    cheque: 'no. {n}, {bank}',
    card: '{brand} ending in {last4}',
    cardAuth: 'approval {code}',
    tendered: 'tendered {t}, change given {c}',
    period: 'Membership from {from} to {to}',
    periodVoided: '(voided)',
    registrations: 'Registrations',
    noRegistrations: 'No registrations for this member.',
    activity: 'Activity',
    status: 'Status',
    paid: 'Payment',
    date: 'Date',
    st_waitlisted: 'Waitlist, position {n}',
    st_waitlistOver: 'Waitlist (activity over)',
    st_over: 'Registered (activity over)',
    receipts: 'Receipts',
    noReceipts: 'No receipts for this member.',
    openReceipt: 'Show receipt {n}',
    cardTitle: 'Membership card',
    print: 'Print',
    cardPdf: 'Card as PDF (credit-card size)',
    cardSheetPdf: 'Card as PDF (letter sheet to cut)',
    backToProfile: 'Back to the profile',
    cardHint: 'Check the card (enlarged here), then press “Print”: the printed card also carries the club’s logo and the number’s barcode.',
    loadFailed: 'The record could not be opened. Go back to the search and try again.',
    sep: '; ',
  },
};


export type Profile = Output<'members.profile'>;
export type Order = Profile['orders'][number];
export type Payment = Order['payments'][number];
export type Registration = Profile['registrations'][number];
export type T = ReturnType<typeof useTexts<keyof (typeof MEMBER_TEXTS)['fr']>>;
