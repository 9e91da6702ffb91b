import type { Language } from '../db/schema.js';
import { formatShortDateTime, formatLongDate } from '../../src-shared/dates.js';
import { countOf } from '../../src-shared/words.js';
import type { AccessEntry } from '../core/ledger/access-log.js';
import type { Erased, LapsedMember } from '../core/privacy/erasure.js';

const t = (language: Language, fr: string, en: string) => (language === 'fr' ? fr : en);

const WHAT: Record<Language, Record<AccessEntry['what'], string>> = {
  fr: { profile: 'fiche', card: 'carte', receipt: 'reçu', search: 'recherche', list: 'liste', export: 'exportation' },
  en: { profile: 'record', card: 'card', receipt: 'receipt', search: 'search', list: 'list', export: 'export' },
};

/** The access log, one line per access, newest first. */
export function accessLogText(entries: AccessEntry[], l: Language): string {
  if (entries.length === 0) return t(l, 'Aucun accès consigné.', 'No access logged.');
  return entries
    .map((e) => {
      const member = e.memberNumber === null ? '' : t(l, ` — membre ${e.memberNumber}`, ` — member ${e.memberNumber}`);
      const detail = e.detail ? ` (${e.detail})` : '';
      return `${formatShortDateTime(e.at, l)}  ${e.userName} : ${WHAT[l][e.what]}${member}${detail}`;
    })
    .join('\n');
}

export function lapsedText(members: LapsedMember[], years: number, l: Language): string {
  if (members.length === 0) return t(l, `Aucun membre sans nouvelles depuis plus de ${years} ans.`, `No member unheard of for more than ${years} years.`);
  return [
    t(l, `${countOf(members.length, 'member', l)} sans nouvelles depuis plus de ${years} ans :`, `${countOf(members.length, 'member', l)} unheard of for more than ${years} years:`),
    ...members.map((m) => `  ${m.number}  ${m.firstName} ${m.lastName}  ${t(l, 'vu·e pour la dernière fois le', 'last seen')} ${formatLongDate(m.lastSeen, l)}`),
  ].join('\n');
}

export function erasedText(erased: Erased[], l: Language): string {
  if (erased.length === 0) return t(l, 'Aucun membre à anonymiser.', 'No member to anonymise.');
  return [
    t(l, `Renseignements personnels effacés (${erased.length}) :`, `Personal information erased (${erased.length}):`),
    ...erased.map((e) => `  ${e.number}${e.redactedEntries ? ` (${countOf(e.redactedEntries, 'rewrittenLogEntry', l)})` : ''}`),
    t(l, 'Les reçus, adhésions et inscriptions restent, au nom de « Membre anonymisé ».', 'Receipts, memberships and registrations stay, under "Membre anonymisé".'),
  ].join('\n');
}
