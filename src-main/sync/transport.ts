import type { z } from 'zod';
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
  const json = init.body === undefined ? undefined : JSON.stringify(init.body);
  const send = () => {
    const timeout = AbortSignal.timeout(init.timeoutMs ?? 30_000);
    return fetchImpl(url, {
      method: init.method,
      headers: {
        ...(target.deskId ? { authorization: `Bearer ${target.deskId}.${target.credential}` } : {}),
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: json }),
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
  };
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // A kept-alive connection the server closed just as this call left on it (its idle timeout,
    // or a restart) is the commonest one-off failure: tried once more at once. Every call is safe
    // to send twice, whether or not the server took the first (a push or an enrollment repeated
    // changes nothing, a block of numbers asked twice leaves one unused); a timeout or a stop is
    // not tried again.
    if (init.signal?.aborted || (error as Error).name === 'TimeoutError') return unreachable(target.address);
    try {
      response = await send();
    } catch {
      return unreachable(target.address);
    }
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { kind: 'ok', body };
  const refusal = serverErrorSchema.safeParse(body);
  const error = refusal.success ? refusal.data.error : { code: 'SERVER_FAILURE', message: new ComptoirError('SERVER_FAILURE').message, messageEn: new ComptoirError('SERVER_FAILURE').messageIn('en') };
  if (response.status >= 400 && response.status < 500 && response.status !== 429) return { kind: 'rejected', status: response.status, error };
  return { kind: 'retry', reason: error.message, error };
}

function unreachable(address: string): CallOutcome {
  return { kind: 'retry', reason: new ComptoirError('SERVER_UNREACHABLE', { address }).message };
}

/**
 * A server's answer read with the contract's schema (src-shared/sync-protocol.ts).
 *
 * @throws SERVER_ANSWER_INVALID, in French, when it does not fit: the address is not a Comptoir
 *   server's, or not one of this version.
 */
export function readAnswer<S extends z.ZodType>(schema: S, body: unknown, address: string): z.output<S> {
  const answer = schema.safeParse(body);
  if (!answer.success) throw new ComptoirError('SERVER_ANSWER_INVALID', { address });
  return answer.data;
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
