import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { keyFromEnvironment, newDatabaseKey, parseDatabaseKey, type DatabaseKey } from '../db/key.js';

/** Where the desk's database key is kept, encrypted by the operating system's keychain. */
export const KEY_FILE_NAME = 'cle-base-de-donnees.bin';

export class KeychainError extends Error {}

/**
 * The desk database's encryption key, as Signal Desktop keeps its own: a random 256-bit key,
 * stored in the user-data folder encrypted by the operating system (Electron's safeStorage: the
 * Keychain on macOS, DPAPI on Windows, the Secret Service on Linux), made on the first start.
 * A key named in the environment (COMPTOIR_KEY_FILE, COMPTOIR_DB_KEY) wins: the demo and
 * support use it.
 *
 * @throws KeychainError with a French message when the keychain cannot be used.
 */
export function deskKey(userData: string, safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>, env = process.env): DatabaseKey {
  const fromEnvironment = keyFromEnvironment(env);
  if (fromEnvironment) return fromEnvironment;
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeychainError(
      'Le trousseau du système (où Comptoir garde la clé de la base de données) n’est pas disponible sur cet ordinateur. ' +
        'Ouvrez une session normale, ou indiquez un fichier de clé avec la variable COMPTOIR_KEY_FILE.',
    );
  }
  const file = join(userData, KEY_FILE_NAME);
  if (existsSync(file)) {
    try {
      return parseDatabaseKey(safeStorage.decryptString(readFileSync(file)), file);
    } catch {
      throw new KeychainError(
        `La clé de la base de données n’a pas pu être lue (${file}) : le compte de l’ordinateur a peut-être changé. ` +
          'Appelez le responsable : il faut la copie de la clé gardée en lieu sûr (COMPTOIR_KEY_FILE).',
      );
    }
  }
  const key = newDatabaseKey();
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600, flag: 'wx' });
  return key;
}
