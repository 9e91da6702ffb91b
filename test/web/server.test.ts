import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp.js';
import { startWebServer, type WebServer } from '../../src-main/web/server.js';
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
  const token = 'jeton-de-test-0123456789';
  const cookie = `comptoir_token=${token}`;
  beforeAll(async () => {
    const staticDir = join(tempFolder(), 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Comptoir</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const { desk } = newDesk();
    server = await startWebServer({ api: createApiService(desk, { log: () => {} }), staticDir, token });
  });
  afterAll(async () => server?.close());

  it('listens on 127.0.0.1 only and prints an address carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?t=${token}`);
  });

  it('trades the launch token for a strict, HttpOnly cookie', async () => {
    const answer = await send(server.port, { path: `/?t=${token}` });
    expect(answer.status).toBe(303);
    expect(answer.headers['set-cookie']?.[0]).toBe(`comptoir_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('refuses anyone without the token, in French', async () => {
    for (const path of ['/', '/assets/app.js', `/?t=wrong`]) {
      const answer = await send(server.port, { path });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('Ouvrez Comptoir avec l’adresse affichée à son démarrage.');
    }
    const api = await send(server.port, { path: '/api/desk.state', method: 'POST', headers: { 'content-type': 'application/json', cookie: 'comptoir_token=nope' }, body: '{}' });
    expect(api.status).toBe(403);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const answer = await send(server.port, { path: '/', headers: { host: `evil.example:${server.port}`, cookie } });
    expect(answer.status).toBe(421);
  });

  it('serves the UI with the strict CSP, and never a file outside it', async () => {
    const page = await send(server.port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send(server.port, { path: '/assets/app.js', headers: { cookie } })).body).toBe('console.log(1)');
    const escape = await send(server.port, { path: '/assets/..%2F..%2F..%2Fetc%2Fpasswd', headers: { cookie } });
    expect(escape.body).not.toContain('root:');
  });

  it('answers the contract as JSON data, errors included', async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      send(server.port, { path, method: 'POST', headers: { cookie, 'content-type': type }, body });
    const state = JSON.parse((await post('/api/desk.state', '{}')).body);
    expect(state).toMatchObject({ ok: true, value: { desk: { name: 'Accueil', receiptPrefix: 'A' }, user: null } });
    expect(JSON.parse((await post('/api/members.search', '{"query":"roy"}')).body)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(JSON.parse((await post('/api/members.remove', '{}')).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Demande inconnue : members.remove.' } });
    const broken = await post('/api/desk.state', '{nope');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Données invalides : la demande n’est pas du JSON valide.' } });
    expect((await post('/api/desk.state', 'a=1', 'application/x-www-form-urlencoded')).status).toBe(405);
    expect((await send(server.port, { path: '/api/desk.state', headers: { cookie } })).status).toBe(405);
  });
});
