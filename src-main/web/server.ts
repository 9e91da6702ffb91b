import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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

/** The header a tab names itself with (a random id it keeps in its sessionStorage). */
export const CLIENT_HEADER = 'x-comptoir-client';
const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;

/** A request refused before it reaches the core: its status and a plain French sentence. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The browser mode: the built UI and the same contract as Electron's IPC, over HTTP on 127.0.0.1
 * only. Who may come in:
 * - the launch address carries a random token that works **once**: the browser that opens it gets
 *   a session cookie of its own (another random value, HttpOnly, SameSite=Strict), and the address
 *   is then dead (another browser, a copied link, the history, all get 403);
 * - the Host header must be this loopback address (no DNS rebinding); requests sent from another
 *   site or another port of 127.0.0.1 are refused (`Origin`, `Sec-Fetch-Site`): a cookie is shared
 *   by every port of a host, a page's origin is not;
 * - the API only takes JSON POSTs, each naming its tab (`X-Comptoir-Client`): each tab signs its
 *   own volunteer in, so a cookie alone (read by another program on another port) signs nobody in.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const launchToken = options.token ?? randomBytes(24).toString('base64url');
  let launchUsed = false;
  let browserSecret: string | null = null;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof Refusal) return send(response, error.status, 'text/plain; charset=utf-8', error.message);
      send(response, 500, 'text/plain; charset=utf-8', 'Erreur interne.');
    });
  });
  const port = () => (server.address() as AddressInfo).port;
  // Cookies ignore ports: the name carries ours, so two desks on one computer keep apart.
  const cookieName = () => `comptoir_${port()}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Adresse refusée.');
    }
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return forbidden(response);
    const url = parsedUrl(request.url ?? '/', host);
    const signedBrowser = browserSecret !== null && same(cookie(request, cookieName()), browserSecret);
    const offered = url.searchParams.get('t');
    if (offered !== null) {
      if (!signedBrowser) {
        if (!same(offered, launchToken)) return forbidden(response);
        if (launchUsed) return forbidden(response, 'Cette adresse de lancement a déjà servi. Relancez Comptoir pour en obtenir une nouvelle.');
        launchUsed = true;
        browserSecret = randomBytes(24).toString('base64url');
        response.setHeader('Set-Cookie', `${cookieName()}=${browserSecret}; HttpOnly; SameSite=Strict; Path=/`);
      }
      response.setHeader('Location', '/');
      return send(response, 303, 'text/plain; charset=utf-8', '');
    }
    if (!signedBrowser) return forbidden(response);

    const path = decodedPath(url.pathname);
    if (path.startsWith('/api/')) return answerApi(request, response, path.slice(5), host);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', '');
    return serveFile(response, path);
  }

  async function answerApi(request: IncomingMessage, response: ServerResponse, method: string, host: string): Promise<void> {
    if (request.method !== 'POST' || !String(request.headers['content-type']).startsWith('application/json')) {
      return send(response, 405, 'text/plain; charset=utf-8', 'POST application/json seulement.');
    }
    if (request.headers.origin !== `http://${host}`) return forbidden(response);
    const client = request.headers[CLIENT_HEADER];
    if (typeof client !== 'string' || !CLIENT_ID.test(client)) {
      return json(response, 400, { ok: false, error: { code: 'CLIENT_MISSING', message: 'Demande refusée : elle ne dit pas de quel onglet elle vient. Rechargez la page.' } });
    }
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length ? JSON.parse(body) : {};
    } catch (error) {
      if (error instanceof Refusal) throw error;
      return json(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Données invalides : la demande n’est pas du JSON valide.' } });
    }
    return json(response, 200, await options.api.callByName(method, input, `browser:${client}`));
  }

  async function serveFile(response: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
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
  return {
    url: `http://127.0.0.1:${port()}/?t=${launchToken}`,
    port: port(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, policy = CONTENT_SECURITY_POLICY): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Security-Policy', policy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * The refusal page's look, in the app's colours and type: inline (the app's stylesheet is behind
 * the same door), allowed by its hash alone, never by 'unsafe-inline'.
 */
const FORBIDDEN_STYLE =
  'body{margin:0;font:1.25rem/1.5 system-ui,sans-serif;color:#111;background:#fff}' +
  'header{background:#0b3d91;color:#fff;padding:1rem 1.5rem;font-weight:700}' +
  'main{max-width:36rem;margin:2rem auto;padding:0 1.5rem}' +
  'p{border-left:.5rem solid #7a4a00;padding:.75rem 1rem;background:#fdf6e9}';
const FORBIDDEN_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'sha256-${createHash('sha256').update(FORBIDDEN_STYLE).digest('base64')}'`);

function forbidden(response: ServerResponse, message = 'Ouvrez Comptoir avec l’adresse affichée à son démarrage.'): void {
  send(
    response,
    403,
    'text/html; charset=utf-8',
    `<!doctype html><html lang="fr-CA"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Comptoir</title><style>${FORBIDDEN_STYLE}</style><header>Comptoir</header><main><h1>Accès refusé</h1><p>${message}</p></main></html>`,
    FORBIDDEN_POLICY,
  );
}

/** Compares two secrets in constant time. */
function same(candidate: string | undefined, secret: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's address. @throws Refusal 400 when it cannot be read (`//`, `http://[`). */
function parsedUrl(target: string, host: string): URL {
  try {
    return new URL(target, `http://${host}`);
  } catch {
    throw new Refusal(400, 'Adresse mal formée.');
  }
}

/** The path, %-decoded. @throws Refusal 400 when the encoding is broken (`/%E0%A4%A`). */
function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    throw new Refusal(400, 'Adresse mal formée.');
  }
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
        reject(new Refusal(413, 'Demande trop volumineuse.'));
        request.resume();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
