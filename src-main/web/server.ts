import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiService } from '../api/service.js';
import { CONTENT_SECURITY_POLICY } from '../csp.js';

export interface WebServerOptions {
  api: ApiService;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  port?: number;
  /** Fixed only in tests; a new random token at every launch otherwise. */
  token?: string;
}

export interface WebServer {
  /** The address to open, token included: the only way in. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'comptoir_token';
const MAX_BODY = 1_000_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The browser mode: the built UI and the same contract as Electron's IPC, over HTTP on 127.0.0.1
 * only. A random token, given once in the launch address and then kept in a SameSite=Strict
 * cookie, guards every request; the Host header must be the loopback address (no DNS rebinding);
 * the API only takes JSON POSTs (no cross-site form can reach it).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'Erreur interne.'));
  });

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Adresse refusée.');
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const offered = url.searchParams.get('t');
    if (offered !== null) {
      if (!tokenMatches(offered)) return forbidden(response);
      response.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      response.setHeader('Location', '/');
      return send(response, 303, 'text/plain; charset=utf-8', '');
    }
    if (!tokenMatches(cookie(request, COOKIE))) return forbidden(response);

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST' || !String(request.headers['content-type']).startsWith('application/json')) {
        return send(response, 405, 'text/plain; charset=utf-8', 'POST application/json seulement.');
      }
      let input: unknown;
      try {
        const body = await readBody(request);
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return json(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Données invalides : la demande n’est pas du JSON valide.' } });
      }
      const result = await options.api.callByName(decodeURIComponent(url.pathname.slice(5)), input);
      return json(response, 200, result);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', '');
    return serveFile(response, url.pathname);
  }

  async function serveFile(response: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(options.staticDir, relative || 'index.html');
    if (!file.startsWith(options.staticDir + sep) && file !== options.staticDir) return send(response, 404, 'text/plain', '');
    try {
      const body = await readFile(file);
      const immutable = relative.startsWith('assets/');
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-store');
      return send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      // Screens are not URLs: anything unknown gets the app, which starts at its first screen.
      if (extname(relative) === '') return serveFile(response, '/index.html');
      return send(response, 404, 'text/plain; charset=utf-8', 'Introuvable.');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function forbidden(response: ServerResponse): void {
  send(
    response,
    403,
    'text/html; charset=utf-8',
    '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Comptoir</title><p>Ouvrez Comptoir avec l’adresse affichée à son démarrage.</p></html>',
  );
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
