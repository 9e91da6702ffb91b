import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { makeFolders } from './folders.js';

/** Why a backup was made: it is part of its name. */
export type BackupReason = 'fermeture-caisse' | 'avant-migration' | 'manuelle';

export interface BackupPlace {
  /** Where backups go; by default a `sauvegardes` folder beside the database. */
  folder?: string;
  /** A second copy, on another drive (a USB key), when set. */
  secondFolder?: string | null;
  /** How many backups each folder keeps (the oldest go first). */
  keep?: number;
}

export const DEFAULT_KEPT_BACKUPS = 30;

export function backupFolderOf(databaseFile: string): string {
  return join(dirname(databaseFile), 'sauvegardes');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * A consistent copy of the open database, taken while the desk runs (what the last commit left,
 * the write-ahead log included), with `VACUUM INTO`. SQLite's step-by-step backup API would be the
 * other way, but it refuses to copy an encrypted database ("incompatible source and target"),
 * while `VACUUM INTO` writes a copy encrypted with the same key. Written under a temporary name,
 * then renamed: a copy is whole or absent. Older copies beyond `keep` are removed.
 *
 * @returns the paths written (one per folder).
 */
export function backupDatabase(sqlite: BetterSqlite3.Database, databaseFile: string, reason: BackupReason, place: BackupPlace = {}, now = new Date()): string[] {
  const folders = [place.folder ?? backupFolderOf(databaseFile), ...(place.secondFolder ? [place.secondFolder] : [])];
  const name = `${basename(databaseFile).replace(/\.sqlite$/, '')}.${stamp(now)}.${reason}.sqlite`;
  const written: string[] = [];
  for (const folder of folders) {
    makeFolders(folder);
    const target = join(folder, name);
    const partial = `${target}.partiel`;
    rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
    written.push(target);
    rotate(folder, databaseFile, place.keep ?? DEFAULT_KEPT_BACKUPS);
  }
  return written;
}

/** This database's backups in a folder, oldest first. */
export function backupsIn(folder: string, databaseFile: string): string[] {
  if (!existsSync(folder)) return [];
  const prefix = `${basename(databaseFile).replace(/\.sqlite$/, '')}.`;
  return readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.sqlite'))
    .sort()
    .map((name) => join(folder, name));
}

function rotate(folder: string, databaseFile: string, keep: number): void {
  const all = backupsIn(folder, databaseFile);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true });
}
