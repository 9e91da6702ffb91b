import { randomFillSync } from 'node:crypto';

let lastTime = 0;
let counter = 0;

// Random bytes are drawn 4 KiB at a time: one system call per ~400 ids instead of one per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomTail(): Buffer {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const tail = pool.subarray(poolOffset, poolOffset + 10);
  poolOffset += 10;
  return tail;
}

/**
 * Time-ordered UUIDs (version 7): unique across desks without coordination, and rows inserted
 * together sort together, which keeps indexes compact. Within one process ids are strictly
 * increasing, even within one millisecond (a 12-bit counter in the rand_a field), so "first
 * come, first served" orderings such as a waitlist can rely on them.
 */
export function newId(at: number = Date.now()): string {
  if (at > lastTime) {
    lastTime = at;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastTime += 1;
    counter = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastTime, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  randomTail().copy(bytes, 8);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
