import { createHash } from 'node:crypto';
import { SNAPSHOT_SEQ_HEADER, SNAPSHOT_SHA256_HEADER, serverErrorSchema } from '../../src-shared/sync-protocol.js';
import { checkServerAddress, type SyncTarget } from './transport.js';

/** What asking for the club's snapshot came to: its bytes and server sequence, or why there is none to use. */
export type SnapshotDownload = { kind: 'snapshot'; serverSeq: number; bytes: Buffer } | { kind: 'none'; reason: string };

/**
 * Downloads the club's latest snapshot (`GET /v1/snapshot`, docs/SYNC.md, Bootstrap) as this
 * desk. The bytes are checked against the SHA-256 the server states. Never throws: a server
 * without a snapshot, a refusal, a cut connection or bytes that do not match all come back as
 * `none`, and the desk pulls the club's log from the start instead.
 */
export async function downloadSnapshot(target: SyncTarget, fetchImpl: typeof fetch = fetch, timeoutMs = 10 * 60_000): Promise<SnapshotDownload> {
  try {
    const response = await fetchImpl(new URL('/v1/snapshot', checkServerAddress(target.address)), {
      method: 'GET',
      headers: { authorization: `Bearer ${target.deskId}.${target.credential}`, 'accept-encoding': 'gzip' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      const refusal = serverErrorSchema.safeParse(await response.json().catch(() => null));
      return { kind: 'none', reason: refusal.success ? refusal.data.error.messageEn : `HTTP ${response.status}` };
    }
    const serverSeq = Number(response.headers.get(SNAPSHOT_SEQ_HEADER));
    const sha256 = response.headers.get(SNAPSHOT_SHA256_HEADER);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!Number.isSafeInteger(serverSeq) || serverSeq < 1) return { kind: 'none', reason: 'no server sequence' };
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return { kind: 'none', reason: 'the bytes do not match their SHA-256' };
    return { kind: 'snapshot', serverSeq, bytes };
  } catch (error) {
    return { kind: 'none', reason: (error as Error).message };
  }
}
