import { ComptoirError } from '../../src-shared/errors.js';

/**
 * What SQLite says when the file itself is the problem, said to the volunteer in plain French with
 * what to do: another program holds it, the disk is full, the file is read-only, the file is
 * damaged. Anything else is not translated (it stays an unexpected error, logged in full).
 */
export function databaseFailure(error: unknown, file: string): ComptoirError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') return new ComptoirError('DATABASE_BUSY', { file });
  if (code === 'SQLITE_FULL') return new ComptoirError('DISK_FULL', { file });
  if (code.startsWith('SQLITE_READONLY')) return new ComptoirError('DATABASE_READ_ONLY', { file });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new ComptoirError('DATABASE_DAMAGED', { file });
  if (code.startsWith('SQLITE_IOERR')) return new ComptoirError('DISK_ERROR', { file });
  if (code.startsWith('SQLITE_CANTOPEN')) return new ComptoirError('DATABASE_CANNOT_OPEN', { file });
  return null;
}
