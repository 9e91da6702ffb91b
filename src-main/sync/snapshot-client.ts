import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { SNAPSHOT_SEQ_HEADER, SNAPSHOT_SHA256_HEADER, serverErrorSchema } from '../../src-shared/sync-protocol.js';
import { checkServerAddress, type SyncTarget } from './transport.js';

/** What asking for the club's snapshot came to: it was received (up to `serverSeq`), or why there is none to use. */
export type SnapshotDownload = { kind: 'snapshot'; serverSeq: number } | { kind: 'none'; reason: string };

/**
 * Downloads the club's latest snapshot (`GET /v1/snapshot`, docs/SYNC.md, Bootstrap) as this
 * desk, handing the SQLite file's bytes to `sink` as they are decompressed (the gzip is undone
 * on Node's thread pool while `sink` works on the previous bytes). The bytes received are
 * checked against the SHA-256 the server states; `sink` must not keep anything until told the
 * download came through. Never throws: a server without a snapshot, a refusal, a cut connection,
 * bytes that do not match, or `sink` throwing come back as `none`.
 */
export async function downloadSnapshot(target: SyncTarget, sink: (chunk: Buffer) => void | Promise<void>, fetchImpl: typeof fetch = fetch, timeoutMs = 10 * 60_000): Promise<SnapshotDownload> {
  try {
    const response = await fetchImpl(new URL('/v1/snapshot', checkServerAddress(target.address)), {
      method: 'GET',
      headers: { authorization: `Bearer ${target.deskId}.${target.credential}` },
      // Never followed (transport.ts): a redirect is no snapshot.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok || !response.body) {
      const refusal = serverErrorSchema.safeParse(await response.json().catch(() => null));
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
    try {
      for await (const chunk of gunzip) await sink(chunk as Buffer);
    } finally {
      // Stops the transfer when the sink gave up.
      body.destroy();
    }
    if (hash.digest('hex') !== sha256) return { kind: 'none', reason: 'the bytes do not match their SHA-256' };
    return { kind: 'snapshot', serverSeq };
  } catch (error) {
    return { kind: 'none', reason: (error as Error).message };
  }
}
