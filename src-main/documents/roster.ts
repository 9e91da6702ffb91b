import type { ClubSettings } from '../core/desk/desk.js';
import type { Roster } from '../core/activities/views.js';
import { newPdf, savePdf } from './fonts.js';
import type { Language } from './format.js';
import { formatDateTime } from '../../src-shared/dates.js';
import { REGISTRATION_PAYMENT_WORDS, withColon } from '../../src-shared/words.js';
import { LETTER, Sheet } from './sheet.js';

const WORDS = {
  fr: {
    title: (name: string, season: string) => `Liste — ${name} (${season})`,
    continued: (name: string) => `Liste — ${name} (suite)`,
    printed: (at: string) => `Imprimée le ${at}`,
    schedule: 'Horaire',
    place: 'Lieu',
    leader: 'Responsable',
    registered: (n: number) => `Inscrits (${n})`,
    waitlist: (n: number) => `Liste d’attente (${n})`,
    nobody: 'Personne pour l’instant.',
    name: 'Nom',
    number: 'No de membre',
    phone: 'Téléphone',
    payment: 'Paiement',
    rank: 'Rang',
    page: (name: string, page: number, pages: number) => `${name} · page ${page} de ${pages}`,
  },
  en: {
    title: (name: string, season: string) => `List — ${name} (${season})`,
    continued: (name: string) => `List — ${name} (continued)`,
    printed: (at: string) => `Printed on ${at}`,
    schedule: 'Schedule',
    place: 'Place',
    leader: 'Leader',
    registered: (n: number) => `Registered (${n})`,
    waitlist: (n: number) => `Waitlist (${n})`,
    nobody: 'Nobody yet.',
    name: 'Name',
    number: 'Member no.',
    phone: 'Phone',
    payment: 'Payment',
    rank: 'Rank',
    page: (name: string, page: number, pages: number) => `${name} · page ${page} of ${pages}`,
  },
};

/**
 * An activity's list on letter paper, for the leader's clipboard: who is registered (with a phone
 * to call and where their payment stands), then the waitlist in order.
 */
export async function rosterPdf(roster: Roster, club: Pick<ClubSettings, 'clubName'>, options: { language: Language; printedAt: string }): Promise<Uint8Array> {
  const { language } = options;
  const w = WORDS[language];
  const { activity } = roster;
  const { doc, fonts } = await newPdf({ title: w.title(activity.name, activity.season), language, at: new Date(options.printedAt) });
  const sheet = new Sheet(fonts, LETTER, 10.5, (s) => {
    s.text(w.continued(activity.name), { bold: true });
    s.rule();
  });
  const base = sheet.baseSize;
  sheet.text(club.clubName, { size: base + 2, bold: true });
  sheet.text(w.title(activity.name, activity.season), { size: base + 6, bold: true });
  sheet.text(w.printed(formatDateTime(options.printedAt, language)));
  for (const [label, value] of [
    [w.schedule, activity.schedule],
    [w.place, activity.place],
    [w.leader, activity.leader],
  ] as const) {
    if (value) sheet.text(`${withColon(label, language)} ${value}`);
  }
  sheet.rule();

  const person = (r: Roster['registered'][number]) => `${r.lastName}, ${r.firstName}`;
  sheet.space(base * 0.6);
  sheet.text(w.registered(roster.registered.length), { size: base + 2.5, bold: true, keepWithNext: sheet.leading() * 3 });
  if (roster.registered.length === 0) sheet.text(w.nobody);
  else {
    sheet.table(
      [{ title: w.name, share: 3 }, { title: w.number, share: 1.3 }, { title: w.phone, share: 2 }, { title: w.payment, share: 1.3 }],
      roster.registered.map((r) => [person(r), String(r.memberNumber), r.phone ?? '—', REGISTRATION_PAYMENT_WORDS[language][r.payment]]),
    );
  }
  sheet.space(base * 0.9);
  sheet.text(w.waitlist(roster.waitlist.length), { size: base + 2.5, bold: true, keepWithNext: sheet.leading() * 3 });
  if (roster.waitlist.length === 0) sheet.text(w.nobody);
  else {
    sheet.table(
      [{ title: w.rank, share: 0.7 }, { title: w.name, share: 3 }, { title: w.number, share: 1.3 }, { title: w.phone, share: 2 }],
      roster.waitlist.map((r, i) => [String(r.waitlistPosition ?? i + 1), person(r), String(r.memberNumber), r.phone ?? '—']),
    );
  }
  sheet.render(doc, (page, pages) => w.page(activity.name, page, pages));
  return savePdf(doc);
}
