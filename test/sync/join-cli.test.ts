import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createEnrollmentCode } from '../../src-server/desks.js';
import type { Run } from '../cli/comptoir.js';
import { tempFolder } from '../helpers.js';
import { readSyncTarget } from '../../src-main/core/ledger/sync-progress.js';
import { joinClubServer } from '../../src-main/sync/join.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { reserveMemberNumbers } from '../../src-main/sync/number-blocks.js';
import { testClub, testServerDb } from '../server/harness.js';

const BIN = fileURLToPath(new URL('../../bin/comptoir.mjs', import.meta.url));

/** `comptoir ARGS…` in a child process, without blocking this one (the server answers from here). */
function comptoir(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('a desk joining its club’s server from the command line', () => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  let address: string;
  beforeAll(async () => {
    sdb = await testServerDb('sqlite');
    await testClub(sdb);
    app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await sdb.close();
  });

  it('joins with a one-time code, then sends its work and says it is in sync', async () => {
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 2' });
    const file = join(tempFolder(), 'poste.sqlite');
    const joined = await comptoir('--db', file, 'join', '--server', address, '--code', code);
    expect(joined.stderr).toBe('');
    expect(joined.stdout).toMatch(/^Poste « Salle 2 » joint au serveur du club Club demo \(http:\/\/127\.0\.0\.1:\d+\)\.\nReçus : A-000001, A-000002…\n/);
    // Without a key, said plainly: the club's members are in it.
    expect(joined.stdout).toMatch(/\nAttention : ce fichier n'est pas chiffré, et il contient les données personnelles des membres du club\./);
    expect((await comptoir('--db', file, 'member', 'add', '--first', 'Ginette', '--last', 'Lachance')).code).toBe(0);
    const synced = await comptoir('--db', file, 'sync');
    expect(synced.stdout).toMatch(/^Synchronisé : le serveur a tout reçu et le poste a tout reçu du serveur\./);
    const held = await sdb.db.selectFrom('operation').select('action').execute();
    expect(held.map((row) => row.action)).toEqual(['desk.init', 'member.create']);

    // The same code again, on another new file: refused in the server's words, and no file is left half made.
    const again = await comptoir('--db', join(tempFolder(), 'autre.sqlite'), 'join', '--server', address, '--code', code);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^Ce code d'inscription n'est pas valide/);
  });

  it('gets in though the answer to its enrollment was lost after the server took the code', async () => {
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 3' });
    let lost = 0;
    // The server takes the code and answers; the answer never reaches the desk, twice (the call's
    // own second try at once, then the join's a second later).
    const losing: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (String(url).endsWith('/v1/enroll') && lost++ < 2) throw new TypeError('fetch failed');
      return response;
    };
    const desk = await joinClubServer(join(tempFolder(), 'poste.sqlite'), { address, code }, {}, losing);
    try {
      expect(lost).toBe(3);
      const target = readSyncTarget(desk.reader)!;
      const desks = await sdb.db.selectFrom('desk').select(['id', 'name']).where('name', '=', 'Salle 3').execute();
      expect(desks).toEqual([{ id: target.deskId, name: 'Salle 3' }]);
      // The credential it holds is the one that works.
      expect((await pushPending(desk, target)).kind).toBe('sent');
    } finally {
      desk.close();
    }
  });

  it('refuses what cannot work before spending a code: a file that exists, a server without HTTPS, a desk on its own asked to sync', async () => {
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 3' });
    const folder = tempFolder();
    expect((await comptoir('--db', join(folder, 'seul.sqlite'), 'init', '--desk', 'Seul', '--prefix', 'S')).code).toBe(0);
    const existing = await comptoir('--db', join(folder, 'seul.sqlite'), 'join', '--server', address, '--code', code);
    expect(existing.stderr).toMatch(/^Un poste se joint au serveur du club à sa toute première mise en route/);
    const insecure = await comptoir('--db', join(folder, 'neuf.sqlite'), 'join', '--server', 'http://club.example.org', '--code', code);
    expect(insecure.stderr).toMatch(/^L'adresse http:\/\/club\.example\.org n'est pas sécurisée/);
    const alone = await comptoir('--db', join(folder, 'seul.sqlite'), 'sync');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^Ce poste est autonome/);
    // The code still works; with a key, the file is encrypted and nothing warns.
    writeFileSync(join(folder, 'neuf.key'), randomBytes(32).toString('hex'));
    const encrypted = await comptoir('--db', join(folder, 'neuf.sqlite'), '--key-file', join(folder, 'neuf.key'), 'join', '--server', address, '--code', code);
    expect(encrypted.code).toBe(0);
    expect(encrypted.stdout).not.toMatch(/Attention/);
    expect(readFileSync(join(folder, 'neuf.sqlite')).subarray(0, 15).toString()).not.toBe('SQLite format 3');
  });

  it('says in French that an address answering as something else is not the club’s server, and leaves no file', async () => {
    const folder = tempFolder();
    for (const answer of ['{"hello":"world"}', '[]', 'null', '{"club":{"id":"x"},"desk":{},"credential":"court","memberNumbers":{"first":"1"}}']) {
      const other = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(answer));
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const otherAddress = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      try {
        const file = join(folder, 'neuf.sqlite');
        await expect(joinClubServer(file, { address: otherAddress, code: 'ABCD-EFGH-JKMN' })).rejects.toThrow(
          `L'adresse ${otherAddress} répond, mais pas comme le serveur d'un club Comptoir (ou d'une autre version) : vérifiez l'adresse du serveur. Rien n'a été enregistré sur ce poste.`,
        );
        expect(existsSync(file)).toBe(false);
        // And the same through a desk already joined, asking for member numbers: said the same way, nothing added.
        const joined = await joinClubServer(join(folder, `poste-${answer.length}.sqlite`), { address, code: (await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 4' })).code });
        try {
          const blocks = () => joined.reader.rawAll('SELECT * FROM member_number_block');
          const before = blocks();
          await expect(reserveMemberNumbers(joined, { ...readSyncTarget(joined.reader)!, address: otherAddress }, 5000)).rejects.toThrow(/^L'adresse .* répond, mais pas comme le serveur d'un club Comptoir/);
          expect(blocks()).toEqual(before);
        } finally {
          joined.close();
        }
      } finally {
        other.close();
      }
    }
  });
});
