import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes a folder and the folders above it that are missing, one level at a time. Node 20's
 * `mkdirSync(path, { recursive: true })` never returns under a folder like /proc, where making a
 * folder fails with ENOENT although its parent exists: a mistyped path would hang the command.
 *
 * @returns the folders it made, outermost first (`removeFolders` takes them back).
 * @throws the file system's error (ENOENT, EACCES, ENOTDIR…) for the first level it cannot make,
 *   once the levels it made are removed again.
 */
export function makeFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let at = folder; !exists(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  const made: string[] = [];
  for (const level of missing) {
    try {
      mkdirSync(level);
      made.push(level);
    } catch (error) {
      // Made meanwhile by another process: fine.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      removeFolders(made);
      throw error;
    }
  }
  return made;
}

/** Removes folders `makeFolders` made, innermost first, each only while empty. */
export function removeFolders(made: string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, or gone: left as it is.
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
