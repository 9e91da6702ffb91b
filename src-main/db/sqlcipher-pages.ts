import * as crypto from 'node:crypto';
import { createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseKey } from './key.js';

/**
 * SQLCipher 4's page format, as SQLite3 Multiple Ciphers writes it with `cipher = 'sqlcipher'`,
 * `legacy = 4` and a raw 256-bit key (connection.ts): each 4,096-byte page is AES-256-CBC
 * encrypted except its last 80 bytes, which hold the page's random IV (16 bytes) and an
 * HMAC-SHA512 (64 bytes) of the encrypted bytes, the IV and the page number (4 bytes, little
 * endian). Page 1's first 16 bytes hold the file's random salt instead of SQLite's header; the
 * HMAC key is PBKDF2-HMAC-SHA512 of the key over the salt XOR 0x3a, 2 iterations.
 *
 * Done here with Node's crypto (hardware AES) on whole files, it re-encrypts a club snapshot in a
 * fraction of what SQLite's copy of it would take (docs/SYNC.md, Bootstrap). The plain file must
 * leave those 80 bytes free on every page (its header's « reserved space »), as a file written
 * encrypted and decrypted here does.
 */
export const SQLCIPHER_PAGE_SIZE = 4096;
export const SQLCIPHER_RESERVE = 80;
const SALT = 16;
const IV = 16;
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000');

function hmacKeyOf(key: Buffer, salt: Buffer): Buffer {
  return pbkdf2Sync(key, Buffer.from(salt.map((byte) => byte ^ 0x3a)), 2, 32, 'sha512');
}

function pageHmac(hmacKey: Buffer, page: Buffer, offset: number, pgno: number): Buffer {
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pgno);
  return createHmac('sha512', hmacKey)
    .update(page.subarray(offset, SQLCIPHER_PAGE_SIZE - SQLCIPHER_RESERVE + IV))
    .update(number)
    .digest();
}

/** Whether a plain SQLite file's pages leave SQLCipher's 80 bytes free (and are 4,096 bytes). */
export function fitsSqlcipherPages(plain: Buffer): boolean {
  return plain.length >= 100 && plain.length % SQLCIPHER_PAGE_SIZE === 0 && plain.subarray(0, 16).equals(SQLITE_HEADER) && plain.readUInt16BE(16) === SQLCIPHER_PAGE_SIZE && plain[20] === SQLCIPHER_RESERVE;
}

/**
 * A plain SQLite file (see fitsSqlcipherPages) encrypted page by page with `key`, as SQLite3
 * Multiple Ciphers would have written it; a new random salt and new random IVs.
 *
 * @throws when the file's pages do not fit the format.
 */
export function encryptPages(plain: Buffer, key: DatabaseKey): Buffer {
  if (!fitsSqlcipherPages(plain)) throw new Error('the file does not leave room for SQLCipher on its pages');
  return pageEncryptor(key)(plain, 1);
}

/**
 * Encrypts a file's pages as they come (a download): call it with whole pages, in order, and
 * the number of the first; one salt for the file. The caller checks the first page fits.
 */
export function pageEncryptor(key: DatabaseKey): (plain: Buffer, firstPage: number) => Buffer {
  const keys = pageKeys(key);
  return (plain, firstPage) => encryptPageBatch(crypto, keys.raw, keys.hmacKey, keys.salt, firstPage, plain);
}

/** A file's encryption key, its new random salt, and the HMAC key they give. */
export function pageKeys(key: DatabaseKey): { raw: Buffer; salt: Buffer; hmacKey: Buffer } {
  const raw = Buffer.from(key, 'hex');
  const salt = randomBytes(SALT);
  return { raw, salt, hmacKey: hmacKeyOf(raw, salt) };
}

/**
 * Encrypts whole pages, `firstPage` being the first one's number. Self-contained — no closure,
 * no import, Node's crypto passed in — so that a worker thread runs its very source
 * (page-workers.ts).
 */
export function encryptPageBatch(nodeCrypto: typeof crypto, raw: Buffer, hmacKey: Buffer, salt: Buffer, firstPage: number, plain: Uint8Array): Buffer {
  const pageSize = 4096;
  const end = pageSize - 80;
  const source = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  if (source.length % pageSize !== 0) throw new Error('not a whole number of pages');
  const pages = source.length / pageSize;
  const ivs = nodeCrypto.randomBytes(16 * pages);
  // Its own memory (never Node's shared pool): a worker hands it back by transfer.
  const out = Buffer.allocUnsafeSlow(source.length);
  const number = Buffer.alloc(4);
  for (let i = 0; i < pages; i++) {
    const pgno = firstPage + i;
    const page = out.subarray(i * pageSize, (i + 1) * pageSize);
    const offset = pgno === 1 ? 16 : 0;
    const iv = ivs.subarray(i * 16, (i + 1) * 16);
    const cipher = nodeCrypto.createCipheriv('aes-256-cbc', raw, iv).setAutoPadding(false);
    cipher.update(source.subarray(i * pageSize + offset, i * pageSize + end)).copy(page, offset);
    cipher.final();
    iv.copy(page, end);
    if (pgno === 1) salt.copy(page, 0);
    number.writeUInt32LE(pgno);
    nodeCrypto.createHmac('sha512', hmacKey).update(page.subarray(offset, end + 16)).update(number).digest().copy(page, end + 16);
  }
  return out;
}

/**
 * An encrypted file (SQLCipher 4 as above) decrypted page by page: a plain SQLite file whose
 * pages keep the 80 reserved bytes (zeroed).
 *
 * @throws when a page's HMAC does not match (a wrong key, a damaged or altered file).
 */
export function decryptPages(encrypted: Buffer, key: DatabaseKey): Buffer {
  if (encrypted.length === 0 || encrypted.length % SQLCIPHER_PAGE_SIZE !== 0) throw new Error('not a whole number of pages');
  const raw = Buffer.from(key, 'hex');
  const hmacKey = hmacKeyOf(raw, encrypted.subarray(0, SALT));
  const pages = encrypted.length / SQLCIPHER_PAGE_SIZE;
  const out = Buffer.alloc(encrypted.length);
  const end = SQLCIPHER_PAGE_SIZE - SQLCIPHER_RESERVE;
  for (let i = 0; i < pages; i++) {
    const page = encrypted.subarray(i * SQLCIPHER_PAGE_SIZE, (i + 1) * SQLCIPHER_PAGE_SIZE);
    const offset = i === 0 ? SALT : 0;
    if (!timingSafeEqual(pageHmac(hmacKey, page, offset, i + 1), page.subarray(end + IV))) throw new Error(`page ${i + 1} does not match its HMAC`);
    const decipher = createDecipheriv('aes-256-cbc', raw, page.subarray(end, end + IV)).setAutoPadding(false);
    const plain = decipher.update(page.subarray(offset, end));
    decipher.final();
    plain.copy(out, i * SQLCIPHER_PAGE_SIZE + offset);
  }
  SQLITE_HEADER.copy(out, 0);
  return out;
}
