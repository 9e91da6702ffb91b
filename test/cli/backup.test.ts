import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { backupFolderOf, backupsIn } from '../../src-main/db/backup.js';
import { openConnection } from '../../src-main/db/connection.js';
import { createUser } from '../../src-main/core/users/users.js';
import { addMember, newDesk, openDrawer, tempFolder } from '../helpers.js';
import { comptoir } from './comptoir.js';

describe('backups', () => {
  it('backs up an encrypted desk, restores it after a disaster, and sells again', () => {
    const folder = tempFolder();
    const file = join(folder, 'poste.sqlite');
    const key = join(folder, 'poste.key');
    const usb = join(folder, 'cle-usb');
    const db = (...args: string[]) => comptoir('--db', file, '--key-file', key, ...args);
    expect(comptoir('--db', file, 'key', 'new', key).code).toBe(0);
    expect(db('init', '--desk', 'Accueil', '--prefix', 'A').code).toBe(0);
    expect(db('member', 'add', '--first', 'Françoise', '--last', 'Léveillé-Côté').code).toBe(0);
    expect(db('renew', '100000', '--cash', '2500').code).toBe(0);

    execFileSync('mkdir', ['-p', usb]);
    const backup = JSON.parse(db('backup', '--to', usb, '--json').stdout) as { backups: string[] };
    expect(backup.backups).toHaveLength(2);
    expect(backup.backups[0]).toContain(join(folder, 'sauvegardes'));
    expect(backup.backups[1]).toContain(usb);
    for (const copy of backup.backups) expect(readFileSync(copy).includes(Buffer.from('Léveillé'))).toBe(false);

    // A sale after the backup, then the disk loses the file and its write-ahead log.
    expect(db('member', 'add', '--first', 'Gérard', '--last', 'Côté').code).toBe(0);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    expect(db('verify').code).toBe(2);

    const restored = db('restore', backup.backups[1]!);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.stdout).toContain('Sauvegarde remise en place (vérifiée');
    expect(restored.stdout).toContain('Les ventes faites après cette sauvegarde sont à saisir de nouveau à partir des reçus.');
    expect(db('verify')).toMatchObject({ code: 0, stdout: 'OK\n' });
    // Selling again: Gérard (entered after the backup) is entered again, and gets a new number.
    const again = JSON.parse(db('member', 'add', '--first', 'Gérard', '--last', 'Côté', '--json').stdout) as { member: { number: number } };
    expect(again.member.number).toBe(100001);
    expect(db('renew', String(again.member.number), '--cash', '2500').code).toBe(0);
    expect(db('verify')).toMatchObject({ code: 0, stdout: 'OK\n' });
  }, 120_000); // A dozen command-line runs, each opening the encrypted file: slow when the machine is busy.

  it('refuses a backup that does not verify, and touches nothing', () => {
    const { desk, admin, file } = newDesk();
    addMember(desk, admin, 'Paul', 'Roy');
    const [copy] = desk.connection.backup('manuelle');
    desk.close();
    const tamper = new BetterSqlite3(copy!);
    tamper.exec("UPDATE member SET last_name = 'Autre'");
    tamper.close();
    const before = readFileSync(file);
    const refused = comptoir('--db', file, 'restore', copy!);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^La copie de sauvegarde .* ne peut pas être restaurée : Table member : une ligne que le journal n'explique pas/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to restore over a database still open elsewhere', () => {
    const { desk, admin, file } = newDesk();
    addMember(desk, admin, 'Paul', 'Roy');
    const [copy] = desk.connection.backup('manuelle');
    const refused = comptoir('--db', file, 'restore', copy!);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Un autre programme utilise la base de données en ce moment');
    desk.close();
  });

  it('backs up at every drawer close, beside the database, and before a migration', async () => {
    const { desk, admin, file } = newDesk();
    const volunteer = createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
    openDrawer(desk, admin);
    const api = createApiService(desk, { log: () => {} });
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    const closed = await api.call('drawer.close', { count: { '2000': 2, '1000': 4, '500': 4 } });
    expect(closed).toMatchObject({ ok: true, value: { backup: { problem: null } } });
    const copies = backupsIn(backupFolderOf(file), file);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/\.fermeture-caisse\.sqlite$/);
    desk.close();

    // A desk written by 0.1 is copied before it is migrated.
    const old = join(tempFolder(), 'ancien.sqlite');
    const sqlite = new BetterSqlite3(old);
    sqlite.exec(readFileSync(new URL('../fixtures/desk-v0.1.dump', import.meta.url), 'utf8'));
    sqlite.close();
    openConnection(old).close();
    const before = readdirSync(backupFolderOf(old)).filter((name) => name.endsWith('.avant-migration.sqlite'));
    expect(before).toHaveLength(1);
    const copy = openConnection(join(backupFolderOf(old), before[0]!), { readonly: true, migrate: false });
    expect(copy.schema.version).toBe(1);
    copy.close();
    expect(existsSync(old)).toBe(true);
  });
});
