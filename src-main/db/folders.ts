import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes a folder and the folders above it that are missing, one level at a time. Node 20's
 * `mkdirSync(path, { recursive: true })` never returns under a folder like /proc, where making a
 * folder fails with ENOENT although its parent exists: a mistyped path would hang the command.
 *
 * @throws the file system's error (ENOENT, EACCES, ENOTDIR…) for the first level it cannot make.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let at = folder; !exists(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Made meanwhile by another process: fine.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
