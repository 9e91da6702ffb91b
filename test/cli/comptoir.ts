import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real bin, in a child process, as a volunteer or a script would run it. */
const BIN = fileURLToPath(new URL('../../bin/comptoir.mjs', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `comptoir ARGS…` and returns its exit code and both outputs, whatever the code. */
export function comptoir(...args: string[]): Run {
  try {
    const stdout = execFileSync('node', [BIN, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}
