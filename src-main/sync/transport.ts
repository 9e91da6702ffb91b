import { ComptoirError } from '../../src-shared/errors.js';
import { serverErrorSchema, type ServerError } from '../../src-shared/sync-protocol.js';

/** Where the club's server is and how this desk proves who it is (given at enrollment). */
export interface SyncTarget {
  /** The server's address, `https://…` (plain `http://` only on this computer: tests, the demo). */
  address: string;
  deskId: string;
  credential: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/**
 * The server's address, checked: production traffic is HTTPS; plain HTTP is allowed only on
 * loopback, where the demo and the tests run.
 *
 * @throws SERVER_ADDRESS_INSECURE for `http://` elsewhere or another scheme; INVALID_INPUT for
 *   something that is not an address.
 */
export function checkServerAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ComptoirError('INVALID_INPUT', { fr: `« ${address} » n’est pas une adresse`, en: `"${address}" is not an address` });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw new ComptoirError('SERVER_ADDRESS_INSECURE', { address });
}

/** What a call to the server came to: its answer, a refusal (4xx: do not send the same again), or try later (5xx, 429, no answer). */
export type CallOutcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'rejected'; status: number; error: ServerError['error'] }
  | { kind: 'retry'; reason: string; error?: ServerError['error'] };

/**
 * One call to the server's API, as the desk (`Authorization: Bearer <desk id>.<credential>`),
 * or anonymously to enroll. Never throws for the network or the server: the outcome says it.
 */
export async function callServer(
  target: Pick<SyncTarget, 'address'> & Partial<SyncTarget>,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown; timeoutMs?: number; signal?: AbortSignal },
  fetchImpl: typeof fetch = fetch,
): Promise<CallOutcome> {
  const url = new URL(path, checkServerAddress(target.address));
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method,
      headers: {
        ...(target.deskId ? { authorization: `Bearer ${target.deskId}.${target.credential}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(init.timeoutMs ?? 30_000)]) : AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
  } catch {
    return { kind: 'retry', reason: new ComptoirError('SERVER_UNREACHABLE', { address: target.address }).message };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { kind: 'ok', body };
  const refusal = serverErrorSchema.safeParse(body);
  const error = refusal.success ? refusal.data.error : { code: 'SERVER_FAILURE', message: new ComptoirError('SERVER_FAILURE').message, messageEn: new ComptoirError('SERVER_FAILURE').messageIn('en') };
  if (response.status >= 400 && response.status < 500 && response.status !== 429) return { kind: 'rejected', status: response.status, error };
  return { kind: 'retry', reason: error.message, error };
}

/**
 * The wait before the next attempt after `failures` failures in a row, in milliseconds:
 * exponential from 1 s up to 5 minutes, with "full jitter" (a random share of it) so that desks
 * that lost the network together do not all come back at the same instant.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
