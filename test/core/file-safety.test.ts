import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { getMember } from '../../src-main/core/members/members.js';
import { createMember } from '../../src-main/core/members/members.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { addMember, newDesk, refusal, tempFolder } from '../helpers.js';

const repo = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin', 'comptoir.mjs'), ...args], { encoding: 'utf8' });

/** Overwrites part of an index page, as a failing disk or a half-copied file would. */
function damageIndex(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true });
  const { pageno } = db.prepare("SELECT pageno FROM dbstat WHERE name = 'member_sort_name' ORDER BY pageno LIMIT 1").get() as { pageno: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize - 8, 0x41), 0, pageSize - 8, (pageno - 1) * pageSize + 8);
  closeSync(fd);
}

const immutable: string[] = [];
afterEach(() => {
  for (const file of immutable.splice(0)) execFileSync('chattr', ['-i', file]);
});

describe('a damaged file', () => {
  it('is found by verify, refuses every write with what to do in plain French, and still lets the volunteer look', async () => {
    const { desk, admin, file } = newDesk();
    const no = addMember(desk, admin, 'Françoise', 'Léveillé-Côté');
    for (let i = 0; i < 40; i++) addMember(desk, admin, `Membre${i}`, `Nom${i}`);
    desk.close();
    damageIndex(file);

    const damaged = openDesk(file);
    expect(damaged.connection.damage).not.toBeNull();
    const found = verifyDatabase(damaged.reader);
    expect(found.map((v) => v.check)).toEqual(['file']);
    expect(found[0]!.message).toMatch(/^Le fichier est endommagé \(SQLite : .*\)\. N'écrivez plus dans cette base : restaurez la dernière copie de sauvegarde \(« comptoir restore »\)\.$/s);
    try {
      createMember(damaged, admin, { firstName: 'Luc', lastName: 'Roy', force: true });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ComptoirError).code).toBe('DATABASE_DAMAGED');
      expect((error as ComptoirError).message).toContain('Ne vendez plus sur ce poste : notez les ventes sur papier et appelez le responsable');
    }
    expect(getMember(damaged, no).lastName).toBe('Léveillé-Côté');
    const api = createApiService(damaged, { log: () => {} });
    expect(await api.call('desk.state', {})).toMatchObject({ ok: true, value: { fileDamaged: true } });
    damaged.close();
    // The command line's verify says so too, with exit code 1.
    const verified = cli('--db', file, 'verify');
    expect(verified.status).toBe(1);
    expect(verified.stdout).toContain('[file] Le fichier est endommagé');
  });
});

describe('what the file refuses, said plainly', () => {
  it('says another program holds the database, and saves nothing', () => {
    const { desk, admin, file } = newDesk();
    desk.connection.rawDatabase.pragma('busy_timeout = 50');
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(refusal(() => addMember(desk, admin, 'Luc', 'Roy')).code).toBe('DATABASE_BUSY');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(addMember(desk, admin, 'Luc', 'Roy')).toBe(100000);
  });

  it('says the disk is full, and saves nothing', () => {
    const { desk, admin } = newDesk();
    const pages = desk.connection.rawDatabase.pragma('page_count', { simple: true }) as number;
    desk.connection.rawDatabase.pragma(`max_page_count = ${pages}`);
    let code = '';
    for (let i = 0; i < 200 && !code; i++) {
      try {
        addMember(desk, admin, `Membre${i}`, 'Beaucoup'.repeat(5), { notes: 'x'.repeat(900) });
      } catch (error) {
        code = (error as ComptoirError).code;
      }
    }
    expect(code).toBe('DISK_FULL');
    expect(new ComptoirError('DISK_FULL', { file: '' }).message).toBe(
      "Le disque est plein : rien n'a été enregistré. Libérez de la place (videz la corbeille, retirez des fichiers inutiles) puis réessayez.",
    );
    expect(verifyDatabase(desk.reader)).toEqual([]);
  });

  it('says a read-only file cannot be changed, while verify and search still read it', () => {
    const { desk, admin, file } = newDesk();
    addMember(desk, admin, 'Françoise', 'Léveillé-Côté');
    desk.close();
    execFileSync('chattr', ['+i', file]);
    immutable.push(file);
    const readOnly = openDesk(file);
    try {
      expect(refusal(() => addMember(readOnly, admin, 'Luc', 'Roy')).code).toBe('DATABASE_READ_ONLY');
    } finally {
      readOnly.close();
    }
    expect(cli('--db', file, 'verify')).toMatchObject({ status: 0, stdout: 'OK\n' });
    const search = cli('--db', file, 'search', 'leveille', '--json');
    expect(search.status).toBe(0);
    expect(JSON.parse(search.stdout).results[0]).toMatchObject({ lastName: 'Léveillé-Côté' });
  });

  it('runs verify on an empty file without writing a schema into it', () => {
    const file = join(tempFolder(), 'vide.sqlite');
    writeFileSync(file, '');
    const verified = cli('--db', file, 'verify');
    expect(verified.status).toBe(2);
    expect(verified.stderr).toBe(`Ce fichier n'est pas une base de données de Comptoir : ${file}. Il n'a pas été modifié.\n`);
    expect(statSync(file).size).toBe(0);
  });
});
