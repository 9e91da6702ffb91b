import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../csp.js';

// No Electron import here: this runs (and is tested) under plain Node; main.ts plugs it into
// protocol.handle.

/** The UI is served from app://comptoir/ (a standard, secure scheme): never file://, never http. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'comptoir';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The file a request to app://comptoir/… names inside the built renderer, or null when it must
 * be refused: another scheme or host, a malformed escape, or a path that leaves the folder
 * (`..`, encoded or not, or a Windows backslash).
 */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${sep}${path.replaceAll('\\', '/')}`);
  if (file === root) return join(root, 'index.html');
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Answers one request to the app scheme with a built renderer file and the one CSP. Screens are
 * not URLs: an unknown path without an extension gets the app, like the browser mode does.
 */
export async function serveRenderer(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, null);
  const file = rendererFileFor(rendererDir, request.url);
  if (!file) return answer(404, null);
  let body: Buffer;
  let served = file;
  try {
    body = await readFile(file);
  } catch {
    if (extname(file) !== '') return answer(404, null);
    served = join(resolve(rendererDir), 'index.html');
    try {
      body = await readFile(served);
    } catch {
      return answer(404, null);
    }
  }
  return answer(200, request.method === 'HEAD' ? null : body, TYPES[extname(served)] ?? 'application/octet-stream');
}

function answer(status: number, body: Buffer | null, type = 'text/plain; charset=utf-8'): Response {
  return new Response(body === null ? null : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
