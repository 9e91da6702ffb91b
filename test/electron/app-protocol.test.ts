import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp.js';
import { rendererFileFor, serveRenderer } from '../../src-main/electron/app-protocol.js';

let dir: string;
beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'comptoir-protocol-'));
  dir = join(parent, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Comptoir</title>');
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'not for the page');
});

describe('the app:// scheme', () => {
  it('maps app://comptoir/ paths into the built renderer', () => {
    expect(rendererFileFor(dir, 'app://comptoir/')).toBe(join(dir, 'index.html'));
    expect(rendererFileFor(dir, 'app://comptoir/assets/index.js?v=1#x')).toBe(join(dir, 'assets', 'index.js'));
  });

  it('refuses paths that leave the renderer folder, encoded or not', () => {
    for (const url of [
      'app://comptoir/../secret.txt',
      'app://comptoir/%2e%2e/secret.txt',
      'app://comptoir/assets/%2E%2E/%2E%2E/secret.txt',
      'app://comptoir/..%2fsecret.txt',
      'app://comptoir/..%5csecret.txt',
      'app://comptoir/%2e%2e%5c%2e%2e%5csecret.txt',
      'app://comptoir/%00index.html',
      'app://comptoir/%E0%A4%A',
    ]) {
      const file = rendererFileFor(dir, url);
      expect(file === null || file.startsWith(join(dir, '')), url).toBe(true);
      expect(file, url).not.toBe(join(dir, '..', 'secret.txt'));
    }
  });

  it('refuses other hosts and schemes', () => {
    expect(rendererFileFor(dir, 'app://other/index.html')).toBeNull();
    expect(rendererFileFor(dir, 'app://comptoir@other/index.html')).toBeNull();
    expect(rendererFileFor(dir, 'file:///etc/passwd')).toBeNull();
    expect(rendererFileFor(dir, 'not a url')).toBeNull();
  });

  it('serves files with the one CSP and the right type', async () => {
    const response = await serveRenderer(dir, { url: 'app://comptoir/assets/index.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('gives the app for a screen-like path and 404 for a missing file', async () => {
    const screen = await serveRenderer(dir, { url: 'app://comptoir/caisse', method: 'GET' });
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('<title>Comptoir</title>');
    expect((await serveRenderer(dir, { url: 'app://comptoir/assets/missing.js', method: 'GET' })).status).toBe(404);
    const escape = await serveRenderer(dir, { url: 'app://comptoir/%2e%2e/secret.txt', method: 'GET' });
    expect(await escape.text()).not.toContain('not for the page');
  });

  it('answers only GET and HEAD', async () => {
    expect((await serveRenderer(dir, { url: 'app://comptoir/index.html', method: 'POST' })).status).toBe(405);
    const head = await serveRenderer(dir, { url: 'app://comptoir/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
