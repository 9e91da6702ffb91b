import { formatMoney } from '../../../src-shared/money.js';
import { countOf } from '../../../src-shared/words.js';
import type { Check, Problem } from './verify.js';

/**
 * The money checks of verifyDatabase: every receipt balances, cash is rounded the Canadian way,
 * corrections point where they should, credit never goes below zero, and each closed drawer's
 * figures are the ones its flows give. Set-based SQL, like the rest of verify.
 */

const money = (cents: number | null) => (cents === null ? 'rien' : formatMoney(cents));

/** total = sum of the lines = sum of the payments, for every order. */
export const orderTotals: Check = (r) => [
  ...r
    .rawAll<{ receipt: string; total: number; lines: number; linesTotal: number | null; paid: number | null }>(
      `SELECT * FROM (SELECT o.receipt_number AS receipt, o.total_cents AS total,
         (SELECT count(*) FROM order_line WHERE order_id = o.id) AS lines,
         (SELECT sum(amount_cents) FROM order_line WHERE order_id = o.id) AS linesTotal,
         (SELECT sum(amount_cents) FROM payment WHERE order_id = o.id) AS paid
       FROM sale_order o)
       WHERE lines = 0 OR total <> linesTotal OR total <> coalesce(paid, 0) ORDER BY receipt`,
    )
    .map((row) => ({
      message:
        row.lines === 0
          ? `Le reçu ${row.receipt} n'a aucun article.`
          : `Le reçu ${row.receipt} ne balance pas : total ${money(row.total)}, articles ${money(row.linesTotal)}, paiements ${money(row.paid ?? 0)}.`,
      ref: row.receipt,
    })),
  ...r
    .rawAll<{ what: string; n: number }>(
      `SELECT 'line' AS what, count(*) AS n FROM order_line WHERE order_id NOT IN (SELECT id FROM sale_order)
       UNION ALL SELECT 'payment', count(*) FROM payment WHERE order_id NOT IN (SELECT id FROM sale_order)`,
    )
    .filter((row) => row.n > 0)
    .map((row) => ({ message: `${countOf(row.n, row.what as 'line' | 'payment', 'fr')} ${row.n > 1 ? 'ne se rattachent' : 'ne se rattache'} à aucune transaction.` })),
];

/** The 0.05 $ rounding is one line of at most 2 ¢, on orders that took or gave back cash. */
export const rounding: Check = (r) =>
  r
    .rawAll<{ receipt: string; amount: number; lines: number; cash: number }>(
      `SELECT o.receipt_number AS receipt, sum(l.amount_cents) AS amount, count(*) AS lines,
         EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND +p.method = 'cash') AS cash
       FROM order_line l JOIN sale_order o ON o.id = l.order_id WHERE l.kind = 'rounding'
       GROUP BY o.id ORDER BY o.receipt_number`,
    )
    .flatMap((row) => {
      const problems: Problem[] = [];
      const at = `Le reçu ${row.receipt}`;
      if (!row.cash) problems.push({ message: `${at} a une ligne d'arrondi sans paiement comptant.`, ref: row.receipt });
      if (row.lines > 1) problems.push({ message: `${at} a ${row.lines} lignes d'arrondi (une seule permise).`, ref: row.receipt });
      if (row.amount === 0 || Math.abs(row.amount) > 2) {
        problems.push({ message: `${at} a un arrondi de ${row.amount} ¢ (entre 1 et 2 ¢ permis).`, ref: row.receipt });
      }
      return problems;
    });

/** Cash changes hands in multiples of 0.05 $, and tendered − change is what was paid. */
export const cashPayments: Check = (r) =>
  r
    .rawAll<{ receipt: string; amount: number; tendered: number | null; change: number | null }>(
      `SELECT o.receipt_number AS receipt, p.amount_cents AS amount, p.tendered_cents AS tendered, p.change_cents AS change
       FROM payment p JOIN sale_order o ON o.id = p.order_id
       WHERE p.method = 'cash' AND (p.amount_cents % 5 <> 0
         OR (p.tendered_cents IS NOT NULL AND p.tendered_cents - coalesce(p.change_cents, 0) <> p.amount_cents))
       ORDER BY o.receipt_number`,
    )
    .map((row) => ({
      message:
        row.amount % 5 !== 0
          ? `Le reçu ${row.receipt} a un paiement comptant de ${money(row.amount)}, qui n'est pas arrondi à 0,05 $.`
          : `Le reçu ${row.receipt} : remis ${money(row.tendered)} moins monnaie rendue ${money(row.change ?? 0)} ne fait pas ${money(row.amount)}.`,
      ref: row.receipt,
    }));

/** A void or refund points to an existing sale; a void undoes all of it and is its only correction. */
export const corrections: Check = (r) => {
  const rows = r.rawAll<{ receipt: string; kind: string; total: number; original: string | null; originalKind: string | null; originalTotal: number | null; others: number }>(
    `SELECT c.receipt_number AS receipt, c.kind, c.total_cents AS total, o.receipt_number AS original,
       o.kind AS originalKind, o.total_cents AS originalTotal,
       (SELECT count(*) FROM sale_order x WHERE x.original_order_id = c.original_order_id AND x.id <> c.id) AS others
     FROM sale_order c LEFT JOIN sale_order o ON o.id = c.original_order_id
     WHERE c.kind <> 'sale' ORDER BY c.receipt_number`,
  );
  const problems: Problem[] = [];
  for (const row of rows) {
    const what = `${row.kind === 'void' ? "L'annulation" : 'Le remboursement'} ${row.receipt}`;
    if (row.original === null) problems.push({ message: `${what} renvoie à une transaction qui n'existe pas.`, ref: row.receipt });
    else if (row.originalKind !== 'sale') problems.push({ message: `${what} corrige ${row.original}, qui n'est pas une vente.`, ref: row.receipt });
    else if (row.kind === 'void' && row.total !== -(row.originalTotal ?? 0)) {
      problems.push({ message: `${what} rend ${money(-row.total)} alors que la vente ${row.original} était de ${money(row.originalTotal)}.`, ref: row.receipt });
    } else if (row.kind === 'void' && row.others > 0) {
      problems.push({ message: `La vente ${row.original} a été annulée par ${row.receipt} et corrigée encore ${row.others} fois.`, ref: row.original });
    }
  }
  for (const row of r.rawAll<{ receipt: string; position: number; n: number }>(
    `SELECT o.receipt_number AS receipt, l.position, count(*) AS n FROM order_line x
     JOIN order_line l ON l.id = x.original_line_id JOIN sale_order o ON o.id = l.order_id
     GROUP BY x.original_line_id HAVING count(*) > 1 ORDER BY o.receipt_number`,
  )) {
    problems.push({ message: `La ligne ${row.position} du reçu ${row.receipt} a été remboursée ${row.n} fois.`, ref: row.receipt });
  }
  return problems;
};

export const credit: Check = (r) =>
  r
    .rawAll<{ number: number | null; memberId: string; balance: number }>(
      `SELECT m.number, c.member_id AS memberId, sum(c.amount_cents) AS balance
       FROM credit_movement c LEFT JOIN member m ON m.id = c.member_id
       GROUP BY c.member_id HAVING balance < 0 ORDER BY m.number`,
    )
    .map((row) => ({ message: `Membre no ${row.number ?? row.memberId} : le crédit est négatif (${money(row.balance)}).`, ref: String(row.number ?? row.memberId) }));

/** A closed drawer's figures are the ones its flows and its count give. */
export const cashSessions: Check = (r) => {
  const rows = r.rawAll<{
    prefix: string | null; date: string; id: string; closedBy: string | null; expected: number | null; difference: number | null;
    counted: number | null; reason: string | null; flows: number; countTotal: number | null; floatCents: number; floatTotal: number | null;
  }>(
    `SELECT d.receipt_prefix AS prefix, s.business_date AS date, s.id, s.closed_by AS closedBy, s.expected_cents AS expected,
       s.difference_cents AS difference, s.counted_cents AS counted, s.difference_reason AS reason, s.float_cents AS floatCents,
       s.float_cents
         + coalesce((SELECT sum(p.amount_cents) FROM sale_order o JOIN payment p ON p.order_id = o.id
                     WHERE o.cash_session_id = s.id AND +p.method = 'cash'), 0)
         + coalesce((SELECT sum(CASE kind WHEN 'in' THEN amount_cents ELSE -amount_cents END) FROM cash_movement WHERE cash_session_id = s.id), 0)
         AS flows,
       (SELECT sum(CAST(j.key AS INTEGER) * j.value) FROM json_each(s.closing_count) j) AS countTotal,
       (SELECT sum(CAST(j.key AS INTEGER) * j.value) FROM json_each(s.float_count) j) AS floatTotal
     FROM cash_session s LEFT JOIN desk d ON d.id = s.desk_id WHERE s.closed_at IS NOT NULL ORDER BY s.opened_at`,
  );
  const problems: Problem[] = [];
  for (const s of rows) {
    const at = `Caisse du poste ${s.prefix ?? '?'} du ${s.date}`;
    const add = (message: string) => problems.push({ message: `${at} : ${message}`, ref: s.id });
    if (s.closedBy === null || s.expected === null || s.counted === null || s.difference === null) {
      add('fermée sans comptage complet.');
      continue;
    }
    if (s.expected !== s.flows) add(`le montant attendu enregistré (${money(s.expected)}) ne correspond pas au fonds de caisse et aux mouvements (${money(s.flows)}).`);
    if (s.difference !== s.counted - s.expected) add(`l'écart enregistré (${money(s.difference)}) n'est pas compté − attendu (${money(s.counted - s.expected)}).`);
    if (s.countTotal !== s.counted) add(`le comptage de fermeture fait ${money(s.countTotal)}, pas ${money(s.counted)}.`);
    if (s.floatTotal !== s.floatCents) add(`le comptage du fonds de caisse fait ${money(s.floatTotal)}, pas ${money(s.floatCents)}.`);
    if (s.difference !== 0 && !s.reason) add(`un écart de ${money(s.difference)} sans raison.`);
  }
  return problems;
};
