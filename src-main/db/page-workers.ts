import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatabaseKey } from './key.js';
import { encryptPageBatch, pageKeys } from './sqlcipher-pages.js';

/**
 * Worker threads that encrypt a file's pages in SQLCipher's format (sqlcipher-pages.ts) side by
 * side: a club snapshot is hundreds of megabytes, and one core encrypts some 100 MB a second.
 * The workers run `encryptPageBatch`'s own source (no bundled worker file to ship).
 */
export interface PageWorkers {
  /**
   * Encrypts whole pages and writes them where they go in the file; batches may finish in any
   * order. `plain` is handed over when it owns its memory (it must not be used after), copied
   * otherwise.
   */
  encryptInto(plain: Buffer, firstPage: number): Promise<void>;
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const crypto = require('node:crypto');
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const encryptPageBatch = ${encryptPageBatch.toString()};
const raw = Buffer.from(workerData.raw), hmacKey = Buffer.from(workerData.hmacKey), salt = Buffer.from(workerData.salt);
parentPort.on('message', ({ id, firstPage, plain }) => {
  try {
    const out = encryptPageBatch(crypto, raw, hmacKey, salt, firstPage, plain);
    // Written here: the encrypted pages never travel back to the main thread.
    fs.writeSync(workerData.fd, out, 0, out.length, (firstPage - 1) * 4096);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

/**
 * Starts the workers (as many as the computer's cores, at most 4) for one file encrypted with
 * `key`, open for writing as `fd`.
 */
export function startPageWorkers(key: DatabaseKey, fd: number, threads = Math.max(1, Math.min(4, availableParallelism()))): PageWorkers {
  const keys = pageKeys(key);
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { raw: keys.raw, hmacKey: keys.hmacKey, salt: keys.salt, fd } });
    worker.on('message', (message: { id: number; error?: string }) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(message.error));
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    encryptInto: (plain, firstPage) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        const owned = plain.byteOffset === 0 && plain.byteLength === plain.buffer.byteLength && !(plain.buffer instanceof SharedArrayBuffer);
        const batch = owned ? plain : Buffer.from(plain);
        workers[id % workers.length]!.postMessage({ id, firstPage, plain: batch }, [batch.buffer as ArrayBuffer]);
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
