import { ComptoirError } from '../../src-shared/errors.js';

/** True for a PostgreSQL connection string (`postgres://…`, `postgresql://…`, in any case); anything else is an SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Refuses a location that reads as an address but not as PostgreSQL's (`postgress://…`,
 * `postgres:/hôte/base`, `mysql://…`): taken as a file path, it would make an SQLite database
 * in folders named after it — its password included.
 *
 * @throws INVALID_INPUT, in French, naming the scheme, never the rest.
 */
export function checkLocation(location: string): void {
  if (isPostgresLocation(location)) return;
  // Two letters at least: `C:\…` and `C:/…` are Windows paths. Anything starting with « postgres »
  // that is not a PostgreSQL address is one mistyped (`postgres//…`, `postgres:u:p@…`, `postgres ://…`).
  const scheme = /^([a-z][a-z0-9+.-]+):\/+/i.exec(location)?.[1] ?? /^\s*(postgres(?:ql)?)\s*(?::|\/\/)/i.exec(location)?.[1];
  if (!scheme) return;
  throw new ComptoirError('INVALID_INPUT', {
    fr: `l'adresse de la base commence par « ${scheme}: », que Comptoir ne connaît pas : une base PostgreSQL s'écrit postgres://utilisateur@hôte:5432/base, une base SQLite par le chemin de son fichier. Rien n'a été ouvert.`,
    en: `the database address starts with "${scheme}:", which Comptoir does not know: a PostgreSQL database is written postgres://user@host:5432/database, an SQLite one as its file's path. Nothing was opened.`,
  });
}
