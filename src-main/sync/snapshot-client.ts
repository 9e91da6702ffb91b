import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { SNAPSHOT_SEQ_HEADER, SNAPSHOT_SHA256_HEADER, serverErrorSchema } from '../../src-shared/sync-protocol.js';
import { checkServerAddress, readLimited, type SyncTarget } from './transport.js';
import { jsonOrNull } from '../../src-shared/validation.js';

/** What asking for the club's snapshot came to: it was received (up to `serverSeq`), or why there is none to use. */
export type SnapshotDownload = { kind: 'snapshot'; serverSeq: number } | { kind: 'none'; reason: string };

/**
 * Downloads the club's latest snapshot (`GET /v1/snapshot`, docs/SYNC.md, Bootstrap) as this
 * desk, handing the SQLite file's bytes to `sink` as they are decompressed (the gzip is undone
 * on Node's thread pool while `sink` works on the previous bytes). The bytes received are
 * checked against the SHA-256 the server states; `sink` must not keep anything until told the
 * download came through. Never throws: a server without a snapshot, a refusal, a cut connection,
 * no first answer within `firstAnswerMs` (30 s), more than `maxBytes` once unzipped, bytes that
 * do not match, or `sink` throwing come back as `none`.
 */
export async function downloadSnapshot(
  target: SyncTarget,
  sink: (chunk: Buffer) => void | Promise<void>,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 10 * 60_000,
  limits: { firstAnswerMs?: number; maxBytes?: number } = {},
): Promise<SnapshotDownload> {
  // The whole download may take minutes; its first answer may not (a server that never answers
  // would hold the join for all of them).
  const firstAnswer = new AbortController();
  const waiting = setTimeout(() => firstAnswer.abort(new DOMException('no answer', 'TimeoutError')), limits.firstAnswerMs ?? 30_000);
  try {
    const response = await fetchImpl(new URL('/v1/snapshot', checkServerAddress(target.address)), {
      method: 'GET',
      headers: { authorization: `Bearer ${target.deskId}.${target.credential}` },
      // Never followed (transport.ts): a redirect is no snapshot.
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), firstAnswer.signal]),
    });
    clearTimeout(waiting);
    if (!response.ok || !response.body) {
      // Read no further than any refusal of the server's goes.
      const refusal = serverErrorSchema.safeParse(jsonOrNull(await readLimited(response, 64 * 1024).catch(() => null)));
      return { kind: 'none', reason: refusal.success ? refusal.data.error.messageEn : `HTTP ${response.status}` };
    }
    const serverSeq = Number(response.headers.get(SNAPSHOT_SEQ_HEADER));
    const sha256 = response.headers.get(SNAPSHOT_SHA256_HEADER);
    if (!Number.isSafeInteger(serverSeq) || serverSeq < 1) return { kind: 'none', reason: 'no server sequence' };
    const hash = createHash('sha256');
    // A deep buffer: the thread pool keeps decompressing while the sink encrypts.
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    body.on('error', (error) => gunzip.destroy(error));
    body.pipe(gunzip);
    // Never more than a snapshot can be (a club of some 1.5 million members): a gzip that unfolds
    // beyond it would fill the disk.
    const maxBytes = limits.maxBytes ?? MAX_SNAPSHOT_BYTES;
    let unzipped = 0;
    try {
      for await (const chunk of gunzip) {
        unzipped += (chunk as Buffer).length;
        if (unzipped > maxBytes) return { kind: 'none', reason: `more than ${maxBytes} bytes once unzipped` };
        await sink(chunk as Buffer);
      }
    } finally {
      // Stops the transfer when the sink gave up.
      body.destroy();
    }
    if (hash.digest('hex') !== sha256) return { kind: 'none', reason: 'the bytes do not match their SHA-256' };
    return { kind: 'snapshot', serverSeq };
  } catch (error) {
    return { kind: 'none', reason: (error as Error).message };
  } finally {
    clearTimeout(waiting);
  }
}

/** The largest club snapshot a desk takes once unzipped, in bytes (275 MB holds 100,000 members). */
export const MAX_SNAPSHOT_BYTES = 4 * 1024 ** 3;
