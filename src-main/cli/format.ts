import type { Language } from '../db/schema.js';
import { businessDate, formatClockTime } from '../../src-shared/dates.js';
import type { DuplicateCandidate } from '../core/members/views.js';
import { countOf, DUPLICATE_REASON_WORDS, LINE_KIND_TOTAL_WORDS, ORDER_KIND_WORDS, PAYMENT_METHOD_WORDS, REGISTRATION_STATUS_WORDS, REPORT_WORDS, withColon } from '../../src-shared/words.js';
import type { MemberView } from '../core/members/views.js';
import { formatMoney } from '../../src-shared/money.js';
import type { OrderView } from '../core/sales/views.js';
import type { RegistrationView } from '../core/activities/views.js';
import type { DayReport } from '../core/cash/views.js';
import type { SearchPage } from '../core/members/views.js';
import type { Violation } from '../core/ledger/verify.js';
import type { Restored } from '../core/ledger/restore.js';
import type { SyncStatus } from '../core/ledger/sync-progress.js';

/**
 * What people read when they leave out --json: short, plain, in the club's words (*no de membre*,
 * *Expire*, *Crédit*, *Mes reçus*). Scripts should use --json, whose shapes docs/CLI.md fixes.
 */

const t = (language: Language, fr: string, en: string) => (language === 'fr' ? fr : en);
const money = (cents: number, language: Language) => formatMoney(cents, language);
const name = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;


export function initialized(
  data: { file: string; desk: { name: string; receiptPrefix: string }; memberNumbers: { first: number; last: number } },
  l: Language,
): string {
  return [
    t(l, `Poste « ${data.desk.name} » prêt.`, `Desk "${data.desk.name}" is ready.`),
    t(l, `Reçus : ${data.desk.receiptPrefix}-000001, ${data.desk.receiptPrefix}-000002…`, `Receipts: ${data.desk.receiptPrefix}-000001, ${data.desk.receiptPrefix}-000002…`),
    t(l, `Numéros de membre : ${data.memberNumbers.first} à ${data.memberNumbers.last}.`, `Member numbers: ${data.memberNumbers.first} to ${data.memberNumbers.last}.`),
    t(l, `Fichier : ${data.file}`, `File: ${data.file}`),
  ].join('\n');
}

export function joined(data: { file: string; encrypted: boolean; desk: { name: string; receiptPrefix: string }; club: string; sync: SyncStatus }, l: Language): string {
  return [
    t(l, `Poste « ${data.desk.name} » joint au serveur du club ${data.club} (${data.sync.address}).`, `Desk "${data.desk.name}" joined the club's server for ${data.club} (${data.sync.address}).`),
    t(l, `Reçus : ${data.desk.receiptPrefix}-000001, ${data.desk.receiptPrefix}-000002…`, `Receipts: ${data.desk.receiptPrefix}-000001, ${data.desk.receiptPrefix}-000002…`),
    syncLine(data.sync, l),
    t(l, `Fichier : ${data.file}`, `File: ${data.file}`),
    // The club's members arrive in it: said plainly when nothing protects them on this disk.
    ...(data.encrypted
      ? []
      : [
          t(
            l,
            `Attention : ce fichier n'est pas chiffré, et il contient les données personnelles des membres du club. Donnez une clé (--key-file FICHIER, 64 chiffres hexadécimaux) pour le chiffrer.`,
            `Warning: this file is not encrypted, and it holds the club members' personal data. Give a key (--key-file FILE, 64 hexadecimal digits) to encrypt it.`,
          ),
        ]),
  ].join('\n');
}

/** One line on how the desk stands with its server, in the header's words. */
export function syncLine(s: SyncStatus, l: Language): string {
  if (s.pushRefusal) return t(l, `À vérifier : ${s.pushRefusal}`, `To check: ${s.pushRefusal}`);
  if (s.lastError) return t(l, `Hors ligne : ${s.lastError} ${countOf(s.waiting, 'waitingOperation', 'fr')}.`, `Offline: ${s.lastError} ${countOf(s.waiting, 'waitingOperation', 'en')}.`);
  if (s.toCheck > 0) return t(l, `${countOf(s.toCheck, 'operationToCheck', 'fr')}.`, `${countOf(s.toCheck, 'operationToCheck', 'en')}.`);
  if (s.synced) return t(l, 'Synchronisé : le serveur a tout reçu et le poste a tout reçu du serveur.', 'In sync: the server has everything and the desk has everything from the server.');
  return t(l, `${countOf(s.waiting, 'waitingOperation', 'fr')}.`, `${countOf(s.waiting, 'waitingOperation', 'en')}.`);
}

export function synced(data: { sync: SyncStatus; applied: number }, l: Language): string {
  return [syncLine(data.sync, l), t(l, `Reçu du serveur : ${countOf(data.applied, 'operation', 'fr')}.`, `Received from the server: ${countOf(data.applied, 'operation', 'en')}.`)].join('\n');
}

function memberLine(m: MemberView, l: Language): string {
  return `${t(l, 'No de membre', 'Member no')} ${m.number} — ${name(m)} — ${m.statusLabel}`;
}

export function memberCreated(m: MemberView, l: Language): string {
  return `${t(l, 'Membre créé', 'Member created')} : ${memberLine(m, l)}`;
}

export function duplicates(message: string, candidates: DuplicateCandidate[], l: Language): string {
  const lines = candidates.map((c) => {
    const reasons = c.reasons.map((r) => DUPLICATE_REASON_WORDS[l][r]).join(', ');
    return `  ${c.number}  ${name(c)}${c.birthDate ? ` (${c.birthDate})` : ''} — ${reasons}`;
  });
  return [message, ...lines, t(l, 'Rien n’a été créé. Ajoutez --force si c’est bien une autre personne.', 'Nothing was created. Add --force if this really is another person.')].join('\n');
}

export function searchResults(page: SearchPage, l: Language): string {
  if (page.results.length === 0) return t(l, `Aucun membre trouvé pour « ${page.query} ».`, `No member found for "${page.query}".`);
  const lines = page.results.map((m) => `${String(m.number).padEnd(8)} ${`${m.lastName}, ${m.firstName}`.padEnd(32)} ${m.statusLabel}`);
  if (page.hasMore) lines.push(t(l, '… d’autres membres correspondent : précisez la recherche ou ajoutez --limit.', '… more members match: refine the search or add --limit.'));
  return lines.join('\n');
}

function orderLine(o: OrderView, l: Language): string {
  const kind = ORDER_KIND_WORDS[l][o.kind].toLowerCase();
  const corrected = o.originalReceiptNumber ? ` (${t(l, 'corrige', 'corrects')} ${o.originalReceiptNumber})` : '';
  const what = o.lines.map((line) => line.description).join(', ');
  return `  ${o.receiptNumber}  ${o.businessDate}  ${kind}${corrected}  ${money(o.totalCents, l)}  ${what}`;
}

export function memberShown(data: { member: MemberView; orders: OrderView[]; registrations: RegistrationView[] }, l: Language): string {
  const m = data.member;
  const facts: [string, string | null][] = [
    [t(l, 'Courriel', 'Email'), m.email],
    [t(l, 'Téléphone', 'Phone'), m.phone],
    [t(l, 'Naissance', 'Birth date'), m.birthDate],
    [t(l, 'Adresse', 'Address'), [m.address, m.city, m.postalCode].filter(Boolean).join(', ') || null],
    [t(l, 'Création', 'Created'), businessDate(new Date(m.createdAt))],
    [t(l, 'Expire', 'Expires'), m.expiresOn],
    [PAYMENT_METHOD_WORDS[l].credit, money(m.creditCents, l)],
    [t(l, 'Ménage', 'Household'), m.household ? m.household.members.map((h) => `${h.number} ${name(h)}`).join(', ') : null],
  ];
  const lines = [memberLine(m, l), ...facts.filter(([, v]) => v).map(([k, v]) => `  ${k} : ${v}`)];
  lines.push(t(l, 'Mes inscriptions :', 'My registrations:'));
  if (data.registrations.length === 0) lines.push(t(l, '  aucune', '  none'));
  for (const r of data.registrations) {
    lines.push(`  ${r.activityCode}  ${r.activityName}  ${REGISTRATION_STATUS_WORDS[l][r.status]}${r.waitlistPosition ? ` #${r.waitlistPosition}` : ''}`);
  }
  lines.push(t(l, 'Mes reçus (transactions) :', 'My receipts (transactions):'));
  if (data.orders.length === 0) lines.push(t(l, '  aucun', '  none'));
  for (const o of data.orders) lines.push(orderLine(o, l));
  return lines.join('\n');
}

export function renewed(
  data: { receiptNumber: string; cashSessionOpened: boolean; cash: { dueCents: number; tenderedCents: number; changeCents: number } | null; period: { endsOn: string } | null; member: MemberView },
  l: Language,
): string {
  const lines = [];
  if (data.cashSessionOpened) lines.push(t(l, 'Caisse ouverte avec un fonds de caisse vide.', 'Cash drawer opened with an empty float.'));
  lines.push(t(l, `Reçu ${data.receiptNumber} — ${name(data.member)} (no ${data.member.number})`, `Receipt ${data.receiptNumber} — ${name(data.member)} (no ${data.member.number})`));
  if (data.period) lines.push(t(l, `Adhésion valide jusqu’au ${data.period.endsOn}.`, `Membership valid until ${data.period.endsOn}.`));
  if (data.cash) {
    lines.push(
      t(
        l,
        `À payer ${money(data.cash.dueCents, l)} · remis ${money(data.cash.tenderedCents, l)} · monnaie à rendre ${money(data.cash.changeCents, l)}`,
        `Due ${money(data.cash.dueCents, l)} · tendered ${money(data.cash.tenderedCents, l)} · change ${money(data.cash.changeCents, l)}`,
      ),
    );
  }
  return lines.join('\n');
}

export function verified(violations: Violation[], l: Language): string {
  if (violations.length === 0) return 'OK';
  const head = t(l, `${countOf(violations.length, 'problem', l)} :`, `${countOf(violations.length, 'problem', l)} found:`);
  return [head, ...violations.map((v) => `  [${v.check}] ${v.message}`)].join('\n');
}

export function dayReportText(r: DayReport, l: Language): string {
  const m = (cents: number) => money(cents, l);
  const lines = [
    t(l, `Rapport de la journée du ${r.date}`, `Day report for ${r.date}`),
    t(l, `Ventes : ${r.orders.sales} · annulations : ${r.orders.voids} · remboursements : ${r.orders.refunds} · total net : ${m(r.orders.netTotalCents)}`, `Sales: ${r.orders.sales} · voids: ${r.orders.voids} · refunds: ${r.orders.refunds} · net total: ${m(r.orders.netTotalCents)}`),
    withColon(REPORT_WORDS[l].byMethod, l),
    ...r.byMethod.map((x) => `  ${PAYMENT_METHOD_WORDS[l][x.method].padEnd(16)} ${String(x.count).padStart(5)}  ${m(x.totalCents)}`),
    withColon(REPORT_WORDS[l].byKind, l),
    ...r.byLineKind.map((x) => `  ${LINE_KIND_TOTAL_WORDS[l][x.kind].padEnd(26)} ${String(x.count).padStart(5)}  ${m(x.totalCents)}`),
  ];
  if (r.byActivity.length) lines.push(withColon(REPORT_WORDS[l].byActivity, l), ...r.byActivity.map((a) => `  ${a.code.padEnd(12)} ${String(a.count).padStart(4)}  ${m(a.totalCents)}  ${a.name}`));
  lines.push(`${withColon(REPORT_WORDS[l].cheques, l)} ${r.cheques.items.length} · ${m(r.cheques.totalCents)}`);
  for (const c of r.cheques.items) lines.push(`  ${c.receiptNumber}  no ${c.chequeNumber}  ${c.bank}  ${m(c.amountCents)}`);
  lines.push(`${withColon(REPORT_WORDS[l].cards, l)} ${r.card.count} · ${m(r.card.totalCents)}`);
  if (r.corrections.length) lines.push(withColon(REPORT_WORDS[l].corrections, l));
  for (const c of r.corrections) lines.push(`  ${c.receiptNumber} → ${c.originalReceiptNumber}  ${m(c.totalCents)}  ${c.reason ?? ''} (${c.by})`);
  for (const s of r.cashSessions) {
    lines.push(
      t(l, `Caisse ${s.deskName}, ouverte par ${s.openedBy} à ${formatClockTime(s.openedAt, l)}`, `Drawer ${s.deskName}, opened by ${s.openedBy} at ${formatClockTime(s.openedAt, l)}`),
      t(l, `  fonds ${m(s.floatCents)} + ventes ${m(s.cashSalesCents)} + entrées ${m(s.cashInCents)} − sorties ${m(s.cashOutCents)} = attendu ${m(s.expectedCents)}`, `  float ${m(s.floatCents)} + sales ${m(s.cashSalesCents)} + in ${m(s.cashInCents)} − out ${m(s.cashOutCents)} = expected ${m(s.expectedCents)}`),
    );
    if (s.closedAt === null) lines.push(t(l, '  encore ouverte', '  still open'));
    else {
      const diff = s.differenceCents ?? 0;
      const verdict = diff === 0 ? t(l, 'juste', 'exact') : diff > 0 ? t(l, `surplus ${m(diff)}`, `over ${m(diff)}`) : t(l, `manque ${m(-diff)}`, `short ${m(-diff)}`);
      lines.push(t(l, `  compté ${m(s.countedCents ?? 0)} : ${verdict}${s.differenceReason ? ` (${s.differenceReason})` : ''} · fermée par ${s.closedBy} à ${formatClockTime(s.closedAt, l)}`, `  counted ${m(s.countedCents ?? 0)}: ${verdict}${s.differenceReason ? ` (${s.differenceReason})` : ''} · closed by ${s.closedBy} at ${formatClockTime(s.closedAt, l)}`));
    }
  }
  return lines.join('\n');
}

export function backedUp(paths: string[], l: Language): string {
  return [t(l, 'Copie de sauvegarde faite :', 'Backup made:'), ...paths.map((path) => `  ${path}`)].join('\n');
}

export function restored(r: Restored, l: Language): string {
  const kept = r.keptAs ? t(l, `\nL'ancienne base est gardée ici : ${r.keptAs}`, `\nThe old database is kept here: ${r.keptAs}`) : '';
  return t(
    l,
    `Sauvegarde remise en place (vérifiée, ${r.lastSeq} opérations) : ${r.from}${kept}\nLes ventes faites après cette sauvegarde sont à saisir de nouveau à partir des reçus.`,
    `Backup put back (checked, ${r.lastSeq} operations): ${r.from}${kept}\nSales made after this backup must be entered again from their receipts.`,
  );
}

export function userUnlocked(name: string, l: Language): string {
  return t(l, `Compte débloqué : ${name} peut se connecter de nouveau avec son NIP.`, `Account unlocked: ${name} can sign in again with their PIN.`);
}

export function keyCreated(path: string, l: Language): string {
  return t(
    l,
    `Clé créée : ${path}\nGardez-en une copie en lieu sûr, hors du portable : sans elle, la base chiffrée ne s'ouvre plus.`,
    `Key created: ${path}\nKeep a copy somewhere safe, off the laptop: without it, the encrypted database cannot be opened.`,
  );
}
