import type { Reader } from '../../db/sql.js';
import { entryHash, GENESIS_HASH, verifyAuditChain } from './audit.js';
import { asAuditRow } from './pulled.js';
import type { PulledEntryTable } from '../../db/schema.js';
import { replayMatches } from './verify-replay.js';
import { cashPayments, cashSessions, corrections, credit, orderTotals, rounding } from './verify-money.js';
import { countOf } from '../../../src-shared/words.js';

/** One broken invariant, said plainly in French for the treasurer or the support volunteer. */
export interface Violation {
  check: string;
  message: string;
  /** What it is about: a receipt, a member number, an audit entry, an operation id. */
  ref?: string;
}

/** More than this many problems of one kind says nothing more: the rest are counted. */
const MAX_PER_CHECK = 100;

/** A chain head kept elsewhere (a backup, later the central server): the log must still hold it. */
export interface Anchor {
  /** Where it was read, for the message: a backup's file name. */
  source: string;
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  /** Chain heads the log must still contain (a log never loses or changes an entry). */
  anchors?: readonly Anchor[];
}

/**
 * Checks everything the desk relies on and lists what is wrong (an empty list when the database
 * is sound): SQLite's own check of the file first (a damaged file is checked no further); then
 * that the tables are exactly what replaying the audit log gives (so any edit the log does not
 * explain is found, however consistent); the chain itself, and the anchors it must still hold;
 * and the invariants, straight from the tables, never trusting a cached value. Reads only.
 */
export function verifyDatabase(r: Reader, options: VerifyOptions = {}): Violation[] {
  const found: Violation[] = [];
  const add = (check: string, problems: Problem[]) => {
    for (const problem of problems.slice(0, MAX_PER_CHECK)) found.push({ check, ...problem });
    if (problems.length > MAX_PER_CHECK) {
      found.push({ check, message: `… et ${countOf(problems.length - MAX_PER_CHECK, 'otherProblem', 'fr')} du même genre.` });
    }
  };
  add('file', fileIntegrity(r));
  if (found.length > 0) return found;
  add('anchors', anchorsHeld(r, options.anchors ?? []));
  for (const [check, run] of CHECKS) add(check, run(r));
  return found;
}

export type Problem = Omit<Violation, 'check'>;
export type Check = (r: Reader) => Problem[];

/** Edit or delete any audit entry and the hash chain breaks from there on. */
const auditChain: Check = (r) =>
  verifyAuditChain(r).map((brk) => {
    const { seq } = brk;
    const message =
      brk.kind === 'missing'
        ? `Journal d'audit : l'entrée ${brk.missingSeq} a disparu avant l'entrée ${seq}.`
        : brk.kind === 'changed'
          ? `Journal d'audit : l'entrée ${seq} a été modifiée après coup.`
          : `Journal d'audit : l'entrée ${seq} ne suit pas l'entrée précédente (chaîne brisée).`;
    return { message, ref: `audit:${seq}` };
  });

/** The server's acknowledgement cursor can only point into this desk's own operations. */
const auditOutbox: Check = (r) =>
  r
    .rawAll<{ acknowledged: number; last: number | null }>(
      'SELECT s.acknowledged_seq AS acknowledged, (SELECT max(seq) FROM outbox) AS last FROM sync_state s WHERE s.id = 1',
    )
    .filter((row) => row.acknowledged > (row.last ?? 0))
    .map((row) => ({
      message: `La file d'envoi se dit reçue par le serveur jusqu'à l'opération ${row.acknowledged}, mais ce poste n'en a écrit que ${row.last ?? 0}.`,
      ref: `sync:${row.acknowledged}`,
    }));

/** A sale or a member the server never hears about would be lost to the club. */
/**
 * Every sale and member has its operation: in this desk's outbox when written here, among the
 * pulled entries when written at another desk (docs/SYNC.md).
 */
const outboxCoverage: Check = (r) => [
  ...r
    .rawAll<{ receipt: string }>(
      `SELECT receipt_number AS receipt FROM sale_order
       WHERE id NOT IN (SELECT entity_id FROM outbox WHERE entity_type = 'order')
         AND id NOT IN (SELECT entity_id FROM pulled_entry WHERE entity_type = 'order' AND problem IS NULL)
       ORDER BY receipt_number`,
    )
    .map((row) => ({ message: `La transaction ${row.receipt} n'a aucune opération dans le journal.`, ref: row.receipt })),
  ...r
    .rawAll<{ number: number }>(
      `SELECT number FROM member
       WHERE id NOT IN (SELECT entity_id FROM outbox WHERE entity_type = 'member')
         AND id NOT IN (SELECT entity_id FROM pulled_entry WHERE entity_type = 'member' AND problem IS NULL)
       ORDER BY number`,
    )
    .map((row) => ({ message: `Le membre no ${row.number} n'a aucune opération dans le journal.`, ref: String(row.number) })),
];

/** The entries pulled from each other desk (and the server) follow that desk's own hash chain, without a gap. */
const pulledChains: Check = (r) => {
  const problems: Problem[] = [];
  const last = new Map<string, { seq: number; hash: string }>();
  for (const entry of r.rawAll<PulledEntryTable>('SELECT * FROM pulled_entry ORDER BY desk_id, desk_seq')) {
    const before = last.get(entry.desk_id) ?? { seq: 0, hash: GENESIS_HASH };
    const where = `Entrée ${entry.desk_seq} reçue du poste ${entry.desk_id}`;
    if (entry.desk_seq !== before.seq + 1) problems.push({ message: `${where} : l'entrée ${before.seq + 1} manque avant elle.`, ref: `pulled:${entry.server_seq}` });
    else if (entry.prev_hash !== before.hash) problems.push({ message: `${where} : elle ne suit pas l'entrée précédente.`, ref: `pulled:${entry.server_seq}` });
    else if (entryHash(entry.prev_hash, asAuditRow(entry)) !== entry.hash) problems.push({ message: `${where} : elle a été modifiée après coup.`, ref: `pulled:${entry.server_seq}` });
    last.set(entry.desk_id, { seq: entry.desk_seq, hash: entry.hash });
  }
  return problems;
};

/** Receipt numbers run 1, 2, 3… per desk with no gap, and the counter is right after the last. */
const receipts: Check = (r) => {
  const problems: Problem[] = [];
  const desks = r.rawAll<{ id: string; prefix: string; next: number; n: number; hi: number | null }>(
    `SELECT d.id, d.receipt_prefix AS prefix, d.next_receipt_seq AS next,
       (SELECT count(*) FROM sale_order WHERE desk_id = d.id) AS n,
       (SELECT max(receipt_seq) FROM sale_order WHERE desk_id = d.id) AS hi
     FROM desk d ORDER BY d.receipt_prefix`,
  );
  for (const desk of desks) {
    const last = desk.hi ?? 0;
    if (desk.n !== last) {
      // Seqs are unique per desk, so a count short of the highest one means a hole somewhere.
      const holes = r.rawAll<{ first: number; last: number }>(
        `SELECT o.receipt_seq + 1 AS first,
           (SELECT min(receipt_seq) FROM sale_order WHERE desk_id = o.desk_id AND receipt_seq > o.receipt_seq) - 1 AS last
         FROM sale_order o WHERE o.desk_id = ? AND o.receipt_seq < ?
           AND NOT EXISTS (SELECT 1 FROM sale_order WHERE desk_id = o.desk_id AND receipt_seq = o.receipt_seq + 1)
         UNION ALL SELECT 1, min(receipt_seq) - 1 FROM sale_order WHERE desk_id = ? HAVING min(receipt_seq) > 1
         ORDER BY first`,
        desk.id,
        last,
        desk.id,
      );
      for (const hole of holes) {
        const which = hole.first === hole.last ? `le reçu no ${hole.first} manque` : `les reçus nos ${hole.first} à ${hole.last} manquent`;
        problems.push({ message: `Poste ${desk.prefix} : ${which} (les reçus doivent se suivre sans trou).`, ref: `${desk.prefix}-${hole.first}` });
      }
    }
    if (desk.next !== last + 1) {
      problems.push({
        message: `Poste ${desk.prefix} : le prochain numéro de reçu est ${desk.next}, il devrait être ${last + 1}.`,
        ref: desk.prefix,
      });
    }
  }
  for (const row of r.rawAll<{ receipt: string; expected: string | null }>(
    `SELECT * FROM (SELECT o.receipt_number AS receipt, d.receipt_prefix || '-' || printf('%06d', o.receipt_seq) AS expected
       FROM sale_order o LEFT JOIN desk d ON d.id = o.desk_id)
     WHERE expected IS NULL OR receipt <> expected ORDER BY receipt`,
  )) {
    problems.push({
      message: row.expected
        ? `Le reçu ${row.receipt} porte le mauvais numéro : il devrait s'appeler ${row.expected}.`
        : `Le reçu ${row.receipt} appartient à un poste inconnu.`,
      ref: row.receipt,
    });
  }
  return problems;
};

/** member.expires_on caches the latest end of the member's non-voided periods: every member. */
const membershipExpiry: Check = (r) =>
  r
    .rawAll<{ number: number; stored: string | null; actual: string | null }>(
      `SELECT * FROM (SELECT m.number, m.expires_on AS stored,
         (SELECT max(ends_on) FROM membership_period p WHERE p.member_id = m.id AND p.voided_by_order_id IS NULL) AS actual
       FROM member m) WHERE stored IS NOT actual ORDER BY number`,
    )
    .map((row) => ({
      message: `Membre no ${row.number} : la fiche dit « ${expiry(row.stored)} » mais ses adhésions disent « ${expiry(row.actual)} ».`,
      ref: String(row.number),
    }));

const expiry = (date: string | null) => (date ? `expire le ${date}` : 'jamais membre');

const openSessions: Check = (r) =>
  r
    .rawAll<{ prefix: string | null; n: number }>(
      `SELECT d.receipt_prefix AS prefix, count(*) AS n FROM cash_session s LEFT JOIN desk d ON d.id = s.desk_id
       WHERE s.closed_at IS NULL GROUP BY s.desk_id HAVING count(*) > 1`,
    )
    .map((row) => ({ message: `Le poste ${row.prefix ?? '?'} a ${row.n} caisses ouvertes en même temps (une seule permise).`, ref: row.prefix ?? undefined }));

const capacity: Check = (r) =>
  r
    .rawAll<{ code: string; capacity: number; n: number }>(
      `SELECT a.code, a.capacity, count(*) AS n FROM activity a JOIN registration g ON g.activity_id = a.id AND g.status = 'registered'
       WHERE a.capacity IS NOT NULL GROUP BY a.id HAVING count(*) > a.capacity ORDER BY a.code`,
    )
    .map((row) => ({ message: `L'activité ${row.code} compte ${row.n} inscrits pour ${row.capacity} places.`, ref: row.code }));

/** Numbers are unique, and no block would hand out again a number it already gave. */
const memberNumbers: Check = (r) => [
  ...r
    .rawAll<{ number: number; n: number }>('SELECT number, count(*) AS n FROM member GROUP BY number HAVING count(*) > 1')
    .map((row) => ({ message: `Le numéro de membre ${row.number} est porté par ${row.n} fiches.`, ref: String(row.number) })),
  ...r
    .rawAll<{ first: number; last: number; next: number; highest: number }>(
      `SELECT * FROM (SELECT b.first_number AS first, b.last_number AS last, b.next_number AS next,
         (SELECT max(number) FROM member WHERE number BETWEEN b.first_number AND b.last_number) AS highest
       FROM member_number_block b) WHERE highest >= next ORDER BY first`,
    )
    .map((row) => ({
      message: `Le bloc de numéros ${row.first}–${row.last} a déjà donné le numéro ${row.highest}, mais son prochain numéro est ${row.next} : il le redonnerait.`,
      ref: `${row.first}-${row.last}`,
    })),
  ...r
    .rawAll<{ a: string; b: string }>(
      `SELECT x.first_number || '–' || x.last_number AS a, y.first_number || '–' || y.last_number AS b
       FROM member_number_block x JOIN member_number_block y ON x.id < y.id
       WHERE x.first_number <= y.last_number AND y.first_number <= x.last_number`,
    )
    .map((row) => ({ message: `Les blocs de numéros ${row.a} et ${row.b} se chevauchent.`, ref: row.a })),
];

/** SQLite's full check of the file's pages, records and indexes. */
const fileIntegrity: Check = (r) => {
  let findings: string[];
  try {
    findings = r
      .rawAll<Record<string, string>>('PRAGMA integrity_check(100)')
      .map((row) => Object.values(row)[0] ?? '')
      .filter((text) => text !== 'ok');
  } catch (error) {
    // So damaged that SQLite cannot even walk it.
    findings = [(error as Error).message];
  }
  return findings.map((text) => ({
    message: `Le fichier est endommagé (SQLite : ${text}). N'écrivez plus dans cette base : restaurez la dernière copie de sauvegarde (« comptoir restore »).`,
    ref: 'file',
  }));
};

/** Each anchor's entry is still in the log, unchanged: entries deleted at the end, or rewritten, are found. */
function anchorsHeld(r: Reader, anchors: readonly Anchor[]): Problem[] {
  return anchors.flatMap((anchor) => {
    const entry = r.rawGet<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = ?', anchor.seq);
    if (!entry) {
      return [{ message: `Journal d'audit : l'entrée ${anchor.seq}, présente dans ${anchor.source}, a disparu (des opérations ont été effacées depuis).`, ref: `audit:${anchor.seq}` }];
    }
    if (entry.hash !== anchor.hash) {
      return [{ message: `Journal d'audit : l'entrée ${anchor.seq} n'est plus celle de ${anchor.source} (le journal a été réécrit depuis).`, ref: `audit:${anchor.seq}` }];
    }
    return [];
  });
}

/** An erased member's key is gone (their sealed fields are unreadable), and the member row says erased. */
const erasures: Check = (r) =>
  r
    .rawAll<{ number: number; erased: number; keyed: number }>(
      `SELECT m.number, m.erased_at IS NOT NULL AS erased, EXISTS (SELECT 1 FROM member_key k WHERE k.member_id = m.id) AS keyed
       FROM member m WHERE m.id IN (SELECT entity_id FROM audit_log WHERE action = 'member.erase')`,
    )
    .flatMap((m) => [
      ...(m.erased ? [] : [{ message: `Membre ${m.number} : effacé selon le journal, mais ses renseignements ne le sont pas.`, ref: `member:${m.number}` }]),
      ...(m.keyed && !later(r, m.number) ? [{ message: `Membre ${m.number} : effacé, mais sa clé est encore là.`, ref: `member:${m.number}` }] : []),
    ]);

/** A member erased, then back with their details again (a new key): their key is legitimate. */
function later(r: Reader, number: number): boolean {
  return (
    r.rawGet<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log a JOIN member m ON m.id = a.entity_id
       WHERE m.number = ? AND a.action = 'member.update'
         AND a.seq > (SELECT max(seq) FROM audit_log WHERE action = 'member.erase' AND entity_id = m.id)`,
      number,
    )!.n > 0
  );
}

const CHECKS: readonly (readonly [string, Check])[] = [
  ['replay', replayMatches],
  ['audit_chain', auditChain],
  ['audit_outbox', auditOutbox],
  ['outbox_coverage', outboxCoverage],
  ['pulled_chains', pulledChains],
  ['receipts', receipts],
  ['order_totals', orderTotals],
  ['rounding', rounding],
  ['cash_payments', cashPayments],
  ['corrections', corrections],
  ['membership_expiry', membershipExpiry],
  ['credit', credit],
  ['cash_sessions', cashSessions],
  ['open_sessions', openSessions],
  ['capacity', capacity],
  ['member_numbers', memberNumbers],
  ['erasures', erasures],
];
