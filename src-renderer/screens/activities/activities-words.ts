import type { Texts } from '../../app/i18n';
import { REGISTRATION_STATUS_WORDS } from '../../../src-shared/words';

/** The activities screen's words, in French and English: one list for the screen and its parts, so a key is never defined twice. */
export const ACTIVITIES_TEXTS: Texts<
  | 'title'
  | 'back'
  | 'backToProfile'
  | 'season'
  | 'allSeasons'
  | 'chooseHint'
  | 'none'
  | 'code'
  | 'name'
  | 'leader'
  | 'schedule'
  | 'place'
  | 'price'
  | 'places'
  | 'membership'
  | 'action'
  | 'free'
  | 'unlimited'
  | 'full'
  | 'fullWaiting'
  | 'left'
  | 'forMember'
  | 'pickTitle'
  | 'pickLabel'
  | 'pickHint'
  | 'pick'
  | 'pickChoices'
  | 'pickNumber'
  | 'pickNone'
  | 'changeMember'
  | 'addToCart'
  | 'register'
  | 'waitlist'
  | 'viewCart'
  | 'isRegistered'
  | 'isWaitlisted'
  | 'needsMembership'
  | 'renewFirst'
  | 'registered'
  | 'registeredPayLater'
  | 'waitlisted'
  | 'waitTitle'
  | 'waitBody'
  | 'waitConfirm'
  | 'keep'
  | 'rosterOf'
  | 'backToList'
  | 'registeredList'
  | 'waitlistList'
  | 'nobody'
  | 'nobodyWaiting'
  | 'rank'
  | 'person'
  | 'paid'
  | 'cancelReg'
  | 'removeWait'
  | 'cancelTitle'
  | 'removeTitle'
  | 'cancelBody'
  | 'cancelPaid'
  | 'removeBody'
  | 'keepReg'
  | 'cancelled'
  | 'removed'
  | 'movedUp'
  | 'movedUpPhone'
  | 'phone'
  | 'printList'
  | 'noMovedUp'
  | 'dates'
  | 'loadFailed'
  | 'labelFor'
  | 'renewalAdded'
  | 'renewalInCart'
> = {
  fr: {
    title: 'Activités',
    back: 'Retour',
    backToProfile: 'Retour au profil',
    season: 'Saison',
    allSeasons: 'Toutes les saisons',
    chooseHint: 'Choisissez le nom d’une activité pour voir la liste des inscrits et la liste d’attente.',
    none: 'Aucune activité pour cette saison.',
    code: 'Code',
    name: 'Activité',
    leader: 'Responsable',
    schedule: 'Horaire',
    place: 'Lieu',
    price: 'Prix',
    places: 'Places libres',
    membership: 'Adhésion requise',
    action: 'Pour ce membre',
    free: 'Gratuit',
    unlimited: 'Sans limite',
    full: 'Complet',
    fullWaiting: '{n} en attente',
    left: '{n} sur {cap}',
    forMember: 'Inscrire : {name} (no {n})',
    pickTitle: 'Inscrire un membre',
    pickLabel: 'Nom ou no de membre',
    pickHint: 'Tapez le nom (« trem sol ») ou le numéro sur la carte, puis Entrée.',
    pickChoices: 'Membres trouvés',
    pickNumber: 'no {n}',
    pickNone: 'Aucun membre ne correspond. Vérifiez l’orthographe ou le numéro.',
    pick: 'Choisir ce membre',
    changeMember: 'Changer de membre',
    addToCart: 'Ajouter au panier',
    register: 'Inscrire',
    waitlist: 'Mettre sur la liste d’attente',
    viewCart: 'Déjà au panier : voir le panier',
    isRegistered: REGISTRATION_STATUS_WORDS.fr.registered,
    isWaitlisted: 'En attente, rang {n}',
    needsMembership: 'Adhésion à renouveler d’abord',
    renewFirst: 'Renouveler l’adhésion',
    registered: '{name} est inscrit à « {activity} ».',
    registeredPayLater: 'Une place était libre : {name} est inscrit à « {activity} ». Ajoutez l’activité au panier pour la payer.',
    waitlisted: '{name} est sur la liste d’attente de « {activity} » : rang {n}.',
    waitTitle: 'Mettre {name} sur la liste d’attente ?',
    waitBody: '« {activity} » est complet. Sur la liste d’attente, {name} aura le rang {n}. Si une place se libère, la première personne de la liste prend la place.',
    waitConfirm: 'Mettre sur la liste d’attente',
    keep: 'Ne rien faire',
    rosterOf: 'Liste des inscrits : {activity}',
    backToList: 'Retour aux activités',
    registeredList: 'Inscrits ({n})',
    waitlistList: 'Liste d’attente ({n})',
    nobody: 'Personne n’est inscrit pour l’instant.',
    nobodyWaiting: 'Personne n’attend.',
    rank: 'Rang',
    person: 'Membre',
    paid: 'Paiement',
    cancelReg: 'Annuler l’inscription',
    removeWait: 'Retirer de la liste',
    cancelTitle: 'Annuler l’inscription de {name} à « {activity} » ?',
    removeTitle: 'Retirer {name} de la liste d’attente de « {activity} » ?',
    cancelBody: 'Sa place ira à la première personne de la liste d’attente, s’il y en a une.',
    cancelPaid: 'Cette inscription a été payée : l’annulation ne rembourse pas. S’il faut rembourser, faites-le à partir du reçu.',
    removeBody: 'Les personnes qui suivent avancent d’un rang.',
    keepReg: 'Garder l’inscription',
    cancelled: 'L’inscription de {name} à « {activity} » est annulée.',
    removed: '{name} n’est plus sur la liste d’attente de « {activity} ».',
    movedUp: '{name} (no {n}) passe de la liste d’attente aux inscrits : prévenez cette personne.',
    movedUpPhone: '{name} (no {n}) passe de la liste d’attente aux inscrits : appelez cette personne au {phone}.',
    phone: 'Téléphone',
    printList: 'Imprimer la liste',
    noMovedUp: 'Personne n’attendait : la place est libre.',
    dates: 'Du {from} au {to}',
    loadFailed: 'Les activités n’ont pas pu être lues. Revenez en arrière et réessayez.',
    labelFor: '{action} : {name}',
    renewalAdded: 'Le renouvellement de l’adhésion de {name} est dans le panier. Choisissez maintenant les activités ; tout sera payé ensemble.',
    renewalInCart: 'Renouvellement au panier',
  },
  en: {
    title: 'Activities',
    back: 'Back',
    backToProfile: 'Back to the profile',
    season: 'Season',
    allSeasons: 'All seasons',
    chooseHint: 'Choose an activity’s name to see who is registered and the waitlist.',
    none: 'No activities for this season.',
    code: 'Code',
    name: 'Activity',
    leader: 'Leader',
    schedule: 'Schedule',
    place: 'Place',
    price: 'Price',
    places: 'Places left',
    membership: 'Membership required',
    action: 'For this member',
    free: 'Free',
    unlimited: 'No limit',
    full: 'Full',
    fullWaiting: '{n} waiting',
    left: '{n} of {cap}',
    forMember: 'Registering: {name} (no. {n})',
    pickTitle: 'Register a member',
    pickLabel: 'Name or member number',
    pickHint: 'Type the name (“trem sol”) or the number on the card, then Enter.',
    pickChoices: 'Members found',
    pickNumber: 'no. {n}',
    pickNone: 'No member matches. Check the spelling or the number.',
    pick: 'Choose this member',
    changeMember: 'Change member',
    addToCart: 'Add to cart',
    register: 'Register',
    waitlist: 'Put on the waitlist',
    viewCart: 'Already in the cart: see the cart',
    isRegistered: REGISTRATION_STATUS_WORDS.en.registered,
    isWaitlisted: 'Waiting, position {n}',
    needsMembership: 'Membership to renew first',
    renewFirst: 'Renew the membership',
    registered: '{name} is registered to “{activity}”.',
    registeredPayLater: 'A place was free: {name} is registered to “{activity}”. Add the activity to the cart to pay for it.',
    waitlisted: '{name} is on the waitlist of “{activity}”: position {n}.',
    waitTitle: 'Put {name} on the waitlist?',
    waitBody: '“{activity}” is full. On the waitlist, {name} will be number {n}. When a place frees up, the first person on the list takes it.',
    waitConfirm: 'Put on the waitlist',
    keep: 'Do nothing',
    rosterOf: 'Who is registered: {activity}',
    backToList: 'Back to the activities',
    registeredList: 'Registered ({n})',
    waitlistList: 'Waitlist ({n})',
    nobody: 'Nobody is registered yet.',
    nobodyWaiting: 'Nobody is waiting.',
    rank: 'Position',
    person: 'Member',
    paid: 'Payment',
    cancelReg: 'Cancel the registration',
    removeWait: 'Remove from the list',
    cancelTitle: 'Cancel the registration of {name} to “{activity}”?',
    removeTitle: 'Remove {name} from the waitlist of “{activity}”?',
    cancelBody: 'The place goes to the first person on the waitlist, if there is one.',
    cancelPaid: 'This registration was paid: cancelling does not refund. If a refund is due, do it from the receipt.',
    removeBody: 'The people after move up one position.',
    keepReg: 'Keep the registration',
    cancelled: 'The registration of {name} to “{activity}” is cancelled.',
    removed: '{name} is no longer on the waitlist of “{activity}”.',
    movedUp: '{name} (no. {n}) moves up from the waitlist to registered: let this person know.',
    movedUpPhone: '{name} (no. {n}) moves up from the waitlist to registered: call them at {phone}.',
    phone: 'Phone',
    printList: 'Print the list',
    noMovedUp: 'Nobody was waiting: the place is free.',
    dates: 'From {from} to {to}',
    loadFailed: 'The activities could not be read. Go back and try again.',
    labelFor: '{action}: {name}',
    renewalAdded: 'The renewal of {name}’s membership is in the cart. Now choose the activities; everything is paid together.',
    renewalInCart: 'Renewal in the cart',
  },
};
