import { wordsOf } from './i18n';

/** The cart's words on every screen that sells: whose cart it is, and the question before mixing two. */
export const CART_TEXTS = wordsOf({
  fr: {
    cartOf: 'Panier de {name} : {items}',
    walkInCart: 'Vente sans membre : {items}',
    walkInName: 'la vente sans membre',
    startWalkIn: 'Vente sans membre (don)',
    askTitle: 'Le panier de {owner} n’est pas terminé',
    askBody: 'Il contient {items}. {other} ne fait pas partie du ménage de {owner}. Que voulez-vous faire?',
    backToCart: 'Retourner au panier de {owner}',
    addAnyway: 'Ajouter au même panier (un seul reçu)',
    startOver: 'Vider le panier et commencer celui de {other}',
    keep: 'Annuler',
  },
  en: {
    cartOf: 'Cart of {name}: {items}',
    walkInCart: 'Sale without a member: {items}',
    walkInName: 'the sale without a member',
    startWalkIn: 'Sale without a member (donation)',
    askTitle: '{owner}’s cart is not finished',
    askBody: 'It holds {items}. {other} is not in {owner}’s household. What would you like to do?',
    backToCart: 'Back to {owner}’s cart',
    addAnyway: 'Add to the same cart (one receipt)',
    startOver: 'Empty the cart and start one for {other}',
    keep: 'Cancel',
  },
});
