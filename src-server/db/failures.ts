import { isComptoirError, ComptoirError } from '../../src-shared/errors.js';
import { databaseFailure } from '../../src-main/db/failures.js';
import { isPostgresLocation } from './location.js';

/** Why a server database cannot be opened, in both languages. */
type Reason = { fr: string; en: string };

// What the file system and PostgreSQL say, by their error codes (Node's errno names; PostgreSQL's
// SQLSTATE, https://www.postgresql.org/docs/current/errcodes-appendix.html).
const REASONS: Record<string, Reason> = {
  ENOENT: { fr: 'un dossier du chemin n’existe pas et ne peut pas être créé', en: 'a folder on the path does not exist and cannot be made' },
  EACCES: { fr: 'accès refusé à cet endroit', en: 'access denied at that place' },
  EPERM: { fr: 'accès refusé à cet endroit', en: 'access denied at that place' },
  EROFS: { fr: 'le disque est en lecture seule', en: 'the disk is read-only' },
  ENOSPC: { fr: 'le disque est plein', en: 'the disk is full' },
  ENOTDIR: { fr: 'une partie du chemin est un fichier, pas un dossier', en: 'part of the path is a file, not a folder' },
  EISDIR: { fr: 'c’est un dossier, pas un fichier', en: 'it is a folder, not a file' },
  ENAMETOOLONG: { fr: 'le chemin est trop long', en: 'the path is too long' },
  ELOOP: { fr: 'le chemin tourne en rond (liens symboliques)', en: 'the path loops (symbolic links)' },
  ECONNREFUSED: { fr: 'PostgreSQL ne répond pas à cette adresse : est-il démarré, sur ce port ?', en: 'PostgreSQL does not answer at that address: is it running, on that port?' },
  ENOTFOUND: { fr: 'ce nom d’hôte est inconnu', en: 'that host name is unknown' },
  EAI_AGAIN: { fr: 'ce nom d’hôte ne peut pas être trouvé pour l’instant (réseau ?)', en: 'that host name cannot be looked up right now (network?)' },
  ETIMEDOUT: { fr: 'PostgreSQL ne répond pas (délai dépassé)', en: 'PostgreSQL does not answer (timed out)' },
  EHOSTUNREACH: { fr: 'cet hôte est injoignable', en: 'that host cannot be reached' },
  '3D000': { fr: 'cette base PostgreSQL n’existe pas : créez-la d’abord (createdb)', en: 'that PostgreSQL database does not exist: create it first (createdb)' },
  '28P01': { fr: 'PostgreSQL refuse ce mot de passe', en: 'PostgreSQL refuses that password' },
  '28000': { fr: 'PostgreSQL refuse cet utilisateur', en: 'PostgreSQL refuses that user' },
  '42501': { fr: 'cet utilisateur PostgreSQL n’a pas le droit de créer les tables', en: 'that PostgreSQL user may not create the tables' },
  '53300': { fr: 'PostgreSQL a trop de connexions ouvertes', en: 'PostgreSQL has too many connections open' },
  '3F000': { fr: 'le schéma demandé n’existe pas (les options de l’adresse le choisissent ?)', en: 'the schema asked for does not exist (do the address\'s options choose it?)' },
  EEXIST: { fr: 'quelque chose occupe déjà cet endroit (un lien qui ne mène nulle part ?)', en: 'something is already at that place (a link that leads nowhere?)' },
  '57P03': { fr: 'PostgreSQL démarre ou s’arrête : réessayez dans un instant', en: 'PostgreSQL is starting or stopping: try again in a moment' },
};

/**
 * A server database's address as it may be shown or logged: a PostgreSQL address without its
 * password (`postgres://comptoir:***@hôte/base`); a file path as it is.
 */
export function shownLocation(location: string): string {
  if (!isPostgresLocation(location)) return location;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    // Not readable as an address: nothing of it is shown past the user, a password may be anywhere.
    return `${location.slice(0, location.indexOf('//') + 2)}…`;
  }
  if (url.password) url.password = '***';
  // libpq reads a password from the query too (`?password=…`), and TLS files' passphrases.
  for (const name of [...url.searchParams.keys()]) if (/pass|secret|key/i.test(name)) url.searchParams.set(name, '***');
  return url.toString();
}

/**
 * What went wrong opening a server database, said in French and English: the file system's and
 * PostgreSQL's usual refusals named, the rest by their code; SQLite's own as the desk says them
 * (src-main/db/failures.ts). A Comptoir error goes through as it is.
 */
export function serverDatabaseFailure(error: unknown, location: string): ComptoirError {
  if (isComptoirError(error)) return error;
  const file = shownLocation(location);
  const code = (error as { code?: unknown })?.code;
  // SQLite's own « cannot open », said for a server: a path past SQLite's 512 characters, or rights.
  if (typeof code === 'string' && code.startsWith('SQLITE_CANTOPEN')) {
    const reason: Reason =
      location.length > 512
        ? { fr: 'le chemin est trop long pour SQLite (512 caractères au plus)', en: 'the path is too long for SQLite (512 characters at most)' }
        : { fr: 'SQLite ne peut pas ouvrir ce fichier : vérifiez que le dossier existe et que le serveur a le droit d’y écrire', en: 'SQLite cannot open that file: check that the folder exists and that the server may write in it' };
    return new ComptoirError('SERVER_DATABASE_UNUSABLE', { file, reason });
  }
  const sqlite = databaseFailure(error, file);
  if (sqlite) return sqlite;
  const known = typeof code === 'string' ? REASONS[code] : undefined;
  const message = error instanceof Error ? error.message : '';
  const reason: Reason =
    known ??
    (/does not support SSL/i.test(message)
      ? { fr: 'ce serveur PostgreSQL n’accepte pas les connexions chiffrées (SSL) : retirez sslmode de l’adresse, ou activez SSL sur PostgreSQL', en: 'that PostgreSQL server does not accept encrypted (SSL) connections: remove sslmode from the address, or turn SSL on in PostgreSQL' }
      : null) ??
    (error instanceof TypeError && /url/i.test(error.message)
      ? { fr: 'cette adresse postgres:// est mal formée', en: 'that postgres:// address is malformed' }
      : { fr: `le système répond « ${detail(error, code)} »`, en: `the system answers "${detail(error, code)}"` });
  return new ComptoirError('SERVER_DATABASE_UNUSABLE', { file, reason });
}

/** An error the table does not name, as the system gave it (its code, its message): better than nothing for whoever installs the server. */
function detail(error: unknown, code: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code} : ${message}` : message;
}
