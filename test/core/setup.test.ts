import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../src-main/db/connection.js';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrator.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { initializeDesk } from '../../src-main/core/desk/setup.js';
import { newDesk, tempFolder } from '../helpers.js';

describe('the desk database', () => {
  it('runs in WAL mode with foreign keys and full sync', () => {
    const { desk } = newDesk();
    const sqlite = desk.connection.rawDatabase;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    desk.close();
  });

  it('makes its file, and the log beside it, readable by this computer’s account alone', () => {
    const { desk, file } = newDesk();
    try {
      for (const path of [file, `${file}-wal`]) expect(statSync(path).mode & 0o777, path).toBe(0o600);
    } finally {
      desk.close();
    }
  });

  it('remembers which migrations ran', () => {
    const { desk, file } = newDesk();
    desk.close();
    const sqlite = new BetterSqlite3(file);
    const rows = sqlite.prepare('SELECT version, name FROM schema_migration').all();
    expect(rows).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'typed-operations' },
      { version: 3, name: 'leader-role' },
      { version: 4, name: 'privacy' },
      { version: 5, name: 'search-keys' },
      { version: 6, name: 'price-changes' },
      { version: 7, name: 'sync' },
      { version: 8, name: 'email-delivery' },
    ]);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    sqlite.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = join(tempFolder(), 'future.sqlite');
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const before = readFileBytes(file);
    expect(() => openConnection(file)).toThrow(/version plus récente de Comptoir/);
    expect(readFileBytes(file)).toEqual(before);
  });

  it('refuses to set a desk up twice', () => {
    const { desk, file } = newDesk();
    desk.close();
    expect(() => initializeDesk(file, { deskName: 'Autre', receiptPrefix: 'B' })).toThrow(/déjà configuré/);
  });

  it('explains in French that a desk is not set up yet', () => {
    const file = join(tempFolder(), 'blank.sqlite');
    writeFileSync(file, '');
    expect(() => openDesk(file)).toThrow(/pas encore configuré/);
  });

  it('says there is no database where none is, and creates none', () => {
    const file = join(tempFolder(), 'absent.sqlite');
    expect(() => openDesk(file)).toThrow(/Aucune base de données à cet endroit/);
    expect(existsSync(file)).toBe(false);
  });

  it('rejects a bad receipt prefix with a message in French and writes nothing', () => {
    const file = join(tempFolder(), 'bad.sqlite');
    expect(() => initializeDesk(file, { deskName: 'Accueil', receiptPrefix: 'trop-long!' })).toThrow(
      /« Préfixe des reçus » doit avoir 1 à 4 lettres ou chiffres/,
    );
  });
});

function readFileBytes(file: string): Buffer {
  return readFileSync(file);
}
