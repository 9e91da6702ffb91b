import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessDate } from '../../src-shared/dates.js';
import { tempFolder } from '../helpers.js';
import { comptoir, type Run } from './comptoir.js';

// The documents are checked field by field below; their full shapes are in docs/CLI.md.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function json(run: Run): Json {
  return JSON.parse(run.stdout) as Json;
}

const file = join(tempFolder(), 'desk.sqlite');
const db = (...args: string[]) => comptoir('--db', file, ...args);

describe('comptoir command line', () => {
  it('prints its help, in French or English', () => {
    const help = comptoir('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage : comptoir --db FICHIER <commande>');
    expect(comptoir('--help', '--lang', 'en').stdout).toContain('Usage: comptoir --db FILE <command>');
  });

  it('sets up a desk with its name, receipt prefix and member numbers', () => {
    const run = db('init', '--desk', 'Accueil', '--prefix', 'a', '--numbers', '5000-5999', '--price', '2500', '--json');
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ ok: true, desk: { name: 'Accueil', receiptPrefix: 'A' }, memberNumbers: { first: 5000, last: 5999 } });
    expect(json(run).club.membershipPriceCents).toBe(2500);
    const again = db('init', '--desk', 'Autre', '--prefix', 'B');
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe('Ce poste est déjà configuré (« Accueil », préfixe A).\n');
  });

  it('adds a member, then refuses a look-alike with exit 3 and lists it, until --force', () => {
    const added = db('member', 'add', '--first', 'Hélène', '--last', 'Bélanger', '--birth', '1948-03-14', '--json');
    expect(added.code).toBe(0);
    expect(json(added)).toMatchObject({ ok: true, member: { number: 5000, firstName: 'Hélène', statusLabel: 'Jamais membre' } });

    const lookAlike = ['member', 'add', '--first', 'helene', '--last', 'BELANGER', '--birth', '1948-03-14'];
    const refused = db(...lookAlike, '--json');
    expect(refused.code).toBe(3);
    expect(json(refused)).toMatchObject({
      ok: false,
      error: { code: 'POSSIBLE_DUPLICATE' },
      duplicates: [{ number: 5000, reasons: ['same_name', 'birth_date'] }],
    });
    const told = db(...lookAlike);
    expect(told.code).toBe(3);
    expect(told.stderr).toMatch(/^Ce membre existe peut-être déjà \(1 fiche semblable\)/);
    expect(told.stderr).toContain('5000  Hélène Bélanger (1948-03-14) — même nom, même date de naissance');
    expect(json(db('search', 'belanger', '--json')).results).toHaveLength(1);

    expect(json(db(...lookAlike, '--force', '--json')).member.number).toBe(5001);
  });

  it('finds members by an accent-blind name prefix, several words without quotes', () => {
    db('member', 'add', '--first', 'Françoise', '--last', 'Léveillé-Côté', '--phone', '418 555-1234');
    const found = json(db('search', 'leveille', 'fran', '--limit', '5', '--json'));
    expect(found).toMatchObject({ ok: true, query: 'leveille fran', offset: 0, hasMore: false });
    expect(found.results.map((m: { lastName: string }) => m.lastName)).toEqual(['Léveillé-Côté']);
    expect(db('search', '5551234').stdout).toMatch(/^5002 +Léveillé-Côté, Françoise +Jamais membre\n$/);
  });

  it('renews for cash: opens the drawer, gives change, numbers the receipt', () => {
    const run = db('renew', '5002', '--cash', '4000', '--json');
    expect(run.code).toBe(0);
    const renewal = json(run);
    expect(renewal).toMatchObject({
      ok: true,
      receiptNumber: 'A-000001',
      cashSessionOpened: true,
      cash: { dueCents: 2500, tenderedCents: 4000, changeCents: 1500, roundingCents: 0 },
      member: { number: 5002, status: { kind: 'active', daysLeft: 365 } },
      order: { receiptNumber: 'A-000001', kind: 'sale', totalCents: 2500 },
    });
    expect(renewal.period.startsOn).toBe(businessDate(new Date()));

    const again = db('renew', '5002', '--cash', '2500');
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^Ce membre a déjà renouvelé .*\(reçu A-000001\).* Ajoutez --force pour le faire quand même\.\n$/);
    const forced = json(db('renew', '5002', '--cash', '3000', '--force', '--json'));
    expect(forced).toMatchObject({ receiptNumber: 'A-000002', cashSessionOpened: false, cash: { changeCents: 500 } });
  });

  it('shows a member with their receipts and registrations', () => {
    const shown = json(db('member', 'show', '5002', '--json'));
    expect(shown.member).toMatchObject({ number: 5002, firstName: 'Françoise', phone: '418 555-1234' });
    expect(shown.registrations).toEqual([]);
    expect(shown.receipts.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual(['A-000002', 'A-000001']);
    expect(shown.orders[0]).toMatchObject({ receiptNumber: 'A-000002', lines: [{ kind: 'membership', amountCents: 2500 }] });
    const text = db('member', 'show', '5002').stdout;
    expect(text).toContain('No de membre 5002 — Françoise Léveillé-Côté — Actif');
    expect(text).toContain('Mes reçus (transactions) :');
  });

  it('reports the day as JSON', () => {
    const report = json(db('report', 'day', businessDate(new Date()), '--json')).report;
    expect(report.orders).toEqual({ sales: 2, voids: 0, refunds: 0, netTotalCents: 5000 });
    expect(report.byMethod[0]).toEqual({ method: 'cash', count: 2, totalCents: 5000 });
    expect(report.cashSessions).toHaveLength(1);
    expect(report.cashSessions[0]).toMatchObject({ floatCents: 0, expectedCents: 5000, closedAt: null });
  });

  it('says OK on a sound database, and exits 1 with the problem once someone edits a payment by hand', () => {
    expect(db('verify')).toEqual({ code: 0, stdout: 'OK\n', stderr: '' });
    expect(json(db('verify', '--json'))).toEqual({ ok: true, violations: [] });

    const sqlite = new BetterSqlite3(file);
    sqlite.exec('DROP TRIGGER payment_append_only_u');
    sqlite.exec("UPDATE payment SET amount_cents = 1000 WHERE order_id = (SELECT id FROM sale_order WHERE receipt_number = 'A-000001')");
    sqlite.close();

    const broken = db('verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('[order_totals] Le reçu A-000001 ne balance pas');
    const asJson = db('verify', '--json');
    expect(asJson.code).toBe(1);
    expect(json(asJson).ok).toBe(false);
    // The replay finds the edit (the log says otherwise), and so do the money checks.
    expect([...new Set(json(asJson).violations.map((v: { check: string }) => v.check))]).toEqual(['replay', 'order_totals', 'cash_payments']);
  });

  it.each<[string[], string]>([
    [['report', 'day', '2026-02-30'], 'Données invalides : « Date » doit être une date valide AAAA-MM-JJ'],
    [['member', 'add', '--first', 'Jean', '--last', ' ', '--email', 'pas-un-courriel'], "Données invalides : « Nom » est obligatoire ; « Courriel » n'est pas une adresse courriel valide"],
    [['renew', '5002', '--cash', 'beaucoup'], 'Données invalides : « Montant remis (no 1) » doit être un montant en cents (entier)'],
    [['renew', 'Jean', '--cash', '2500'], "« Jean » n'est pas un no de membre : tapez seulement les chiffres, ex. : 100042."],
    [['renew', '5002'], "L'option --cash est obligatoire. Usage : comptoir --db FICHIER renew NO --cash CENTS [--force]"],
    [['member', 'show', '42'], 'Aucun membre ne porte le numéro 42.'],
    [['frobnicate'], 'Commande inconnue : « frobnicate ». Tapez « comptoir --help » pour la liste des commandes.'],
    [['search', 'x', '--couleur', 'bleu'], 'Option inconnue : --couleur. Tapez « comptoir --help » pour la liste des options.'],
    [['verify', '--limit', '3'], "L'option --limit ne s'applique pas à « verify ». Usage : comptoir --db FICHIER verify"],
  ])('refuses %j with exit 2, a plain French message and no stack trace', (args, message) => {
    expect(db(...args)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('asks for the database file, and says when it does not exist', () => {
    expect(comptoir('verify')).toEqual({ code: 2, stdout: '', stderr: 'Indiquez le fichier de la base de données : comptoir --db FICHIER <commande>.\n' });
    const missing = comptoir('--db', join(tempFolder(), 'nulle-part.sqlite'), 'verify');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Le fichier « .*nulle-part\.sqlite » n'existe pas\. Pour créer un poste : comptoir --db/);
  });

  it('gives errors as JSON with --json, and in English with --lang en', () => {
    const run = db('report', 'day', 'hier', '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(json(run)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Données invalides : « Date » doit être une date valide AAAA-MM-JJ' },
    });
    const english = db('member', 'show', '42', '--lang', 'en', '--json');
    expect(json(english)).toEqual({ ok: false, error: { code: 'MEMBER_NOT_FOUND', message: 'No member has number 42.' } });
    expect(db('frobnicate', '--lang', 'en').stderr).toBe('Unknown command: "frobnicate". Type "comptoir --help" for the list of commands.\n');
  });
});
