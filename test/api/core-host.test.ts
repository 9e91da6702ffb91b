import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CoreStartError, startCore } from '../../src-main/api/core-host.js';
import { createUser } from '../../src-main/core/users/users.js';
import { startBrowserMode } from '../../src-main/web/main.js';
import { newDesk, tempFolder } from '../helpers.js';

/** A set-up desk file with a volunteer, closed so the core can open it. */
function deskFile(): string {
  const { desk, admin, file } = newDesk();
  createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
  desk.close();
  return file;
}

function get(port: number, path: string, cookie = ''): Promise<{ status: number; cookie: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, cookie } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]! }));
    })
      .on('error', reject)
      .end();
  });
}

function post(port: number, method: string, body: unknown, cookie: string): Promise<{ ok: boolean; error?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, cookie, 'content-type': 'application/json', 'x-comptoir-client': 'onglet-essai' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the core in its own thread', () => {
  it('answers the contract from a thread other than the one that serves the windows', async () => {
    const core = await startCore({ file: deskFile(), log: () => {} });
    expect(core.threadId).not.toBe(threadId);
    const users = await core.call('users.list', {});
    expect(users).toMatchObject({ ok: true, value: [{ name: 'Lise Bouchard', role: 'volunteer' }] });
    expect(await core.callByName('members.remove', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    await core.close();
    expect(await core.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('keeps serving the screens while the core waits on a database another program has locked', async () => {
    const staticDir = join(tempFolder(), 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Comptoir</title>');
    const file = deskFile();
    const token = 'jeton-de-test-0123456789';
    const mode = await startBrowserMode({ file, staticDir, token, log: () => {} });
    const port = mode.server.port;
    const { cookie } = await get(port, `/?t=${token}`);
    const users = (await mode.core!.call('users.list', {})) as { ok: true; value: { id: string }[] };
    expect(await post(port, 'session.signIn', { userId: users.value[0]!.id, pin: '1234' }, cookie)).toMatchObject({ ok: true });

    // Another program takes the write lock: the core's next write waits for it (busy_timeout).
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    const write = post(port, 'drawer.open', { count: { '2000': 5 } }, cookie).then((answer) => {
      order.push('write answered');
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The page still loads while the write waits.
    expect((await get(port, '/', cookie)).status).toBe(200);
    order.push('page served');
    other.exec('COMMIT');
    other.close();
    expect(await write).toMatchObject({ ok: true });
    expect(order).toEqual(['page served', 'write answered']);
    await mode.close();
  });

  it('refuses to start on a database that is not set up, saying so in French', async () => {
    const file = join(tempFolder(), 'vide.sqlite');
    writeFileSync(file, '');
    const started = startCore({ file, log: () => {} });
    await expect(started).rejects.toBeInstanceOf(CoreStartError);
    await expect(started).rejects.toThrow('Ce poste n\'est pas encore configuré');
  });

  it('asks the shell that started it to save a file or to print', async () => {
    const saved: [string, number][] = [];
    const printed: [string, number, string][] = [];
    const core = await startCore({
      file: deskFile(),
      log: () => {},
      saveFile: async (filename, bytes) => {
        saved.push([filename, bytes.length]);
        return `/home/benevole/${filename}`;
      },
      print: async (bytes, kind) => {
        printed.push([Buffer.from(bytes).subarray(0, 8).toString(), bytes.length, kind]);
      },
    });
    const users = (await core.call('users.list', {})) as { ok: true; value: { id: string }[] };
    await core.call('session.signIn', { userId: users.value[0]!.id, pin: '1234' });
    const answer = await core.call('files.save', { filename: 'recu-A-000001.pdf', base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(answer).toEqual({ ok: true, value: { saved: true, path: '/home/benevole/recu-A-000001.pdf' } });
    expect(saved).toEqual([['recu-A-000001.pdf', 8]]);
    // The PDF itself reaches the shell's printer, with which printer it is for.
    expect(await core.call('desk.print', { filename: 'recu-A-000001.pdf', base64: Buffer.from('%PDF-1.7').toString('base64'), kind: 'receipt' })).toEqual({
      ok: true,
      value: { printed: true },
    });
    expect(printed).toEqual([['%PDF-1.7', 8, 'receipt']]);
    await core.close();
  });
});
