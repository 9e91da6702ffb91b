import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { backupFolderOf, backupsIn } from '../../db/backup.js';
import { openConnection } from '../../db/connection.js';
import type { DatabaseKey } from '../../db/key.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { verifyDatabase, type Anchor, type Violation } from './verify.js';

/**
 * The chain heads the desk's backups hold: the log must still contain each (an entry deleted or
 * rewritten after a backup was taken is found). Backups that cannot be read are said so.
 */
export function backupAnchors(databaseFile: string, key: DatabaseKey | null): { found: Anchor[]; unreadable: Violation[] } {
  const found: Anchor[] = [];
  const unreadable: Violation[] = [];
  for (const backup of backupsIn(backupFolderOf(databaseFile), databaseFile)) {
    try {
      const copy = openConnection(backup, { readonly: true, migrate: false, key, trusted: true });
      try {
        const head = copy.reader.rawGet<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
        if (head) found.push({ source: `la sauvegarde ${basename(backup)}`, seq: head.seq, hash: head.hash });
      } finally {
        copy.close();
      }
    } catch (error) {
      const reason = error instanceof ComptoirError ? error.message : (error as Error).message;
      unreadable.push({ check: 'anchors', message: `La sauvegarde ${basename(backup)} ne peut pas être lue : ${reason}`, ref: basename(backup) });
    }
  }
  return { found, unreadable };
}

export interface Restored {
  /** The backup put in place. */
  from: string;
  /** Where the database that was there is kept. */
  keptAs: string | null;
  /** The last operation the restored database holds. */
  lastSeq: number;
}

/**
 * Puts a backup in place of the desk's database, once it is proven sound: the copy is checked
 * (SQLite's check, the replay, every invariant) before anything is touched; the database that was
 * there is kept beside it (`….avant-restauration-<date>.sqlite`), never deleted. What was sold after
 * the backup was taken is not in it: the receipts of that time are to be entered again.
 *
 * @throws BACKUP_NOT_VALID, DATABASE_KEY_WRONG, DATABASE_BUSY
 */
export function restoreBackup(databaseFile: string, backupFile: string, key: DatabaseKey | null, now = new Date()): Restored {
  if (!existsSync(backupFile)) throw new ComptoirError('BACKUP_NOT_VALID', { file: backupFile, problem: 'le fichier est introuvable' });
  const copy = openConnection(backupFile, { readonly: true, migrate: false, key });
  let lastSeq: number;
  try {
    const problems = verifyDatabase(copy.reader);
    if (problems.length > 0) throw new ComptoirError('BACKUP_NOT_VALID', { file: backupFile, problem: problems[0]!.message });
    lastSeq = copy.reader.rawGet<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log')?.seq ?? 0;
  } finally {
    copy.close();
  }
  let keptAs: string | null = null;
  if (existsSync(databaseFile)) {
    keptAs = `${databaseFile.replace(/\.sqlite$/, '')}.avant-restauration-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.sqlite`;
    requireSoleUse(databaseFile, key);
    renameSync(databaseFile, keptAs);
    for (const suffix of ['-wal', '-shm']) if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, keptAs + suffix);
  }
  copyFileSync(backupFile, databaseFile);
  for (const suffix of ['-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });
  return { from: backupFile, keptAs, lastSeq };
}

/**
 * Nobody else may have the database open: a desk still running would go on writing into the file
 * set aside. An exclusive lock is taken and let go; a file too damaged to open is not in use.
 *
 * @throws DATABASE_BUSY
 */
function requireSoleUse(databaseFile: string, key: DatabaseKey | null): void {
  let current;
  try {
    current = openConnection(databaseFile, { migrate: false, key, trusted: true });
  } catch (error) {
    if (error instanceof ComptoirError && error.code === 'DATABASE_BUSY') throw error;
    return;
  }
  try {
    const sqlite = current.rawDatabase;
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch {
    throw new ComptoirError('DATABASE_BUSY', { file: databaseFile });
  } finally {
    current.close();
  }
}
