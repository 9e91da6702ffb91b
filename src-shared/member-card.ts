import { formatLongDate } from './dates.js';
import type { Language } from './language.js';
import type { MembershipStatus } from './memberships.js';
import type { Words } from './words.js';

/** The member card's words, once: the printed card and its preview on screen say the same. */
export const CARD_WORDS: Words<'title' | 'number' | 'validUntil' | 'validFrom' | 'expiredOn' | 'status' | 'notMember' | 'cut' | 'keep'> = {
  fr: {
    title: 'Carte de membre',
    number: 'No de membre',
    validUntil: 'Valide jusqu’au',
    validFrom: 'Valide à partir du',
    expiredOn: 'Expirée le',
    status: 'Statut',
    notMember: 'Non membre',
    cut: 'Découpez la carte le long des traits de coupe.',
    keep: 'Présentez-la au comptoir et aux activités du club.',
  },
  en: {
    title: 'Member card',
    number: 'Member number',
    validUntil: 'Valid until',
    validFrom: 'Valid from',
    expiredOn: 'Expired on',
    status: 'Status',
    notMember: 'Not a member',
    cut: 'Cut the card out along the crop marks.',
    keep: 'Show it at the desk and at the club’s activities.',
  },
};

/** What the card says about the membership: valid until, valid from, expired on, or not a member. */
export function cardValidity(status: MembershipStatus, language: Language): { label: string; value: string } {
  const words = CARD_WORDS[language];
  switch (status.kind) {
    case 'active':
      return { label: words.validUntil, value: formatLongDate(status.expiresOn, language) };
    case 'upcoming':
      return { label: words.validFrom, value: formatLongDate(status.startsOn, language) };
    case 'grace':
    case 'expired':
      return { label: words.expiredOn, value: formatLongDate(status.expiresOn, language) };
    case 'never':
      return { label: words.status, value: words.notMember };
  }
}
