import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ComptoirError } from '../../src-shared/errors.js';

/**
 * The desk database's encryption key (SQLCipher, 256 bits): 64 hexadecimal digits. Electron keeps
 * it encrypted by the operating system's keychain (safeStorage); the browser mode and the command
 * line read it from a key file (`--key-file`, `COMPTOIR_KEY_FILE`) or `COMPTOIR_DB_KEY`.
 */
export type DatabaseKey = string & { readonly __databaseKey: unique symbol };

const HEX_KEY = /^[0-9a-f]{64}$/;

/** @throws DATABASE_KEY_INVALID when the text is not 64 hexadecimal digits. */
export function parseDatabaseKey(text: string, source: string): DatabaseKey {
  const key = text.trim().toLowerCase();
  if (!HEX_KEY.test(key)) throw new ComptoirError('DATABASE_KEY_INVALID', { source });
  return key as DatabaseKey;
}

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex') as DatabaseKey;
}

/** @throws DATABASE_KEY_INVALID, KEY_FILE_NOT_FOUND */
export function readKeyFile(path: string): DatabaseKey {
  if (!existsSync(path)) throw new ComptoirError('KEY_FILE_NOT_FOUND', { path });
  return parseDatabaseKey(readFileSync(path, 'utf8'), path);
}

/** Writes a new random key to `path`, readable by its owner only. */
export function createKeyFile(path: string): DatabaseKey {
  const key = newDatabaseKey();
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * The key the environment gives, if any: `COMPTOIR_DB_KEY` (the digits), else the file named by
 * `COMPTOIR_KEY_FILE` or by `keyFile`.
 */
export function keyFromEnvironment(env: NodeJS.ProcessEnv, keyFile?: string): DatabaseKey | null {
  if (env.COMPTOIR_DB_KEY) return parseDatabaseKey(env.COMPTOIR_DB_KEY, 'COMPTOIR_DB_KEY');
  const path = keyFile ?? env.COMPTOIR_KEY_FILE;
  return path ? readKeyFile(path) : null;
}
