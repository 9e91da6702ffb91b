import { formatLongDate } from '../../src-shared/dates.js';
import type { Language } from '../../src-shared/language.js';

/** An email's subject and plain text, in the member's language. */
export interface EmailContent {
  subject: string;
  text: string;
}

/** What a receipt's email says: the PDF is attached beside it. */
export interface ReceiptEmailFacts {
  clubName: string;
  /** The member's first name, or null for a receipt made out to nobody in particular. */
  firstName: string | null;
  receiptNumber: string;
  language: Language;
}

/** What a membership's confirmation says (the member guide: « vous recevrez un message de confirmation »). */
export interface MembershipEmailFacts {
  clubName: string;
  firstName: string;
  memberNumber: number;
  /** The period paid for, business dates (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string;
  receiptNumber: string;
  language: Language;
}

const WORDS = {
  fr: {
    hello: (name: string | null) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    receiptSubject: (receipt: string, club: string) => `Votre reçu ${receipt} — ${club}`,
    receiptBody: (receipt: string) => `Vous trouverez ci-joint votre reçu ${receipt} (PDF), à conserver.`,
    membershipSubject: (club: string) => `Confirmation de votre adhésion — ${club}`,
    membershipBody: (club: string, from: string, to: string) => `Votre adhésion au ${club} est payée du ${from} au ${to}.`,
    membershipNumber: (n: number, receipt: string) => `Numéro de membre : ${n} · Reçu : ${receipt}`,
    thanks: 'Merci de votre soutien\u00a0!',
    automatic: 'Ce message est envoyé automatiquement ; pour toute question, adressez-vous à l’accueil du club.',
  },
  en: {
    hello: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    receiptSubject: (receipt: string, club: string) => `Your receipt ${receipt} — ${club}`,
    receiptBody: (receipt: string) => `Please find attached your receipt ${receipt} (PDF), for your records.`,
    membershipSubject: (club: string) => `Your membership is confirmed — ${club}`,
    membershipBody: (club: string, from: string, to: string) => `Your membership of ${club} is paid from ${from} to ${to}.`,
    membershipNumber: (n: number, receipt: string) => `Member number: ${n} · Receipt: ${receipt}`,
    thanks: 'Thank you for your support!',
    automatic: 'This message is sent automatically; for any question, please ask at the club’s front desk.',
  },
} as const;

function letter(language: Language, club: string, name: string | null, body: string[]): string {
  const w = WORDS[language];
  return [w.hello(name), '', ...body, '', w.thanks, club, '', '--', w.automatic, ''].join('\n');
}

/** The email that carries a receipt's PDF. */
export function receiptEmail(facts: ReceiptEmailFacts): EmailContent {
  const w = WORDS[facts.language];
  return { subject: w.receiptSubject(facts.receiptNumber, facts.clubName), text: letter(facts.language, facts.clubName, facts.firstName, [w.receiptBody(facts.receiptNumber)]) };
}

/** The confirmation of a membership paid for (a renewal, or a first membership). */
export function membershipEmail(facts: MembershipEmailFacts): EmailContent {
  const w = WORDS[facts.language];
  const period = w.membershipBody(facts.clubName, formatLongDate(facts.startsOn, facts.language), formatLongDate(facts.endsOn, facts.language));
  return {
    subject: w.membershipSubject(facts.clubName),
    text: letter(facts.language, facts.clubName, facts.firstName, [period, w.membershipNumber(facts.memberNumber, facts.receiptNumber)]),
  };
}
