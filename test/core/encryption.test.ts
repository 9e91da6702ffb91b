import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolderOf, backupsIn } from '../../src-main/db/backup.js';
import { openConnection } from '../../src-main/db/connection.js';
import { newDatabaseKey, parseDatabaseKey } from '../../src-main/db/key.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { initializeDesk, systemUserId } from '../../src-main/core/desk/setup.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { getMember } from '../../src-main/core/members/members.js';
import { fixedClock } from '../../src-shared/clock.js';
import { addMember, refusal, tempFolder } from '../helpers.js';
import { everyOperation } from './every-operation.js';

const NAMES = ['Léveillé', 'Tremblay', 'Bélanger', 'tremblay@exemple.ca', '418 555-0123'];
const readable = (file: string) => NAMES.filter((name) => readFileSync(file).includes(Buffer.from(name)));

describe('the database at rest', () => {
  it('holds no readable name, email or phone once encrypted, and opens only with its key', () => {
    const file = join(tempFolder(), 'poste.sqlite');
    const key = newDatabaseKey();
    const { desk, systemUserId: admin } = initializeDesk(file, { deskName: 'Accueil', receiptPrefix: 'A' }, { key, clock: fixedClock('2026-11-27T15:00:00Z') });
    const no = addMember(desk, { userId: admin }, 'Françoise', 'Léveillé-Côté', { email: 'tremblay@exemple.ca', phone: '418 555-0123' });
    addMember(desk, { userId: admin }, 'Hélène', 'Bélanger');
    desk.close();
    expect(readFileSync(file).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(readable(file)).toEqual([]);

    const again = openDesk(file, { key });
    expect(getMember(again, no).lastName).toBe('Léveillé-Côté');
    again.close();
    expect(refusal(() => openDesk(file)).code).toBe('DATABASE_ENCRYPTED');
    expect(refusal(() => openDesk(file, { key: newDatabaseKey() })).code).toBe('DATABASE_KEY_WRONG');
    expect(refusal(() => parseDatabaseKey('pas une clé', 'COMPTOIR_DB_KEY')).code).toBe('DATABASE_KEY_INVALID');
  });

  it('encrypts a plain desk where it lies the first time a key is given, losing nothing: the log still replays', async () => {
    const day = await everyOperation();
    day.desk.close();
    const plainCopy = join(tempFolder(), 'plain.sqlite');
    copyFileSync(day.file, plainCopy);
    expect(readable(day.file).length).toBeGreaterThan(0);

    const key = newDatabaseKey();
    const desk = openDesk(day.file, { key });
    expect(desk.connection.encrypted).toBe(true);
    expect(verifyDatabase(desk.reader)).toEqual([]);
    const plain = openConnection(plainCopy, { readonly: true });
    for (const table of ['member', 'sale_order', 'payment', 'audit_log']) {
      const count = (r: typeof desk.reader) => r.rawGet<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
      expect(count(desk.reader), table).toBe(count(plain.reader));
    }
    plain.close();
    // It keeps selling, and the copies it leaves are encrypted too.
    addMember(desk, { userId: systemUserId(desk) }, 'Gérard', 'Côté');
    const [copy] = desk.connection.backup('manuelle');
    desk.close();
    expect(readable(day.file)).toEqual([]);
    expect(readable(copy!)).toEqual([]);
    expect(backupsIn(backupFolderOf(day.file), day.file)).toEqual([copy]);
    const fromCopy = openConnection(copy!, { readonly: true, key });
    expect(verifyDatabase(fromCopy.reader)).toEqual([]);
    fromCopy.close();
  });

  it('reads the key from a file or the environment, never from anything else', async () => {
    const { keyFromEnvironment } = await import('../../src-main/db/key.js');
    const file = join(tempFolder(), 'poste.key');
    const key = newDatabaseKey();
    writeFileSync(file, `${key.toUpperCase()}\n`);
    expect(keyFromEnvironment({}, file)).toBe(key);
    expect(keyFromEnvironment({ COMPTOIR_KEY_FILE: file })).toBe(key);
    expect(keyFromEnvironment({ COMPTOIR_DB_KEY: key, COMPTOIR_KEY_FILE: '/nulle/part' })).toBe(key);
    expect(keyFromEnvironment({})).toBeNull();
    expect(refusal(() => keyFromEnvironment({}, '/nulle/part.key')).code).toBe('KEY_FILE_NOT_FOUND');
  });
});
