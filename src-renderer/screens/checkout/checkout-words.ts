import { useLanguage, type Texts, type useTexts } from '../../app/i18n';
import { formatMoney } from '../../../src-shared/money';
import { PAYMENT_METHOD_WORDS } from '../../../src-shared/words';

/** The cart's words, in French and English: one list for the whole screen, so a key is never defined twice. */
export const CHECKOUT_TEXTS: Texts<
  | 'title'
  | 'for'
  | 'noMember'
  | 'credit'
  | 'empty'
  | 'find'
  | 'clear'
  | 'lines'
  | 'item'
  | 'amount'
  | 'remove'
  | 'removeLine'
  | 'forced'
  | 'full'
  | 'fullHint'
  | 'memberOf'
  | 'addMembership'
  | 'priceChanged'
  | 'statusProblems'
  | 'donationTitle'
  | 'donationAmount'
  | 'donationAdd'
  | 'creditLineAmount'
  | 'creditLineAdd'
  | 'walkIn'
  | 'amountError'
  | 'paymentsTitle'
  | 'choose'
  | 'cashDue'
  | 'tendered'
  | 'tenderedHint'
  | 'removeCash'
  | 'chequeNumber'
  | 'bank'
  | 'chequeAdd'
  | 'cardAmount'
  | 'cardSteps'
  | 'authCode'
  | 'authCodeHint'
  | 'authCodeError'
  | 'last4'
  | 'last4Error'
  | 'brand'
  | 'brandNone'
  | 'cardAdd'
  | 'creditAmount'
  | 'creditAvailable'
  | 'creditAdd'
  | 'creditTooMuch'
  | 'tooMuch'
  | 'required'
  | 'cancelForm'
  | 'chequeLabel'
  | 'cardLabel'
  | 'authLabel'
  | 'summary'
  | 'total'
  | 'paidExact'
  | 'remaining'
  | 'rounding'
  | 'cashToPay'
  | 'change'
  | 'statusPaid'
  | 'statusChoose'
  | 'statusMissing'
  | 'statusTendered'
  | 'statusOver'
  | 'statusCashUseless'
  | 'statusCashTiny'
  | 'checkout'
  | 'confirmTitle'
  | 'confirmOk'
  | 'confirmTendered'
  | 'confirmChange'
  | 'forceButton'
  | 'forceTitle'
  | 'forceBody'
  | 'waitlistButton'
  | 'waitlistHint'
  | 'clearTitle'
  | 'clearBody'
  | 'clearOk'
  | 'leaveTitle'
  | 'leaveBody'
  | 'leaveOk'
  | 'cardWarning'
  | 'removeCardTitle'
  | 'removeCardBody'
  | 'removeCardOk'
  | 'busy'
> = {
  fr: {
    title: 'Panier',
    for: 'Pour',
    noMember: 'Aucun membre choisi',
    credit: `${PAYMENT_METHOD_WORDS.fr.credit} : {amount}`,
    empty: 'Le panier est vide. Trouvez un membre, puis choisissez « Renouveler » ou une activité.',
    find: 'Trouver un membre',
    clear: 'Vider le panier',
    lines: 'Articles',
    item: 'Article',
    amount: 'Montant',
    remove: 'Retirer',
    removeLine: 'Retirer : {what}',
    forced: 'deuxième renouvellement, confirmé',
    full: '⚠ Complet',
    fullHint: 'Cette activité est complète : elle ne peut pas être vendue. Le bouton ci-dessous la retire du panier et ouvre les activités, pour inscrire le membre sur la liste d’attente.',
    memberOf: 'pour {name} (no {number})',
    addMembership: 'Ajouter l’adhésion de {name}',
    priceChanged: 'prix du club {amount} — {reason}',
    statusProblems: 'Avant d’encaisser, réglez ce qui est signalé dans les articles.',
    donationTitle: 'Ajouter un don',
    donationAmount: 'Montant du don',
    donationAdd: 'Ajouter le don',
    creditLineAmount: 'Montant du crédit au compte',
    creditLineAdd: 'Ajouter le crédit',
    walkIn: 'Vente sans fiche de membre : un don, par exemple. Ajoutez le montant ci-dessous.',
    amountError: 'Tapez un montant, par exemple 20 ou 12,50.',
    paymentsTitle: 'Paiement',
    choose: 'Comment le membre paie-t-il ? On peut combiner plusieurs modes.',
    cashDue: 'À payer comptant',
    tendered: 'Montant remis',
    tenderedHint: 'Ce que le membre vous donne, par exemple 50 ou 40,25.',
    removeCash: 'Enlever le paiement comptant',
    chequeNumber: 'Numéro du chèque',
    bank: 'Banque',
    chequeAdd: 'Ajouter le chèque',
    cardAmount: 'Montant',
    cardSteps: 'Entrez {amount} sur le terminal. Quand il affiche APPROUVÉE, tapez le code d’autorisation.',
    authCode: 'Code d’autorisation',
    authCodeHint: 'Imprimé sur le reçu du terminal, par exemple 0A12BC.',
    authCodeError: 'Le code d’autorisation a de 2 à 12 lettres ou chiffres. Recopiez-le du reçu du terminal.',
    last4: '4 derniers chiffres (facultatif)',
    last4Error: 'Tapez exactement 4 chiffres, ou laissez vide.',
    brand: 'Type de carte (facultatif)',
    brandNone: '— Je ne sais pas —',
    cardAdd: 'Ajouter le paiement par carte',
    creditAmount: 'Montant pris du crédit',
    creditAvailable: 'Crédit disponible : {amount}.',
    creditAdd: 'Utiliser le crédit',
    creditTooMuch: 'Le crédit disponible est de {amount} seulement.',
    tooMuch: 'Il ne reste que {amount} à payer : corrigez le montant.',
    required: 'Ce renseignement est nécessaire.',
    cancelForm: 'Annuler',
    chequeLabel: 'Chèque no {number} ({bank})',
    cardLabel: 'Carte {brand}',
    authLabel: 'autorisation {code}',
    summary: 'À payer',
    total: 'Total',
    paidExact: 'Payé par chèque, carte ou crédit',
    remaining: 'Reste à payer',
    rounding: 'Arrondi',
    cashToPay: 'À payer comptant',
    change: 'Monnaie à rendre',
    statusPaid: '✔ Tout est payé : choisissez « Encaisser ».',
    statusChoose: `Choisissez comment le membre paie : ${PAYMENT_METHOD_WORDS.fr.cash}, ${PAYMENT_METHOD_WORDS.fr.cheque} ou ${PAYMENT_METHOD_WORDS.fr.card}.`,
    statusMissing: 'Il reste {amount} à payer : ajoutez un paiement.',
    statusTendered: 'Tapez le montant remis : au moins {amount}.',
    statusOver: 'Les paiements dépassent le total de {amount} : retirez ou corrigez un paiement.',
    statusCashUseless: 'Tout est déjà payé : enlevez le paiement comptant.',
    statusCashTiny: 'Le reste ({amount}) s’arrondit à 0,00 $ comptant : corrigez plutôt le montant du chèque ou de la carte.',
    checkout: 'Encaisser',
    confirmTitle: 'Confirmer la vente de {amount} ?',
    confirmOk: 'Confirmer la vente',
    confirmTendered: 'montant remis {amount}',
    confirmChange: 'Monnaie à rendre : {amount}',
    forceButton: 'Renouveler quand même',
    forceTitle: 'Renouveler une deuxième fois ?',
    forceBody: 'Le membre a déjà renouvelé. Si vous continuez, il paiera une autre adhésion, qui s’ajoutera à la suite de la première. Faites-le seulement si le membre le demande.',
    waitlistButton: 'Aller à la liste d’attente',
    waitlistHint: 'Retirez l’activité complète du panier, puis inscrivez le membre sur la liste d’attente depuis l’écran des activités.',
    clearTitle: 'Vider le panier ?',
    clearBody: 'Tous les articles et les paiements du panier seront retirés. Rien n’a encore été vendu.',
    clearOk: 'Vider le panier',
    leaveTitle: 'Quitter le panier ?',
    leaveBody: 'Les articles restent dans le panier, mais les paiements déjà ajoutés seront oubliés.',
    leaveOk: 'Quitter le panier',
    cardWarning: 'Attention : un paiement par carte a déjà été approuvé au terminal. Annulez-le aussi sur le terminal.',
    removeCardTitle: 'Retirer ce paiement par carte ?',
    removeCardBody: 'Le terminal a déjà approuvé {amount}. Si vous le retirez ici, annulez-le aussi sur le terminal, sinon le membre sera débité.',
    removeCardOk: 'Retirer le paiement',
    busy: 'Un instant…',
  },
  en: {
    title: 'Cart',
    for: 'For',
    noMember: 'No member chosen',
    credit: `${PAYMENT_METHOD_WORDS.en.credit}: {amount}`,
    empty: 'The cart is empty. Find a member, then choose “Renew” or an activity.',
    find: 'Find a member',
    clear: 'Empty the cart',
    lines: 'Items',
    item: 'Item',
    amount: 'Amount',
    remove: 'Remove',
    removeLine: 'Remove: {what}',
    forced: 'second renewal, confirmed',
    full: '⚠ Full',
    fullHint: 'This activity is full: it cannot be sold. The button below removes it from the cart and opens the activities, to put the member on the waitlist.',
    memberOf: 'for {name} (no. {number})',
    addMembership: 'Add {name}’s membership',
    priceChanged: 'club price {amount} — {reason}',
    statusProblems: 'Before checking out, settle what the items point out.',
    donationTitle: 'Add a donation',
    donationAmount: 'Donation amount',
    donationAdd: 'Add the donation',
    creditLineAmount: 'Account credit amount',
    creditLineAdd: 'Add the credit',
    walkIn: 'A sale without a member file: a donation, for instance. Add the amount below.',
    amountError: 'Type an amount, for example 20 or 12.50.',
    paymentsTitle: 'Payment',
    choose: 'How does the member pay? Several ways can be combined.',
    cashDue: 'Cash due',
    tendered: 'Amount tendered',
    tenderedHint: 'What the member hands you, for example 50 or 40.25.',
    removeCash: 'Remove the cash',
    chequeNumber: 'Cheque number',
    bank: 'Bank',
    chequeAdd: 'Add the cheque',
    cardAmount: 'Amount',
    cardSteps: 'Enter {amount} on the terminal. When it shows APPROVED, type the authorization code.',
    authCode: 'Authorization code',
    authCodeHint: 'Printed on the terminal slip, for example 0A12BC.',
    authCodeError: 'The authorization code has 2 to 12 letters or digits. Copy it from the terminal slip.',
    last4: 'Last 4 digits (optional)',
    last4Error: 'Type exactly 4 digits, or leave empty.',
    brand: 'Card type (optional)',
    brandNone: '— I don’t know —',
    cardAdd: 'Add the card payment',
    creditAmount: 'Amount taken from credit',
    creditAvailable: 'Credit available: {amount}.',
    creditAdd: 'Use the credit',
    creditTooMuch: 'The credit available is only {amount}.',
    tooMuch: 'Only {amount} is left to pay: correct the amount.',
    required: 'This is needed.',
    cancelForm: 'Cancel',
    chequeLabel: 'Cheque no. {number} ({bank})',
    cardLabel: 'Card {brand}',
    authLabel: 'authorization {code}',
    summary: 'To pay',
    total: 'Total',
    paidExact: 'Paid by cheque, card or credit',
    remaining: 'Left to pay',
    rounding: 'Rounding',
    cashToPay: 'Cash due',
    change: 'Change to give',
    statusPaid: '✔ Everything is paid: choose “Check out”.',
    statusChoose: `Choose how the member pays: ${PAYMENT_METHOD_WORDS.en.cash}, ${PAYMENT_METHOD_WORDS.en.cheque} or ${PAYMENT_METHOD_WORDS.en.card}.`,
    statusMissing: '{amount} is left to pay: add a payment.',
    statusTendered: 'Type the amount tendered: at least {amount}.',
    statusOver: 'The payments exceed the total by {amount}: remove or correct a payment.',
    statusCashUseless: 'Everything is already paid without cash: remove the cash payment.',
    statusCashTiny: 'The rest ({amount}) rounds to $0.00 in cash: correct the cheque or card amount instead.',
    checkout: 'Check out',
    confirmTitle: 'Confirm the sale of {amount}?',
    confirmOk: 'Confirm the sale',
    confirmTendered: 'tendered {amount}',
    confirmChange: 'Change to give: {amount}',
    forceButton: 'Renew anyway',
    forceTitle: 'Renew a second time?',
    forceBody: 'The member already renewed. If you go on, they pay for another membership, which follows the first one. Only do it if the member asks.',
    waitlistButton: 'Go to the waitlist',
    waitlistHint: 'Remove the full activity from the cart, then put the member on the waitlist from the activities screen.',
    clearTitle: 'Empty the cart?',
    clearBody: 'Every item and payment in the cart will be removed. Nothing has been sold yet.',
    clearOk: 'Empty the cart',
    leaveTitle: 'Leave the cart?',
    leaveBody: 'The items stay in the cart, but the payments already added will be forgotten.',
    leaveOk: 'Leave the cart',
    cardWarning: 'Careful: a card payment was already approved on the terminal. Cancel it on the terminal too.',
    removeCardTitle: 'Remove this card payment?',
    removeCardBody: 'The terminal already approved {amount}. If you remove it here, cancel it on the terminal too, or the member will be charged.',
    removeCardOk: 'Remove the payment',
    busy: 'One moment…',
  },
};

/** What `useTexts(CHECKOUT_TEXTS)` returns, for the helpers that are handed it. */
export type CheckoutT = ReturnType<typeof useTexts<keyof (typeof CHECKOUT_TEXTS)['fr']>>;

/** The cart shows amounts everywhere: each part writes them in the desk's language the same way. */
export function useMoney(): (cents: number) => string {
  const language = useLanguage();
  return (cents) => formatMoney(cents, language);
}
