import type { z } from 'zod';
import { ComptoirError } from '../../src-shared/errors.js';
import { jsonOrNull } from '../../src-shared/validation.js';
import { MAX_PULL_PAGE_BYTES, serverErrorSchema, type ServerError } from '../../src-shared/sync-protocol.js';

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

/**
 * What a call to the server came to: its answer, checked against the contract; a refusal (4xx
 * in the server's words: do not send the same again); or try later — the server's own « not
 * now » (5xx, 429: `error` holds its words), no answer at all or only part of one (no `error`),
 * or an answer that is not a Comptoir server's (`foreign`: a wrong address, another version).
 */
export type CallOutcome<T = unknown> =
  | { kind: 'ok'; body: T }
  | { kind: 'rejected'; status: number; error: ServerError['error'] }
  | { kind: 'retry'; reason: string; error?: ServerError['error']; foreign?: true };

/**
 * One call to the server's API, as the desk (`Authorization: Bearer <desk id>.<credential>`),
 * or anonymously to enroll; its answer read with `answer`, the contract's schema
 * (src-shared/sync-protocol.ts). Never throws for the network or the server: the outcome says it.
 */
export async function callServer<S extends z.ZodType>(
  target: Pick<SyncTarget, 'address'> & Partial<SyncTarget>,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown; answer: S; timeoutMs?: number; signal?: AbortSignal },
  fetchImpl: typeof fetch = fetch,
): Promise<CallOutcome<z.output<S>>> {
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
      // A Comptoir server never redirects: followed, a push (members' keys inside) would go wherever
      // the answer says, plain HTTP included. A redirect is read as the answer of another site.
      redirect: 'manual',
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
  let text: string;
  try {
    const read = await readLimited(response, MAX_ANSWER_BYTES);
    // Larger than any answer a Comptoir server gives: not read further (it would fill the memory).
    if (read === null) return foreign(target.address);
    text = read;
  } catch {
    // The connection was cut partway through the answer: as good as no answer.
    return unreachable(target.address);
  }
  const body = jsonOrNull(text);
  if (response.ok) {
    const answer = init.answer.safeParse(body);
    return answer.success ? { kind: 'ok', body: answer.data } : foreign(target.address);
  }
  // A redirect, whatever its body says: never the club's server speaking (it never redirects).
  if (response.status >= 300 && response.status < 400) return foreign(target.address);
  const refusal = serverErrorSchema.safeParse(body);
  const busy = response.status >= 500 || response.status === 429;
  if (refusal.success) return busy ? { kind: 'retry', reason: refusal.data.error.message, error: refusal.data.error } : { kind: 'rejected', status: response.status, error: refusal.data.error };
  // Not in a Comptoir server's words: a proxy in front of a server that is down (502, 503…) is
  // no answer yet; a page not found, or any other refusal, is a wrong address.
  return busy ? unreachable(target.address) : foreign(target.address);
}

/**
 * The largest answer a desk reads, in bytes: well above a page of the club's log (the server cuts
 * its pages at `MAX_PULL_PAGE_BYTES`) or a push's answer.
 */
export const MAX_ANSWER_BYTES = 4 * MAX_PULL_PAGE_BYTES;

/** An answer's text, read up to `limit` bytes; null when it holds more (the rest is not read). @throws when the connection breaks. */
export async function readLimited(response: Response, limit: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function unreachable(address: string): CallOutcome<never> {
  return { kind: 'retry', reason: new ComptoirError('SERVER_UNREACHABLE', { address }).message };
}

/** The answer of an address that is not a Comptoir server's (or not one of this version's). */
export function foreign(address: string): Extract<CallOutcome, { kind: 'retry' }> {
  return { kind: 'retry', reason: new ComptoirError('SERVER_ANSWER_INVALID', { address }).message, foreign: true };
}

/**
 * What a call that did not come through means to a command that cannot wait (join, reserving
 * numbers): the error to throw.
 */
export function callFailure(outcome: Exclude<CallOutcome, { kind: 'ok' }>, address: string): ComptoirError {
  if (outcome.kind === 'rejected' || outcome.error) {
    const error = outcome.kind === 'rejected' ? outcome.error : outcome.error!;
    return new ComptoirError('SERVER_REFUSED', { fr: error.message, en: error.messageEn });
  }
  return new ComptoirError(outcome.foreign ? 'SERVER_ANSWER_INVALID' : 'SERVER_UNREACHABLE', { address });
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
