import type { CommandSpec } from './args.js';

/**
 * Every command and the flags it takes. Kept apart from the handlers so that --help and a
 * mistyped command answer at once, without loading the core (Kysely alone takes a few hundred
 * milliseconds to load through tsx).
 */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'init', flags: ['desk', 'prefix', 'numbers', 'rule', 'days', 'ends', 'rollover', 'grace', 'price', 'club'], required: ['desk', 'prefix'], args: [] },
  { name: 'join', flags: ['server', 'code'], required: ['server', 'code'], args: [] },
  { name: 'sync', flags: [], args: [] },
  { name: 'demo', flags: ['members', 'seed'], required: ['members'], args: [] },
  {
    name: 'member add',
    flags: ['first', 'last', 'email', 'phone', 'birth', 'postal', 'city', 'address', 'notes', 'household', 'force'],
    required: ['first', 'last'],
    args: [],
  },
  { name: 'member show', flags: [], args: ['NO'] },
  { name: 'search', flags: ['limit'], args: ['RECHERCHE'], rest: true },
  { name: 'renew', flags: ['cash', 'force'], required: ['cash'], args: ['NO'] },
  { name: 'verify', flags: [], args: [] },
  { name: 'report day', flags: [], args: ['AAAA-MM-JJ'] },
  { name: 'backup', flags: ['to'], args: [] },
  { name: 'restore', flags: [], args: ['SAUVEGARDE'] },
  { name: 'key new', flags: [], args: ['FICHIER'] },
  { name: 'user unlock', flags: [], args: ['NOM'], rest: true },
  { name: 'privacy log', flags: ['member', 'since', 'limit'], args: [] },
  { name: 'privacy lapsed', flags: ['years'], args: [] },
  { name: 'privacy erase', flags: ['retention'], args: ['NO'] },
  { name: 'privacy anonymise-lapsed', flags: ['years'], args: [] },
];
