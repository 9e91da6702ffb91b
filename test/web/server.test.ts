import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp.js';
import { startWebServer, type WebServer } from '../../src-main/web/server.js';
import type { Desk } from '../../src-main/core/desk/desk.js';
import { createUser } from '../../src-main/core/users/users.js';
import { newDesk, tempFolder } from '../helpers.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls every header (Host, Cookie, Content-Type). */
function send(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser mode server', () => {
  let server: WebServer;
  let cookie = '';
  let origin = '';
  let desk: Desk;
  const token = 'jeton-de-test-0123456789';
  /** A POST from the app's own page, in tab `client`. */
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    send(server.port, { path, method: 'POST', headers: { cookie, origin, 'content-type': 'application/json', 'x-comptoir-client': 'onglet-0001', ...headers }, body });
  const answer = async (path: string, body: string, headers: Record<string, string> = {}) => JSON.parse((await post(path, body, headers)).body);
  beforeAll(async () => {
    const staticDir = join(tempFolder(), 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Comptoir</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const t = newDesk();
    desk = t.desk;
    createUser(desk, t.admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
    createUser(desk, t.admin, { name: 'Paul Caron', role: 'volunteer', pin: '4321' });
    server = await startWebServer({ api: createApiService(desk, { log: () => {} }), staticDir, token });
    origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => server?.close());

  it('listens on 127.0.0.1 only and prints an address carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?t=${token}`);
  });

  it('trades the launch token, once, for a strict HttpOnly cookie of another value; the address is then dead', async () => {
    const launch = await send(server.port, { path: `/?t=${token}`, headers: { 'sec-fetch-site': 'none' } });
    expect(launch.status).toBe(303);
    const set = String(launch.headers['set-cookie']?.[0]);
    expect(set).toMatch(new RegExp(`^comptoir_${server.port}=[A-Za-z0-9_-]{32}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(set).not.toContain(token);
    cookie = set.split(';')[0]!;
    // The same address from another browser (or the history, or a copied link): refused.
    const again = await send(server.port, { path: `/?t=${token}` });
    expect(again.status).toBe(403);
    expect(again.body).toContain('Cette adresse de lancement a déjà servi. Relancez Comptoir pour en obtenir une nouvelle.');
    expect(again.headers['set-cookie']).toBeUndefined();
    // The browser that has it may open it again (a bookmark): it just goes to the app.
    expect((await send(server.port, { path: `/?t=${token}`, headers: { cookie } })).status).toBe(303);
    // The token is not a cookie.
    expect((await send(server.port, { path: '/', headers: { cookie: `comptoir_${server.port}=${token}` } })).status).toBe(403);
  });

  it('refuses anyone without the cookie, in French', async () => {
    for (const path of ['/', '/assets/app.js', `/?t=wrong`]) {
      const refused = await send(server.port, { path });
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('Ouvrez Comptoir avec l’adresse affichée à son démarrage.');
    }
    expect((await post('/api/desk.state', '{}', { cookie: `comptoir_${server.port}=nope` })).status).toBe(403);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const refused = await send(server.port, { path: '/', headers: { host: `evil.example:${server.port}`, cookie } });
    expect(refused.status).toBe(421);
  });

  it('refuses what another site or another port of 127.0.0.1 sends with the cookie', async () => {
    expect((await post('/api/desk.state', '{}', { origin: 'http://127.0.0.1:8080' })).status).toBe(403);
    expect((await post('/api/desk.state', '{}', { origin: 'null' })).status).toBe(403);
    const { origin: _none, ...withoutOrigin } = { cookie, 'content-type': 'application/json', 'x-comptoir-client': 'onglet-0001', origin };
    expect((await send(server.port, { path: '/api/desk.state', method: 'POST', headers: withoutOrigin, body: '{}' })).status).toBe(403);
    expect((await post('/api/desk.state', '{}', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await send(server.port, { path: '/', headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await post('/api/desk.state', '{}', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('serves the UI with the strict CSP, and never a file outside it', async () => {
    const page = await send(server.port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send(server.port, { path: '/assets/app.js', headers: { cookie } })).body).toBe('console.log(1)');
    const escape = await send(server.port, { path: '/assets/..%2F..%2F..%2Fetc%2Fpasswd', headers: { cookie } });
    expect(escape.body).not.toContain('root:');
  });

  it('answers a malformed address or body with a 4xx, never a 500', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%', '/api/desk.%ZZstate', '//', '//[', '//a:b@']) {
      const broken = path.startsWith('/api/') ? await post(path, '{}') : await send(server.port, { path, headers: { cookie } });
      expect([path, broken.status, broken.body]).toEqual([path, 400, 'Adresse mal formée.']);
    }
    const huge = await post('/api/members.search', JSON.stringify({ query: 'x'.repeat(1_100_000) }));
    expect([huge.status, huge.body]).toEqual([413, 'Demande trop volumineuse.']);
  });

  it('answers the contract as JSON data, errors included', async () => {
    expect(await answer('/api/desk.state', '{}')).toMatchObject({ ok: true, value: { desk: { name: 'Accueil', receiptPrefix: 'A' }, user: null } });
    expect(await answer('/api/members.search', '{"query":"roy"}')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await answer('/api/members.remove', '{}')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Demande inconnue : members.remove.' } });
    const broken = await post('/api/desk.state', '{nope');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Données invalides : la demande n’est pas du JSON valide.' } });
    expect((await post('/api/desk.state', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(405);
    expect((await send(server.port, { path: '/api/desk.state', headers: { cookie } })).status).toBe(405);
  });

  it('signs a volunteer in per tab: another tab, or the cookie alone with a tab id of its own, is signed out', async () => {
    const [lise, paul] = (await answer('/api/users.list', '{}')).value as { id: string }[];
    await answer('/api/session.signIn', JSON.stringify({ userId: lise!.id, pin: '1234' }), { 'x-comptoir-client': 'onglet-lise' });
    await answer('/api/session.signIn', JSON.stringify({ userId: paul!.id, pin: '4321' }), { 'x-comptoir-client': 'onglet-paul' });
    const who = async (tab: string) => (await answer('/api/desk.state', '{}', { 'x-comptoir-client': tab })).value.user?.name ?? null;
    expect([await who('onglet-lise'), await who('onglet-paul'), await who('onglet-vole-01')]).toEqual(['Lise Bouchard', 'Paul Caron', null]);
    expect(await answer('/api/members.search', '{"query":"roy"}', { 'x-comptoir-client': 'un-autre-onglet' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const missing = await post('/api/desk.state', '{}', { 'x-comptoir-client': '' });
    expect([missing.status, JSON.parse(missing.body).error.code]).toEqual([400, 'CLIENT_MISSING']);
  });
});
